param location string = resourceGroup().location

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-api-gateway')

resource gatewayApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-gateway-weu'
  location: location
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-gateway-weu')
  }
}

resource stagingSlot 'Microsoft.Web/sites/slots@2023-12-01' = {
  parent: gatewayApp
  name: 'staging'
  location: location
  identity: {
    type: 'SystemAssigned' // expect: IDL003
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-gateway-weu')
  }
}
