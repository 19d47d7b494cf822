param location string = resourceGroup().location
param useManagedHsm bool = true
param keyName string = 'cmk-pg-ops'

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-ops-cmk')
var hsmKeyUri = 'https://hsm-ops-weu.managedhsm.azure.net/keys/${keyName}'
var vaultKeyUri = 'https://kv-ops-weu.vault.azure.net/secrets/${keyName}' // related: IDL013

resource opsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: 'pg-ops-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentityId}': {}
    }
  }
  properties: {
    version: '17'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: useManagedHsm ? hsmKeyUri : vaultKeyUri // expect: IDL013
      primaryUserAssignedIdentityId: cmkIdentityId
    }
  }
}
