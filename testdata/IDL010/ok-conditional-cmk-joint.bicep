param location string = resourceGroup().location
param enableCustomerManagedKey bool = true
param keyUri string = 'https://kv-pg-hr.vault.azure.net/keys/cmk-hr'

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-hr-cmk')

resource hrServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hr-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: enableCustomerManagedKey ? 'UserAssigned' : 'None'
    userAssignedIdentities: enableCustomerManagedKey ? {
      '${cmkIdentityId}': {}
    } : {}
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
    dataEncryption: {
      type: enableCustomerManagedKey ? 'AzureKeyVault' : 'SystemManaged'
      primaryKeyURI: enableCustomerManagedKey ? keyUri : ''
      primaryUserAssignedIdentityId: enableCustomerManagedKey ? cmkIdentityId : ''
    }
  }
}
