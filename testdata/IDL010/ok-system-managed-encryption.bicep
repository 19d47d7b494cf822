param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource sandboxServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-sandbox-weu'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 32
    }
    dataEncryption: {
      type: 'SystemManaged'
    }
  }
}

resource sandboxMysqlServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-sandbox-weu'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
    dataEncryption: {
      type: 'SystemManaged'
    }
  }
}
