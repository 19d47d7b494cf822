// On its own defaults this module is valid: nothing is reported in this file.
param serverName string
param identityType string = 'SystemAssigned'
param userAssignedIdentityIds array = []
param cmkIdentityId string = ''

var identities = reduce(userAssignedIdentityIds, {}, (acc, id) => union(acc, { '${id}': {} }))

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: 'westeurope'
  identity: {
    type: identityType // related: IDL007
    userAssignedIdentities: empty(userAssignedIdentityIds) ? null : identities
  }
  properties: {
    version: '16'
    dataEncryption: empty(cmkIdentityId) ? null : { // related: IDL010
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pg.vault.azure.net/keys/cmk-pg'
      primaryUserAssignedIdentityId: cmkIdentityId
    }
  }
}

output serverId string = server.id
output cmkIdentity string = cmkIdentityId
