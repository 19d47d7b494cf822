param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var serverIdentity = {
  type: 'SystemAssigned'
}
var identityType = 'SystemAssigned'
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-wiki')

resource shopServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-shop-weu'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  identity: serverIdentity
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
  }
}

resource shopServerNorth 'Microsoft.DBforMySQL/flexibleServers@2021-05-01' = {
  name: 'mysql-shop-neu'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  identity: {
    type: identityType
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
  }
}

resource wikiServer 'Microsoft.DBforMySQL/flexibleServers@2021-05-01-preview' = {
  name: 'mysql-wiki-weu'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  identity: {
    type: 'UserAssigned' // expect: IDL006 "'UserAssigned' needs api-version 2021-05-01 or later"
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
