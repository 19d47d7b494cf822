param location string = 'westeurope'

@description('No default: unknown name, but the same expression is used twice.')
param cmkIdentityName string

@secure()
param administratorLoginPassword string

resource insuranceServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-insurance-weu'
  location: location
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', cmkIdentityName)}': {}
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
      primaryKeyURI: 'https://kv-insurance-weu.vault.azure.net/keys/cmk-insurance'
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', cmkIdentityName)
      geoBackupKeyURI: 'https://kv-insurance-neu.vault.azure.net/keys/cmk-insurance-geo'
      geoBackupUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', cmkIdentityName) // expect: IDL012
    }
  }
}
