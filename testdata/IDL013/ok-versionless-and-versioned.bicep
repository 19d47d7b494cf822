param location string = 'westeurope'

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-bank-cmk')
var geoIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-bank-geo')

resource bankServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-bank-weu'
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
      primaryKeyURI: 'https://kv-bank-weu.vault.azure.net/keys/cmk-bank/'
      primaryUserAssignedIdentityId: cmkIdentityId
      geoBackupKeyURI: 'https://kv-bank-neu.vault.azure.net/keys/cmk-bank-geo/4b9e1d2c7a3f4e8b9d0c6a5e2f1b3c7d'
      geoBackupUserAssignedIdentityId: geoIdentityId
    }
  }
}
