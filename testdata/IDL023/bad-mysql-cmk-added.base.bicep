param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var keyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-blog-keys')

resource blogServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-blog-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentityId}': {}
    }
  }
  properties: { // related: IDL023
  //   message: the base version (bad-mysql-cmk-added.base.bicep): 'SystemManaged'
    version: '8.0.21'
    administratorLogin: 'blogadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 64
    }
  }
}
