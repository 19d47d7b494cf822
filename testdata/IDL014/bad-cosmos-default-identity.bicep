var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-orders-app')

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-orders-cmk'
}

resource orders 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-orders'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentityId}': {}
    }
  }
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: 'westeurope'
      }
    ]
    keyVaultKeyUri: 'https://kv-orders.vault.azure.net/keys/cmk-cosmos'
    defaultIdentity: 'UserAssignedIdentity=${cmkIdentity.id}' // expect: IDL014
  }
}

resource billing 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-billing'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentityId}': {}
    }
  }
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: 'westeurope'
      }
    ]
    keyVaultKeyUri: 'https://kv-orders.vault.azure.net/keys/cmk-cosmos'
    defaultIdentity: 'SystemAssignedIdentity' // expect: IDL014
  }
}
