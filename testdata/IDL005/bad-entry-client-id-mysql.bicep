param location string = resourceGroup().location
param identityClientId string = 'e8a3f1c7-2b6d-4d9a-b0e4-5c7f1a3d9e62'

@secure()
param administratorLoginPassword string

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-erp')

resource erpServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-erp-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': { // expect: IDL005
        clientId: identityClientId
      }
    }
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 64
    }
  }
}
