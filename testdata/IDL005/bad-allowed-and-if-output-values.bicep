@allowed([
  {}
  { // related: IDL005
  //   message: an allowed value of parameter 'identityEntry'
    clientId: '5c1f0e7a-2b3d-4c8e-9f10-a1b2c3d4e5f6'
  }
])
param identityEntry object = {}
param copyExported bool = false // related: IDL005
//   message: bool parameter 'copyExported' (true and false are both checked)

resource billingApp 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-billing'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    principalId: copyExported ? '0b7c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4' : null // expect: IDL005 "when parameter 'copyExported' is true"
    //   message: 'principalId' is set by Azure when the identity is created (when parameter 'copyExported' is true)
    //   help: remove it from the template
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-billing')}': identityEntry // expect: IDL005
      //   message: the entry for identity 'id-billing' sets 'clientId' (when parameter 'identityEntry' is {…})
      //   help: Azure fills it in: write {}
    }
  }
  properties: {}
}
