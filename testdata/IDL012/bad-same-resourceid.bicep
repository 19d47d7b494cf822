// The same identity as an existing declaration's .id and as resourceId(): the two compare equal.
param location string = 'westeurope'

@secure()
param administratorLoginPassword string

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg-clinic-cmk'
}

resource clinicServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-clinic-weu'
  location: location
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentity.id}': {}
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
      primaryKeyURI: 'https://kv-clinic-weu.vault.azure.net/keys/cmk-clinic'
      primaryUserAssignedIdentityId: cmkIdentity.id
      geoBackupKeyURI: 'https://kv-clinic-neu.vault.azure.net/keys/cmk-clinic-geo'
      geoBackupUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-clinic-cmk') // expect: IDL012
    }
  }
}
