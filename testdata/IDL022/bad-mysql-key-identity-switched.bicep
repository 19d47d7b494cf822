param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var keyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-shop-keys')
var newKeyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-shop-keys-2025')

resource shopServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-shop-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { // expect: IDL022
    //   message: user-assigned identity keyIdentityId is used for data encryption ('primaryUserAssignedIdentityId' at bad-mysql-key-identity-switched.base.bicep) and can never be removed, but it is not among the server's user-assigned identities here
    //   help: keep it in identity.userAssignedIdentities; to change the key identity, first switch dataEncryption to the new identity in a deployment of its own, with both identities assigned
      '${newKeyIdentityId}': {}
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
      primaryUserAssignedIdentityId: newKeyIdentityId
    }
  }
}
