param location string = resourceGroup().location
param useManagedHsm bool = true // related: IDL013
//   message: bool parameter 'useManagedHsm' (true and false are both checked)
param keyName string = 'cmk-pg-ops'

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-ops-cmk')
var hsmKeyUri = 'https://hsm-ops-weu.managedhsm.azure.net/keys/${keyName}'
var vaultKeyUri = 'https://kv-ops-weu.vault.azure.net/secrets/${keyName}' // related: IDL013
//   message: the value set in variable 'vaultKeyUri'

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
      //   message: 'primaryKeyURI' 'https://kv-ops-weu.vault.azure.net/secrets/cmk-pg-ops' is not a key URI: it names a secret, not a key (when parameter 'useManagedHsm' is false)
      //   help: write the key's URI: https://VAULT.vault.azure.net/keys/KEY[/VERSION], or NAME.managedhsm.azure.net for a Managed HSM key
      primaryUserAssignedIdentityId: cmkIdentityId
    }
  }
}
