// IDL014 compares every item of an array property with every assigned identity: 60 secrets (a
// for-expression expands up to 64) against 1,000 identities; and named values whose parent is one of
// a loop of services (not known: no finding).
resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-hostile'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: toObject(range(0, 1000), i => resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-${i}'), i => {}) // expect: IDL008
  }
  properties: {
    configuration: {
      secrets: [for i in range(0, 60): {
        name: 'secret-${i}'
        identity: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'other-${i}') // expect: IDL014
      }]
    }
  }
}

resource services 'Microsoft.ApiManagement/service@2023-05-01-preview' = [for i in range(0, 60): {
  name: 'apim-${i}'
  location: 'westeurope'
  sku: {
    name: 'Developer'
    capacity: 1
  }
  properties: {
    publisherEmail: 'platform@example.com'
    publisherName: 'Platform'
  }
}]

resource values 'Microsoft.ApiManagement/service/namedValues@2023-05-01-preview' = [for i in range(0, 60): {
  name: 'apim-${i}/value-${i}'
  properties: {
    displayName: 'value-${i}'
    keyVault: {
      secretIdentifier: 'https://kv.vault.azure.net/secrets/value'
      identityClientId: reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-x'), '2023-01-31').clientId
    }
  }
}]
