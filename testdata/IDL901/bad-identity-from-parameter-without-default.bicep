param identityType string
param keyIdentityId string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-notes'
  location: 'westeurope'
  identity: {
    type: identityType // expect: IDL901 "identity.type could not be determined: parameter 'identityType' has no default value and no allowed values"
    //   message: identity.type could not be determined: parameter 'identityType' has no default value and no allowed values
    //   help: give it a default, or list its values with @allowed (allowedValues in ARM JSON) to have each checked
    userAssignedIdentities: {
      '${keyIdentityId}': {} // expect: IDL901 "has a key that could not be determined"
      //   message: identity.userAssignedIdentities has a key that could not be determined: parameter 'keyIdentityId' has no default value and no allowed values
      //   help: give it a default, or list its values with @allowed (allowedValues in ARM JSON) to have each checked
    }
  }
  properties: {
    version: '16'
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: reference(resourceId('Microsoft.KeyVault/vaults/keys', 'kv', 'k'), '2023-07-01').keyUriWithVersion
      primaryUserAssignedIdentityId: keyIdentityId // expect: IDL901 "parameter 'keyIdentityId' has no default value"
      //   message: properties.dataEncryption.primaryUserAssignedIdentityId could not be determined: parameter 'keyIdentityId' has no default value and no allowed values
      //   help: give it a default, or list its values with @allowed (allowedValues in ARM JSON) to have each checked
    }
  }
}
