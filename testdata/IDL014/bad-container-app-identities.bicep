var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-orders-app')
var secretsIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-orders-secrets') // related: IDL014
//   message: the value set in variable 'secretsIdentityId'

resource orders 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-orders'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentityId}': {}
    }
  }
  properties: {
    configuration: {
      registries: [
        {
          server: 'crorders.azurecr.io'
          identity: 'system' // expect: IDL014
          //   message: 'identity' is 'system', but the container app has no system-assigned identity
          //   help: add SystemAssigned to identity.type, or name a user-assigned identity
        }
      ]
      secrets: [
        {
          name: 'db-password'
          keyVaultUrl: 'https://kv-orders.vault.azure.net/secrets/db-password'
          identity: appIdentityId
        }
        {
          name: 'api-key'
          keyVaultUrl: 'https://kv-orders.vault.azure.net/secrets/api-key'
          identity: secretsIdentityId // expect: IDL014
          //   message: 'identity' is secretsIdentityId, which is not assigned to the container app
          //   help: add it to identity.userAssignedIdentities
        }
      ]
    }
  }
}
