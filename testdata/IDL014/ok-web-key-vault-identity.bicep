resource kvIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-kv'
  location: 'westeurope'
}

resource orders 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${kvIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'plan-orders')
    keyVaultReferenceIdentity: kvIdentity.id
  }
}

resource billing 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-billing'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'plan-orders')
    keyVaultReferenceIdentity: 'SystemAssigned'
  }
}

// An exported template writes the default on every app, with or without an identity.
resource exported 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-exported'
  location: 'westeurope'
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'plan-orders')
    keyVaultReferenceIdentity: 'SystemAssigned'
  }
}
