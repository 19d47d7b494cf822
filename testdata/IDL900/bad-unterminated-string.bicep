param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource shopServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-shop-weu'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin // expect: IDL900
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 32
    }
  }
}
