// Hostile input: text searches that compare a long needle again at every position (hours if done naively).
var a0 = 'aaaaaaaa'
var a1 = '${a0}${a0}'
var a2 = '${a1}${a1}'
var a3 = '${a2}${a2}'
var a4 = '${a3}${a3}'
var a5 = '${a4}${a4}'
var a6 = '${a5}${a5}'
var a7 = '${a6}${a6}'
var a8 = '${a7}${a7}'
var a9 = '${a8}${a8}'
var a10 = '${a9}${a9}'
var a11 = '${a10}${a10}'
var a12 = '${a11}${a11}'
var a13 = '${a12}${a12}'
var a14 = '${a13}${a13}'
var a15 = '${a14}${a14}'
var a16 = '${a15}${a15}'
var needle = '${a15}b'

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hostile'
  location: 'westeurope'
  identity: {
    type: indexOf(a16, needle) == -1 && lastIndexOf(a16, needle) == -1 && !contains(a16, needle) && length(split(a16, needle)) == 1 && replace(a16, needle, '') == a16 ? 'SystemAssigned UserAssigned' : 'None' // expect: IDL001, IDL002
  }
}
