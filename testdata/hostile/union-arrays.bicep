// Hostile input: union() of long arrays compares every pair of items, again under each of 256 bindings.
param b0 bool
param b1 bool
param b2 bool
param b3 bool
param b4 bool
param b5 bool
param b6 bool
param b7 bool

var xs = range(0, 1000)
var ys = range(1000, 1000)
var merged = union(xs, ys, [b0, b1, b2, b3, b4, b5, b6, b7])

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hostile'
  location: 'westeurope'
  identity: { // expect: IDL901 "the evaluation budget of this file is used up"
    type: length(merged) > 2002 ? 'None' : 'SystemAssigned'
  }
}
