param location string = resourceGroup().location

@allowed([
  'SystemAssigned'
  'UserAssigned'
])
param identityType string = 'SystemAssigned'

@description('Map of user-assigned identity resource IDs to {}.')
param userAssignedIdentities object = {} // related: IDL002

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crplatformweu'
  location: location
  sku: {
    name: 'Premium'
  }
  identity: {
    type: identityType
    userAssignedIdentities: userAssignedIdentities // expect: IDL002
  }
  properties: {
    adminUserEnabled: false
  }
}
