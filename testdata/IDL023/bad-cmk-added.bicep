param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var keyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-ledger-keys')
var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-ledger-app')

resource ledgerServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-ledger-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentityId}': {}
      '${appIdentityId}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
    dataEncryption: {
      type: 'AzureKeyVault' // expect: IDL023
      //   message: customer-managed key encryption is added to a server that has 'SystemManaged' at bad-cmk-added.base.bicep, but the encryption mode is fixed when a server is created
      //   help: keep 'SystemManaged' (or create a new server)
      primaryKeyURI: 'https://kv-pg-ledger.vault.azure.net/keys/cmk-pg-ledger'
      primaryUserAssignedIdentityId: keyIdentityId
    }
  }
}
