// Valid on its own defaults; app.bicepparam passes a CMK identity the server does not have, and
// suppresses that finding where it passes the value.
param keyIdentityName string = 'uami-pg-cmk'

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg-cmk'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-app'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentity.id}': {}
    }
  }
  properties: {
    version: '16'
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pg.vault.azure.net/keys/cmk-pg'
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', keyIdentityName) // expect: IDL010 (suppressed "assigned by the platform pipeline")
    }
  }
}
