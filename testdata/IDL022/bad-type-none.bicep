param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var keyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-wiki-keys')

resource wikiServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-wiki-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'None' // expect: IDL022
    //   message: user-assigned identity keyIdentityId is used for data encryption ('primaryUserAssignedIdentityId' at bad-type-none.base.bicep) and can never be removed, but identity.type 'None' removes every user-assigned identity
    //   help: keep it in identity.userAssignedIdentities; to change the key identity, first switch dataEncryption to the new identity in a deployment of its own, with both identities assigned
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
      primaryKeyURI: 'https://kv-pg-wiki.vault.azure.net/keys/cmk-pg-wiki'
      primaryUserAssignedIdentityId: keyIdentityId
    }
  }
}
