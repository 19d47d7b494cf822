param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var keyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-forum-keys')

resource forumServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-forum-weu'
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
    administratorLogin: 'forumadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 64
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-mysql-forum.vault.azure.net/keys/cmk-mysql-forum'
      primaryUserAssignedIdentityId: keyIdentityId
    }
  }
}
