resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-acr-cmk'
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
      '${pullIdentity.id}': {}
    }
  }
  properties: {
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        keyIdentifier: 'https://kv-orders.vault.azure.net/keys/cmk-acr'
        identity: cmkIdentity.properties.clientId // expect: IDL014
      }
    }
  }
}

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
        identity: reference(cmkIdentity.id, '2023-01-31', 'Full').properties.clientId // expect: IDL014
      }
    }
  }
}
