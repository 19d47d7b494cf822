param location string = resourceGroup().location
param extraIdentityName string
param externalIdentityId string

@secure()
param administratorLoginPassword string

// Deployed by another pipeline; its output is only known at deployment time.
resource identityModule 'Microsoft.Resources/deployments@2022-09-01' existing = {
  name: 'identity-module'
}

resource assetsServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-assets-weu'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-assets')}': {}
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', extraIdentityName)}': {}
      '${externalIdentityId}': {}
      '${identityModule.properties.outputs.identityId.value}': {}
    }
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
