param location string = resourceGroup().location
param keyVaultName string = 'kv-mysql-crm'

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-crm-cmk')
var vaultUri = 'https://${keyVaultName}.vault.azure.net/' // related: IDL013

resource crmServer 'Microsoft.DBforMySQL/flexibleServers@2024-12-30' = {
  name: 'mysql-crm-weu'
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
      primaryKeyURI: vaultUri // expect: IDL013
      primaryUserAssignedIdentityId: cmkIdentityId
    }
  }
}
