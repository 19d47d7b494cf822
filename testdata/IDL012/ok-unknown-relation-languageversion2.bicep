// Twin of the languageVersion 2.0 template: the geo identity's name is unknown, so is the relation.
param location string = 'westeurope'

@description('No default.')
param geoBackupIdentityName string

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-media-cmk')
var geoIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', geoBackupIdentityName)

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-media-weu'
  location: location
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentityId}': {}
      '${geoIdentityId}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 256
    }
    backup: {
      backupRetentionDays: 35
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-media-weu.vault.azure.net/keys/cmk-media'
      primaryUserAssignedIdentityId: cmkIdentityId
      geoBackupKeyURI: 'https://kv-media-neu.vault.azure.net/keys/cmk-media-geo'
      geoBackupUserAssignedIdentityId: geoIdentityId
    }
  }
}
