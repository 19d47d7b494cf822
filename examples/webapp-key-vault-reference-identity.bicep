// A web app that reads its connection strings from Key Vault references. The platform team
// created two user-assigned identities; the app is given the one it uses for the database, but its
// Key Vault references are set to resolve with the other one, which the app does not have: the
// references stay unresolved at run time and the app starts without its settings.
param location string = resourceGroup().location

resource plan 'Microsoft.Web/serverfarms@2024-04-01' existing = {
  name: 'asp-contoso-orders'
}

resource dbIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-orders-db'
}

resource vaultIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-orders-kv'
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-contoso-orders'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${dbIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: vaultIdentity.id
    siteConfig: {
      appSettings: [
        {
          name: 'ORDERS_DB'
          value: '@Microsoft.KeyVault(SecretUri=https://kv-contoso-orders.vault.azure.net/secrets/orders-db/)'
        }
      ]
    }
  }
}
