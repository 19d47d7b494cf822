param location string = resourceGroup().location

@description('No default and no allowed values: the value is unknown.')
param identityType string

@secure()
param administratorLoginPassword string

resource reportsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'pg-reports-weu'
  location: location
  sku: {
    name: 'Standard_B2s'
    tier: 'Burstable'
  }
  identity: {
    type: identityType
  }
  properties: {
    version: '14'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 64
    }
  }
}

resource reportsMysqlServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-reports-weu'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  identity: {
    // Read from the deployed PostgreSQL server at deployment time (reference(..., 'Full') in ARM).
    type: reportsServer.identity.type
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
