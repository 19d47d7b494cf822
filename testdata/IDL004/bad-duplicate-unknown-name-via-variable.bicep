param location string = resourceGroup().location

@description('No default: the name is unknown, but both keys use it.')
param identityName string

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crreleaseweu'
  location: location
  sku: {
    name: 'Premium'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)}': {} // expect: IDL004
    }
  }
  properties: {
    adminUserEnabled: false
  }
}
