// Hostile input: for-expressions nested three deep over range(0, 1000): a billion items if built.
var cube = [for i in range(0, 1000): [for j in range(0, 1000): [for k in range(0, 1000): '${i}-${j}-${k}']]]

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hostile'
  location: 'westeurope'
  identity: { // expect: IDL901 "the evaluation budget of this file is used up"
    type: empty(cube) ? 'None' : 'SystemAssigned'
  }
}
