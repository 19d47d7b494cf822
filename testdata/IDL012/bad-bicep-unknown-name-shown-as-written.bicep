// The identity's name is made from a parameter the caller gives: the message shows the identity
// as it is written here, in Bicep, not as the lowered ARM expression and never as '?'.
param prefix string

@secure()
param administratorLoginPassword string

var keyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', '${prefix}-id')

resource vaultServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${prefix}-pg'
  location: 'westeurope'
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentityId}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    backup: {
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-vault-weu.vault.azure.net/keys/cmk-vault'
      primaryUserAssignedIdentityId: keyIdentityId
      geoBackupKeyURI: 'https://kv-vault-neu.vault.azure.net/keys/cmk-vault-geo'
      geoBackupUserAssignedIdentityId: keyIdentityId // expect: IDL012 "'geoBackupUserAssignedIdentityId' is resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', '${prefix}-id'), also the primary key's identity"
    }
  }
}
