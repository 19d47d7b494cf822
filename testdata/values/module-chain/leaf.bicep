param name string = 'pg-leaf'
param identityType string = 'None'

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned' // expect: IDL003
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-leaf')}': {}
    }
  }
}

resource other 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${name}-other'
  location: 'westeurope'
  identity: {
    type: identityType // related: IDL002
  }
}
