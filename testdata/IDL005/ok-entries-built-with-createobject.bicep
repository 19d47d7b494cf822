// Twin of the createObject() case: Bicep builds the entries with object literals.
param location string = resourceGroup().location
param extraIdentityName string = 'uami-shop-reporting'

@secure()
param administratorLoginPassword string

var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-shop-app')
var extraIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', extraIdentityName)

resource shopServer 'Microsoft.DBforMySQL/flexibleServers@2024-12-30' = {
  name: 'mysql-shop-weu'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: union({
      '${appIdentityId}': {}
    }, {
      '${extraIdentityId}': {}
    })
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
