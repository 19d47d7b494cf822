@allowed([
  {}
  { // related: IDL005
    clientId: '5c1f0e7a-2b3d-4c8e-9f10-a1b2c3d4e5f6'
  }
])
param identityEntry object = {}
param copyExported bool = false

resource billingApp 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-billing'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    principalId: copyExported ? '0b7c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4' : null // expect: IDL005 "when parameter 'copyExported' is true"
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-billing')}': identityEntry // expect: IDL005
    }
  }
  properties: {}
}
