param location string = resourceGroup().location

@description('No default.')
param keyVaultName string

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-lake-cmk')
var geoIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-lake-geo')

resource lakeVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-lake-weu'

  resource lakeKey 'keys' existing = {
    name: 'cmk-lake'
  }
}

resource lakeServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-lake-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
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
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: lakeVault::lakeKey.properties.keyUriWithVersion
      primaryUserAssignedIdentityId: cmkIdentityId
      geoBackupKeyURI: 'https://${keyVaultName}.vault.azure.net/secrets/cmk-lake-geo'
      geoBackupUserAssignedIdentityId: geoIdentityId
    }
  }
}
