// The server is given the app identity, but the key is read with the CMK identity.
param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-pg-shop-app'
  location: location
}

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-pg-shop-cmk'
  location: location
}

resource shopServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-shop-weu'
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
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-shop-weu.vault.azure.net/keys/cmk-shop'
      primaryUserAssignedIdentityId: cmkIdentity.id // expect: IDL010 "'primaryUserAssignedIdentityId' is cmkIdentity.id, which is not assigned to the server"
    }
  }
}
