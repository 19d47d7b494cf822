param location string = resourceGroup().location

@description('Customer-managed key used for data encryption.')
param keyUri string = '/subscriptions/3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13/resourceGroups/rg-security/providers/Microsoft.KeyVault/vaults/kv-mysql-bi/keys/cmk-bi' // related: IDL013

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-bi-cmk')

resource biServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-bi-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentityId}': {}
    }
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: keyUri // expect: IDL013
      primaryUserAssignedIdentityId: cmkIdentityId
    }
  }
}
