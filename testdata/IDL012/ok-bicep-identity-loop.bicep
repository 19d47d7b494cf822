// Identities from a loop: identities[0] and identities[1] have names only known per iteration, so
// they are never proven to be the same identity.
param location string = 'westeurope'
param identityNames array = [
  'uami-pg-media-cmk'
  'uami-pg-media-geo'
]

@secure()
param administratorLoginPassword string

resource identities 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = [for name in identityNames: {
  name: name
  location: location
}]

resource mediaServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-media-weu'
  location: location
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identities[0].id}': {}
      '${identities[1].id}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    backup: {
      backupRetentionDays: 35
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-media-weu.vault.azure.net/keys/cmk-media'
      primaryUserAssignedIdentityId: identities[0].id
      geoBackupKeyURI: 'https://kv-media-neu.vault.azure.net/keys/cmk-media-geo'
      geoBackupUserAssignedIdentityId: identities[1].id
    }
  }
}
