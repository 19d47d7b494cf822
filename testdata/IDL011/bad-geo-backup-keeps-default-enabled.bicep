// Geo-redundant backup is on by default: the message says the parameter keeps its default, and
// points at that default. The environment parameter changes names only, so it is not named.
@allowed(['dev', 'prod'])
param environment string = 'dev'

@allowed(['Disabled', 'Enabled'])
param geoRedundantBackup string = 'Enabled' // related: IDL011

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-${environment}-cmk')

resource ledgerServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-ledger-${environment}'
  location: 'westeurope'
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
    backup: {
      geoRedundantBackup: geoRedundantBackup
    }
    dataEncryption: {
      type: 'AzureKeyVault' // expect: IDL011 "(when parameter 'geoRedundantBackup' keeps its default 'Enabled')"
      primaryKeyURI: 'https://kv-ledger-weu.vault.azure.net/keys/cmk-ledger'
      primaryUserAssignedIdentityId: cmkIdentityId
    }
  }
}
