param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var keyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-crm-keys')
var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-crm-app')

resource crmServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-crm-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentityId}': {}
      '${appIdentityId}': {}
    }
  }
  properties: { // expect: IDL023
  //   message: customer-managed key encryption is removed ('SystemManaged'), but the server has 'AzureKeyVault' at bad-data-encryption-removed.base.bicep and the encryption mode is fixed when a server is created
  //   help: keep 'AzureKeyVault' (or create a new server)
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
  }
}
