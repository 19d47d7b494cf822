// A finding inside a conditional resource is still reported: the slot is deployed when the
// parameter is true.
param location string = resourceGroup().location
param deployStagingSlot bool = false

resource mediaApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-media-weu'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-media-weu')
  }
}

resource stagingSlot 'Microsoft.Web/sites/slots@2023-12-01' = if (deployStagingSlot) {
  parent: mediaApp
  name: 'staging'
  location: location
  identity: {
    type: 'SystemAssigned'
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' // expect: IDL005
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-media-weu')
  }
}
