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
      primaryKeyURI: 'http://kv-bank-weu.vault.azure.net/keys/cmk-bank' // expect: IDL013
      primaryUserAssignedIdentityId: cmkIdentityId
      geoBackupKeyURI: 'https://kv-bank-neu.vault.azure.net/keys/cmk-bank-geo/7c1e9a4f-3b2d-4e8a-9f6c-1d5b8e2a4c07' // expect: IDL013
      geoBackupUserAssignedIdentityId: geoIdentityId
    }
  }
}
