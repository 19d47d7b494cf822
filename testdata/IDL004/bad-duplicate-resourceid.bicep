// The same identity twice: once through an existing declaration, once through resourceId().
param location string = resourceGroup().location

resource identityA 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'a'
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crbuildweu'
  location: location
  sku: {
    name: 'Premium'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityA.id}': {} // related: IDL004
      //   message: first listed here
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'a')}': {} // expect: IDL004
      //   message: user-assigned identity 'a' is listed twice
      //   help: keep one entry
    }
  }
  properties: {
    adminUserEnabled: false
  }
}
