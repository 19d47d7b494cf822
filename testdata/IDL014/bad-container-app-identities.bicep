var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-orders-app')
var secretsIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-orders-secrets') // related: IDL014

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
        }
      ]
    }
  }
}
