param separateGeoIdentity bool = true // related: IDL012
//   message: bool parameter 'separateGeoIdentity' (true and false are both checked)

var primaryIdentity = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pay-keys') // related: IDL012
//   message: the value set in variable 'primaryIdentity'
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
      //   message: 'geoBackupUserAssignedIdentityId' is primaryIdentity, also the primary key's identity (when parameter 'separateGeoIdentity' is false)
      //   help: geo-redundant backup needs a second user-assigned identity: assign one to the server and name it here
    }
  }
}
