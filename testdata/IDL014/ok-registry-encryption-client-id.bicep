param cmkClientId string

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-acr-cmk'
  location: 'westeurope'
}

resource pullIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pull'
}

resource orders 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crorders'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentity.id}': {}
    }
  }
  properties: {
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        keyIdentifier: 'https://kv-orders.vault.azure.net/keys/cmk-acr'
        identity: cmkIdentity.properties.clientId
      }
    }
  }
}

// A literal client ID cannot be matched with an identity: nothing is reported.
resource billing 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crbilling'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${pullIdentity.id}': {}
    }
  }
  properties: {
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        keyIdentifier: 'https://kv-orders.vault.azure.net/keys/cmk-acr'
        identity: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f0a93'
      }
    }
  }
}

resource reports 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crreports'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${pullIdentity.id}': {}
    }
  }
  properties: {
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        keyIdentifier: 'https://kv-orders.vault.azure.net/keys/cmk-acr'
        identity: cmkClientId
      }
    }
  }
}
