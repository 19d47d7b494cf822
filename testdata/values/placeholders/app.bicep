// Placeholders a sample leaves for the user ('<IDENTITY_RESOURCE_ID>' here, '<your-key-uri>' in
// app.bicepparam) are not checked; a value that only looks like one is.
param keyIdentityId string = '<IDENTITY_RESOURCE_ID>'
param keyUri string = 'https://kv-pg.vault.azure.net/keys/cmk-pg'
param otherIdentityId string = '<IDENTITY_RESOURCE_ID' // related: IDL004

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-placeholders'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentityId}': {}
    }
  }
  properties: {
    version: '16'
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: keyUri
      primaryUserAssignedIdentityId: keyIdentityId
    }
  }
}

resource other 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-not-a-placeholder'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${otherIdentityId}': {} // expect: IDL004 "'<IDENTITY_RESOURCE_ID' is not a resource ID"
    }
  }
}
