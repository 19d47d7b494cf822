@allowed([
  'SystemAssigned,UserAssigned'
  'UserAssigned'
])
param identityType string = 'SystemAssigned,UserAssigned'

var keyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-cmk')

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-known'
  location: 'westeurope'
  identity: {
    type: identityType
    userAssignedIdentities: {
      '${keyIdentityId}': {}
    }
  }
  properties: {
    version: '16'
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pg.vault.azure.net/keys/cmk-pg'
      primaryUserAssignedIdentityId: keyIdentityId
    }
  }
}
