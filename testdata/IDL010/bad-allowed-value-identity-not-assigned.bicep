@allowed([
  'id-pg-keys'
  'id-pg-app' // related: IDL010
])
param keyIdentityName string = 'id-pg-keys'

var assigned = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-keys')

resource ledgerServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-ledger'
  location: 'westeurope'
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${assigned}': {}
    }
  }
  properties: {
    version: '16'
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-ledger.vault.azure.net/keys/cmk-ledger'
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', keyIdentityName) // expect: IDL010 "when parameter 'keyIdentityName' is 'id-pg-app'"
    }
  }
}
