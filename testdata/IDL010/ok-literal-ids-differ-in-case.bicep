param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource ledgerServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-ledger-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '/subscriptions/3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13/resourceGroups/rg-security/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-ledger-cmk': {}
    }
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-ledger-weu.vault.azure.net/keys/cmk-ledger'
      primaryUserAssignedIdentityId: '/subscriptions/3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13/resourceGroups/RG-Security/providers/microsoft.managedidentity/userAssignedIdentities/UAMI-Ledger-CMK'
    }
  }
}
