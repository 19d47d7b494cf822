param location string = resourceGroup().location
param useUserIdentity bool = true
param identityName string = 'uami-pg-search'

@secure()
param administratorLoginPassword string

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: 'pg-search-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: useUserIdentity ? 'UserAssigned' : 'None'
    userAssignedIdentities: useUserIdentity ? {
      '${identityId}': {}
    } : {}
  }
  properties: {
    version: '15'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
  }
}
