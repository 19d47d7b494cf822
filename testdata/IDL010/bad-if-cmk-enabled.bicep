param location string = resourceGroup().location
param enableCustomerManagedKey bool = false // related: IDL010
//   message: bool parameter 'enableCustomerManagedKey' (true and false are both checked)
param keyUri string = 'https://kv-mysql-hr.vault.azure.net/keys/cmk-hr'

@secure()
param administratorLoginPassword string

var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-hr-app')
var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-hr-cmk') // related: IDL010
//   message: the value set in variable 'cmkIdentityId'

resource hrServer 'Microsoft.DBforMySQL/flexibleServers@2024-12-30' = {
  name: 'mysql-hr-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentityId}': {}
    }
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
    dataEncryption: {
      type: enableCustomerManagedKey ? 'AzureKeyVault' : 'SystemManaged'
      primaryKeyURI: enableCustomerManagedKey ? keyUri : ''
      primaryUserAssignedIdentityId: enableCustomerManagedKey ? cmkIdentityId : '' // expect: IDL010 "when parameter 'enableCustomerManagedKey' is true"
      //   message: 'primaryUserAssignedIdentityId' is cmkIdentityId, which is not assigned to the server (when parameter 'enableCustomerManagedKey' is true)
      //   help: add it to identity.userAssignedIdentities
    }
  }
}
