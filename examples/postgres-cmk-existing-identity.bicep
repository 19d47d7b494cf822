// Orders database of the shop: PostgreSQL flexible server with customer-managed-key encryption.
// The platform team owns the Key Vault and the identities; this template only references them.

@description('Name of the PostgreSQL flexible server.')
param serverName string = 'psql-shop-orders'

@description('Region of the server.')
param location string = resourceGroup().location

@description('Key Vault that holds the data encryption key.')
param keyVaultName string = 'kv-shop-platform'

@description('Administrator password.')
@secure()
param administratorLoginPassword string

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource dataKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' existing = {
  parent: keyVault
  name: 'psql-shop-orders-cmk'
}

// The identity the app uses to reach the database, and the one allowed to unwrap the key.
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-shop-orders-app'
}

resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-shop-orders-cmk'
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
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: dataKey.properties.keyUriWithVersion
      primaryUserAssignedIdentityId: keyIdentity.id
    }
  }
}
