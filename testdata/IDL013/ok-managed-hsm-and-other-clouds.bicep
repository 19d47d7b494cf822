param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-db-cmk')
var geoIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-db-geo')
var identities = {
  type: 'UserAssigned'
  userAssignedIdentities: {
    '${cmkIdentityId}': {}
    '${geoIdentityId}': {}
  }
}

resource govServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-gov-east'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: identities
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
      primaryKeyURI: 'https://hsm-ops-weu.managedhsm.azure.net/keys/cmk-ops/0a1b2c3d4e5f60718293a4b5c6d7e8f9'
      primaryUserAssignedIdentityId: cmkIdentityId
      geoBackupKeyURI: 'https://kv-gov-west.vault.usgovcloudapi.net/keys/cmk-gov-geo'
      geoBackupUserAssignedIdentityId: geoIdentityId
    }
  }
}

resource chinaServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-cn-north'
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: identities
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-cn-north.vault.azure.cn/keys/cmk-cn'
      primaryUserAssignedIdentityId: cmkIdentityId
      geoBackupKeyURI: 'https://hsm-cn-east.managedhsm.azure.cn/keys/cmk-cn-geo'
      geoBackupUserAssignedIdentityId: geoIdentityId
    }
  }
}
