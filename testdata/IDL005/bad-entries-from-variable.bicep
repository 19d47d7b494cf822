param location string = resourceGroup().location

var identities = {
  '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-build-agent')}': { // related: IDL005
    principalId: 'c41d8e2b-7a3f-4b9e-a5d1-6e0f2c8b4a17'
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crbuildagentsweu'
  location: location
  sku: {
    name: 'Premium'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: identities // expect: IDL005
  }
  properties: {
    adminUserEnabled: false
  }
}
