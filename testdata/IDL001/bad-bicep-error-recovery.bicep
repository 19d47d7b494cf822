// A syntax error early in the file does not hide what the declarations after it get wrong.
param location string = resourceGroup().location
param administratorLogin string 'pgadmin' // expect: IDL900

@secure()
param administratorLoginPassword string

resource analyticsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: 'pg-analytics-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'SystemAssigned' // expect: IDL001 "needs api-version 2024-08-01"
  }
  properties: {
    version: '16'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorLoginPassword
  }
}
