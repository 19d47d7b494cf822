param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var keyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-sales-keys')
var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-sales-app')

resource salesServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-sales-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { // expect: IDL022
    //   message: user-assigned identity keyIdentityId is used for data encryption ('primaryUserAssignedIdentityId' at bad-key-identity-switched.base.bicep) and can never be removed, but it is not among the server's user-assigned identities here
    //   help: keep it in identity.userAssignedIdentities; to change the key identity, first switch dataEncryption to the new identity in a deployment of its own, with both identities assigned
      '${appIdentityId}': {}
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
      primaryKeyURI: 'https://kv-pg-sales.vault.azure.net/keys/cmk-pg-sales'
      primaryUserAssignedIdentityId: appIdentityId
    }
  }
}
