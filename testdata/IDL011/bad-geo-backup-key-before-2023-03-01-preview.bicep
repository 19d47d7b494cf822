param location string = 'westeurope'

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-treasury-cmk')

resource treasuryServer 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'pg-treasury-weu'
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
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 256
    }
    backup: {
      backupRetentionDays: 35
      geoRedundantBackup: 'Enabled' // expect: IDL011 "not supported at api-version 2022-12-01"
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-treasury-weu.vault.azure.net/keys/cmk-treasury'
      primaryUserAssignedIdentityId: cmkIdentityId
    }
  }
}
