param location string = 'westeurope'

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-pharma-cmk') // related: IDL012
//   message: the value set in variable 'cmkIdentityId'
var geoBackupIdentityId = cmkIdentityId

resource pharmaServer 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: 'pg-pharma-weu'
  location: location
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentityId}': {}
    }
  }
  properties: {
    version: '15'
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
      primaryKeyURI: 'https://kv-pharma-weu.vault.azure.net/keys/cmk-pharma'
      primaryUserAssignedIdentityId: cmkIdentityId
      geoBackupKeyURI: 'https://kv-pharma-neu.vault.azure.net/keys/cmk-pharma-geo'
      geoBackupUserAssignedIdentityId: geoBackupIdentityId // expect: IDL012
      //   message: 'geoBackupUserAssignedIdentityId' is cmkIdentityId, also the primary key's identity
      //   help: geo-redundant backup needs a second user-assigned identity: assign one to the server and name it here
    }
  }
}
