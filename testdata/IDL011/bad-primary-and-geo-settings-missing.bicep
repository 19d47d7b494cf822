resource auditServer 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: 'pg-audit'
  location: 'westeurope'
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-audit-keys')}': {}
    }
  }
  properties: {
    version: '16'
    backup: {
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      // One finding lists every missing setting, the primary key URI and both geo-backup settings.
      type: 'AzureKeyVault' // expect: IDL011 "dataEncryption is missing 'primaryKeyURI', and for geo-redundant backup 'geoBackupKeyURI' and 'geoBackupUserAssignedIdentityId'"
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-audit-keys')
    }
  }
}
