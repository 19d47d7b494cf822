// The server exists only in production, where its type is UserAssigned; the 'None' branch of the
// ternary belongs to a deployment in which the server is not deployed at all.
@allowed([
  'dev'
  'prod'
])
param environmentName string = 'dev'
param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-quotes')

resource quotesServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = if (environmentName == 'prod') {
  name: 'pg-quotes-weu'
  location: location
  sku: {
    name: 'Standard_B2s'
    tier: 'Burstable'
  }
  identity: {
    type: environmentName == 'prod' ? 'UserAssigned' : 'None'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
