// The identity IDs come from the caller, so their values are unknown; the same expression used for
// both keys is still provably the same identity, and the message shows the expression.
@description('Resource IDs of the user-assigned identities, from the platform team.')
param identityIds string[]

@secure()
param administratorLoginPassword string

resource ledgerServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-ledger-weu'
  location: resourceGroup().location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityIds[0]}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    backup: {
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-ledger-weu.vault.azure.net/keys/cmk-ledger'
      primaryUserAssignedIdentityId: identityIds[0]
      geoBackupKeyURI: 'https://kv-ledger-neu.vault.azure.net/keys/cmk-ledger-geo'
      geoBackupUserAssignedIdentityId: identityIds[0] // expect: IDL012 "'geoBackupUserAssignedIdentityId' is identityIds[0], also the primary key's identity"
    }
  }
}
