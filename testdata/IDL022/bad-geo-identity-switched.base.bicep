param location string = 'westeurope'

@secure()
param administratorLoginPassword string

var primaryIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-payroll-cmk-weu')
var geoIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-payroll-cmk-neu')

resource payrollServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-payroll-weu'
  location: location
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${primaryIdentityId}': {}
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
      primaryKeyURI: 'https://kv-payroll-weu.vault.azure.net/keys/cmk-payroll'
      primaryUserAssignedIdentityId: primaryIdentityId
      geoBackupKeyURI: 'https://kv-payroll-neu.vault.azure.net/keys/cmk-payroll-geo'
      geoBackupUserAssignedIdentityId: geoIdentityId // related: IDL022
      //   message: the base version (bad-geo-identity-switched.base.bicep): geoIdentityId
    }
  }
}
