var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-orders-app')
var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-orders-cmk') // related: IDL014
//   message: the value set in variable 'cmkIdentityId'

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
      '${appIdentityId}': {}
    }
  }
  properties: {
    encryption: {
      keySource: 'Microsoft.Keyvault'
      identity: {
        userAssignedIdentity: cmkIdentityId // expect: IDL014
        //   message: 'userAssignedIdentity' is cmkIdentityId, which is not assigned to the storage account
        //   help: add it to identity.userAssignedIdentities
      }
      keyvaultproperties: {
        keyvaulturi: 'https://kv-orders.vault.azure.net'
        keyname: 'cmk-orders'
      }
      services: {
        blob: {
          enabled: true
        }
      }
    }
  }
}
