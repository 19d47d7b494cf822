param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource forumMysqlServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-forum-weu'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {} // expect: IDL002
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 32
    }
  }
}

resource forumServer 'Microsoft.DBforPostgreSQL/flexibleServers@2025-01-01-preview' = {
  name: 'pg-forum-weu'
  location: location
  sku: {
    name: 'Standard_B2s'
    tier: 'Burstable'
  }
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: null // expect: IDL002
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 64
    }
  }
}
