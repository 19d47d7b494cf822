// The orders database after a "tidy-up" change: the key identity was swapped for a new one and
// the old one dropped from the server's identities. Compared with the server as deployed
// (deployed.json, from `az postgres flexible-server show`), the change would fail.
@description('Name of the PostgreSQL flexible server.')
param serverName string = 'pg-orders-prod'

@description('Location of the server.')
param location string = resourceGroup().location

@description('Key used for data encryption.')
param keyUri string = 'https://kv-orders-prod.vault.azure.net/keys/pg-orders'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-orders-app'
}

resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-orders-key-v2'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
      '${keyIdentity.id}': {}
    }
  }
  properties: {
    version: '16'
    storage: {
      storageSizeGB: 128
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: keyUri
      primaryUserAssignedIdentityId: keyIdentity.id
    }
  }
}
