param geoRedundant bool = false

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
      primaryKeyURI: 'https://kv-claims.vault.azure.net/keys/cmk-claims'
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-claims-keys')
    }
  }
}
