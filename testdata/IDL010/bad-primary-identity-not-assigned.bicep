param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-app')
var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-cmk') // related: IDL010
//   message: the value set in variable 'cmkIdentityId'

resource secureServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-secure-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
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
      primaryKeyURI: 'https://kv-pg-secure.vault.azure.net/keys/cmk-pg-secure'
      primaryUserAssignedIdentityId: cmkIdentityId // expect: IDL010
      //   message: 'primaryUserAssignedIdentityId' is cmkIdentityId, which is not assigned to the server
      //   help: add it to identity.userAssignedIdentities
    }
  }
}
