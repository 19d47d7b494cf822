// Hostile input: a lambda doubles its accumulator 64 times.
var v0 = 'ab'
var v1 = reduce(range(0, 64), v0, (acc, i) => '${acc}${acc}')

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hostile'
  location: 'westeurope'
  identity: {
    type: length(v1) > 3 ? 'SystemAssigned' : 'None' // expect: IDL901 "value larger than 1 MiB"
  }
}
