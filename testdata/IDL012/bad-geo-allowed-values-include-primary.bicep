param location string = 'westeurope'

@allowed([
  'uami-pg-retail-geo'
  'uami-pg-retail-cmk' // related: IDL012
])
param geoBackupIdentityName string = 'uami-pg-retail-geo'

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-retail-cmk')
var geoIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', geoBackupIdentityName) // related: IDL012

resource retailServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-retail-weu'
  location: location
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: union({
      '${cmkIdentityId}': {}
    }, {
      '${geoIdentityId}': {}
    })
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
      primaryKeyURI: 'https://kv-retail-weu.vault.azure.net/keys/cmk-retail'
      primaryUserAssignedIdentityId: cmkIdentityId
      geoBackupKeyURI: 'https://kv-retail-neu.vault.azure.net/keys/cmk-retail-geo'
      geoBackupUserAssignedIdentityId: geoIdentityId // expect: IDL012
    }
  }
}
