// Hostile input: range() with counts past ARM's limit, and a loop over 10,000 items.
var huge = range(0, 2000000000)
var most = range(0, 10000)

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hostile'
  location: 'westeurope'
  identity: {
    type: empty(huge) ? 'None' : 'SystemAssigned' // expect: IDL901 "range(): the start and count are out of range"
  }
}

resource pgs 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = [for i in most: {
  name: 'pg-${i}'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned' // expect: IDL002
  }
}]
