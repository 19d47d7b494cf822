// Hostile input: a lambda wraps its accumulator in an array 1000 times (a value 1000 levels deep).
var deep = reduce(range(0, 1000), [], (acc, i) => [acc])

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hostile'
  location: 'westeurope'
  identity: {
    type: string(deep) == '' ? 'None' : 'SystemAssigned' // expect: IDL901 "value nested more than 128 levels deep"
  }
}
