param location string = resourceGroup().location

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-checkout')

resource checkoutApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-checkout-weu'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-checkout-weu')
  }

  resource stagingSlot 'slots@2023-12-01' = {
    name: 'staging'
    location: location
    identity: {
      type: 'UserAssigned' // expect: IDL002
    }
    properties: {
      serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-checkout-weu')
    }
  }
}
