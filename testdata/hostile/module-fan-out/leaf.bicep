param flags array

resource servers 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = [for k in range(0, 64): {
  name: 'pg-${k}-${string(flags)}'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned' // expect: IDL002
  }
}]
