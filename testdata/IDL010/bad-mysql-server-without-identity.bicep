param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource vaultServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-vault-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 64
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-mysql-vault.vault.azure.net/keys/cmk-mysql/4b9e1d2c7a3f4e8b9d0c6a5e2f1b3c7d'
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-cmk') // expect: IDL010
    }
  }
}
