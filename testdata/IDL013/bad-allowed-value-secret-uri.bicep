@allowed([
  'https://kv-hr.vault.azure.net/keys/cmk-hr'
  'https://kv-hr.vault.azure.net/secrets/cmk-hr' // related: IDL013
])
param keyUri string = 'https://kv-hr.vault.azure.net/keys/cmk-hr'

resource hrServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-hr'
  location: 'westeurope'
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-hr-keys')}': {}
    }
  }
  properties: {
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: keyUri // expect: IDL013 "when parameter 'keyUri' is 'https://kv-hr.vault.azure.net/secrets/cmk-hr'"
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-hr-keys')
    }
  }
}
