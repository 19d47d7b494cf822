param location string = 'westeurope'

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-games-cmk')

resource gamesServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-games-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentityId}': {}
    }
  }
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
      primaryKeyURI: 'https://kv-games-weu.vault.azure.net/keys/cmk-games'
      primaryUserAssignedIdentityId: cmkIdentityId
      geoBackupKeyURI: 'https://kv-games-neu.vault.azure.net/keys/cmk-games-geo'
      geoBackupUserAssignedIdentityId: cmkIdentityId
    }
  }
}
