// azd pairs main.bicep with main.parameters.json; ${…} placeholders are filled in by azd, so Unknown.
param location string = 'westeurope'
param principalId string = ''
param keyIdentityName string = 'uami-app'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-app'
}

resource server 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-azd'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-app.vault.azure.net/keys/cmk'
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', keyIdentityName) // expect: IDL010 "(with parameter file 'main.parameters.json')"
    }
  }
  tags: {
    owner: principalId
  }
}
