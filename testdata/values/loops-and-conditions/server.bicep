param identityType string = 'SystemAssigned'

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-module'
  location: 'westeurope'
  identity: {
    type: identityType // related: IDL007
  }
  properties: {
    version: '16'
  }
}
