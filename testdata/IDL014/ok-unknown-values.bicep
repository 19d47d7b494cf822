param cmkIdentityId string
param identities object
param keyVaultIdentityName string

resource orders 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stordersweu'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: identities
  }
  properties: {
    encryption: {
      keySource: 'Microsoft.Keyvault'
      identity: {
        userAssignedIdentity: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-orders-cmk')
      }
    }
  }
}

resource billing 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stbillingweu'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-billing')}': {}
    }
  }
  properties: {
    encryption: {
      keySource: 'Microsoft.Keyvault'
      identity: {
        userAssignedIdentity: cmkIdentityId
      }
    }
  }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', keyVaultIdentityName)}': {}
    }
  }
  properties: {
    keyVaultReferenceIdentity: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-kv')
  }
}
