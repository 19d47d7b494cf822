param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource catalogServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-catalog-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned' // expect: IDL002
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
  }
}

resource bookingApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-booking-weu'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'systemassigned, userassigned' // expect: IDL002
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-booking-weu')
    httpsOnly: true
  }
}
