resource kvIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-kv'
}

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-app'
}

resource orders 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'plan-orders')
    keyVaultReferenceIdentity: kvIdentity.id // expect: IDL014
  }
}

resource billing 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-billing'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'plan-orders')
    keyVaultReferenceIdentity: 'SystemAssigned' // expect: IDL014
  }
}

resource reports 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-reports'
  location: 'westeurope'
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'plan-orders')
    keyVaultReferenceIdentity: kvIdentity.id // expect: IDL014
  }
}
