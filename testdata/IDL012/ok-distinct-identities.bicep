param location string = 'westeurope'

@secure()
param administratorLoginPassword string

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg-pay-cmk'
}

resource geoIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg-pay-geo'
}

resource payServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-pay-weu'
  location: location
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentity.id}': {}
      '${geoIdentity.id}': {}
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
      primaryKeyURI: 'https://kv-pay-weu.vault.azure.net/keys/cmk-pay'
      primaryUserAssignedIdentityId: cmkIdentity.id
      geoBackupKeyURI: 'https://kv-pay-neu.vault.azure.net/keys/cmk-pay-geo'
      geoBackupUserAssignedIdentityId: geoIdentity.id
    }
  }
}
