param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var serverIdentity = {
  type: 'SystemAssigned' // related: IDL001
}
var identityType = 'SystemAssigned' // related: IDL001
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-wiki')

resource shopServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-shop-weu'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  identity: serverIdentity // expect: IDL001
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
    type: identityType // expect: IDL001
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
    type: 'UserAssigned'
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
