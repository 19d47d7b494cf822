param identityType string
param keyIdentityId string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-notes'
  location: 'westeurope'
  identity: {
    type: identityType // expect: IDL901 "identity.type could not be determined: parameter 'identityType' has no default value and no allowed values"
    userAssignedIdentities: {
      '${keyIdentityId}': {} // expect: IDL901 "has a key that could not be determined"
    }
  }
  properties: {
    version: '16'
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: reference(resourceId('Microsoft.KeyVault/vaults/keys', 'kv', 'k'), '2023-07-01').keyUriWithVersion
      primaryUserAssignedIdentityId: keyIdentityId // expect: IDL901 "parameter 'keyIdentityId' has no default value"
    }
  }
}
