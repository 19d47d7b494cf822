param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var serverIdentity = {
  type: 'UserAssigned' // related: IDL002
}

resource server 'Microsoft.DBforMySQL/flexibleServers@2024-12-30' = {
  name: 'mysql-loyalty-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: serverIdentity // expect: IDL002
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 64
      autoGrow: 'Enabled'
    }
  }
}
