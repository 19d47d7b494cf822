param location string = resourceGroup().location
param identityResourceGroup string = 'rg-identities'

@secure()
param administratorLoginPassword string

var identitySubscriptionId = '3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13'

resource identityB 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-assets-b'
}

resource identityD 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-assets-d'
  scope: resourceGroup('3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13', 'rg-shared')
}

resource assetsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-assets-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '/subscriptions/3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13/resourceGroups/rg-identities/providers/microsoft.managedidentity/userAssignedIdentities/uami-assets-a': {}
      '${identityB.id}': {}
      '${resourceId(identityResourceGroup, 'Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-assets-c')}': {}
      '${identityD.id}': {}
      '/subscriptions/${identitySubscriptionId}/resourceGroups/${identityResourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-assets-e': {}
    }
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
