param location string = resourceGroup().location

resource portalApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-portal-weu'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-portal-weu')
  }
] // expect: IDL900
//   message: expected a property name, found ']'
