param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var keyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-blog-keys')

resource blogServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-blog-weu'
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
    administratorLogin: 'blogadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 64
    }
    dataEncryption: {
      type: 'AzureKeyVault' // expect: IDL023
      //   message: customer-managed key encryption is added to a server that has 'SystemManaged' at bad-mysql-cmk-added.base.bicep, but the encryption mode is fixed when a server is created
      //   help: keep 'SystemManaged' (or create a new server)
      primaryKeyURI: 'https://kv-mysql-blog.vault.azure.net/keys/cmk-mysql-blog'
      primaryUserAssignedIdentityId: keyIdentityId
    }
  }
}
