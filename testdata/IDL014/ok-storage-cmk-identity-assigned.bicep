resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-orders-app'
}

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'UAMI-Orders-CMK'
}

resource orders 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stordersweu'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
      '${cmkIdentity.id}': {}
    }
  }
  properties: {
    encryption: {
      keySource: 'Microsoft.Keyvault'
      identity: {
        userAssignedIdentity: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-orders-cmk')
      }
      keyvaultproperties: {
        keyvaulturi: 'https://kv-orders.vault.azure.net'
        keyname: 'cmk-orders'
      }
    }
  }
}
