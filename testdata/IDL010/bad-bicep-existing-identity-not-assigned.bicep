// Existing identities: the geo-backup key identity was declared but never assigned to the server.
param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg-grants-cmk'
}

resource geoIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg-grants-geo'
}

resource grantsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-grants-weu'
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
    backup: {
      backupRetentionDays: 35
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-grants-weu.vault.azure.net/keys/cmk-grants'
      primaryUserAssignedIdentityId: cmkIdentity.id
      geoBackupKeyURI: 'https://kv-grants-neu.vault.azure.net/keys/cmk-grants-geo'
      geoBackupUserAssignedIdentityId: geoIdentity.id // expect: IDL010 "'geoBackupUserAssignedIdentityId'"
    }
  }
}
