param location string = 'westeurope'

@secure()
param administratorLoginPassword string

var primaryIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-payroll-cmk-weu')
var geoIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-payroll-geo-neu')

resource payrollServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-payroll-weu'
  location: location
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { // expect: IDL022
    //   message: user-assigned identity geoIdentityId is used for data encryption ('geoBackupUserAssignedIdentityId' at bad-geo-identity-switched.base.bicep) and can never be removed, but it is not among the server's user-assigned identities here
    //   help: keep it in identity.userAssignedIdentities; to change the key identity, first switch dataEncryption to the new identity in a deployment of its own, with both identities assigned
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
      geoBackupUserAssignedIdentityId: geoIdentityId
    }
  }
}
