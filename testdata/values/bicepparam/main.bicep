// Valid on its own defaults; prod.bicepparam passes a CMK identity the server does not have.
param serverName string = 'pg-bicepparam'
param keyIdentityName string = 'uami-pg-cmk'
param environmentName string = 'dev'

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg-cmk'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
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
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', keyIdentityName) // expect: IDL010 "(with parameter file 'prod.bicepparam')"
    }
  }
  tags: {
    environment: environmentName
  }
}
