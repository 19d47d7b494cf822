// Both branches of a ternary on a bool parameter are checked: here one branch of each is wrong.
param location string = resourceGroup().location

@description('Also enable the system-assigned identity.')
param enableSystem bool = false

@secure()
param administratorLoginPassword string

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-shop')

resource shopMysqlServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-shop-weu'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  identity: {
    type: enableSystem ? 'SystemAssigned,UserAssigned' : 'UserAssigned' // expect: IDL001 "when parameter 'enableSystem' is true"
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

resource shopServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-shop-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: enableSystem ? 'SystemAssigned,UserAssigned' : 'Userassigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
