resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-orders-cmk'
  location: 'westeurope'
}

resource orders 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-orders'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentity.id}': {}
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
    defaultIdentity: 'UserAssignedIdentity=${cmkIdentity.id}'
  }
}

resource billing 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-billing'
  location: 'westeurope'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: 'westeurope'
      }
    ]
    defaultIdentity: 'FirstPartyIdentity'
  }
}

resource reports 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-reports'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: 'westeurope'
      }
    ]
    defaultIdentity: 'SystemAssignedIdentity'
  }
}
