param location string = resourceGroup().location

@description('Attach a user-assigned identity as well.')
param attachUserIdentity bool = false

@secure()
param administratorLoginPassword string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-tickets-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: attachUserIdentity ? 'SystemAssigned,UserAssigned' : 'SystemAssigned' // expect: IDL002
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
  }
}
