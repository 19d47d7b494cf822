param geoRedundant bool = false // related: IDL011
//   message: bool parameter 'geoRedundant' (true and false are both checked)

resource claimsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-claims'
  location: 'westeurope'
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-claims-keys')}': {}
    }
  }
  properties: {
    version: '16'
    backup: {
      geoRedundantBackup: geoRedundant ? 'Enabled' : 'Disabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault' // expect: IDL011 "when parameter 'geoRedundant' is true"
      //   message: geo-redundant backup with a customer-managed key is missing 'geoBackupKeyURI' and 'geoBackupUserAssignedIdentityId' (when parameter 'geoRedundant' is true)
      //   help: set 'geoBackupKeyURI' to a key in a vault in the paired region; 'geoBackupUserAssignedIdentityId' to a second user-assigned identity that reads that key
      primaryKeyURI: 'https://kv-claims.vault.azure.net/keys/cmk-claims'
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-claims-keys')
    }
  }
}
