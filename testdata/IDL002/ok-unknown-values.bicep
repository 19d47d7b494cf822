param location string = resourceGroup().location

@description('No default: supplied by the pipeline.')
param userAssignedIdentities object

param identityType string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crsharedweu'
  location: location
  sku: {
    name: 'Premium'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: userAssignedIdentities
  }
  properties: {
    adminUserEnabled: false
  }
}

resource sharedApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-shared-weu'
  location: location
  identity: {
    type: identityType
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-shared-weu')
  }
}
