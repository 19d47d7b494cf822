param location string = resourceGroup().location
param tenantId string = '72f988bf-86f1-41af-91ab-2d7cd011db47' // related: IDL005

resource mediaApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-media-weu'
  location: location
  identity: {
    type: 'SystemAssigned'
    tenantId: tenantId // expect: IDL005
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-media-weu')
  }

  resource stagingSlot 'slots@2023-12-01' = {
    name: 'staging'
    location: location
    identity: {
      type: 'SystemAssigned'
      principalId: '9b7e5c2a-1d4f-4e3b-8a6c-0f2d7e9b1c35' // expect: IDL005
    }
    properties: {
      serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-media-weu')
    }
  }
}
