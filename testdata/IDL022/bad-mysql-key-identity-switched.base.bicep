param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var keyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-shop-keys')

resource shopServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-shop-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentityId}': {}
    }
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'shopadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 64
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-mysql-shop.vault.azure.net/keys/cmk-mysql-shop'
      primaryUserAssignedIdentityId: keyIdentityId // related: IDL022
      //   message: the base version (bad-mysql-key-identity-switched.base.bicep): keyIdentityId
    }
  }
}
