// Properties need a comma between them only when they share a line; this one-line object lacks it.
param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource ordersServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-orders-weu'
  location: location
  sku: { name: 'Standard_D2ds_v5' tier: 'GeneralPurpose' } // expect: IDL900
  identity: {
    type: 'SystemAssigned'
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
