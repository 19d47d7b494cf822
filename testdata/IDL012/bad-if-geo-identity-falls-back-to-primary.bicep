param separateGeoIdentity bool = true

var primaryIdentity = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pay-keys') // related: IDL012
var geoIdentity = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pay-keys-geo')

resource paymentsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-payments'
  location: 'westeurope'
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${primaryIdentity}': {}
      '${geoIdentity}': {}
    }
  }
  properties: {
    version: '16'
    backup: {
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pay-weu.vault.azure.net/keys/cmk-pay'
      primaryUserAssignedIdentityId: primaryIdentity
      geoBackupKeyURI: 'https://kv-pay-neu.vault.azure.net/keys/cmk-pay-geo'
      geoBackupUserAssignedIdentityId: separateGeoIdentity ? geoIdentity : primaryIdentity // expect: IDL012 "when parameter 'separateGeoIdentity' is false"
    }
  }
}
