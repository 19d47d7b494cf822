@allowed([
  '/subscriptions/3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-reports'
  'id-reports' // related: IDL004
  //   message: an allowed value of parameter 'identityKey'
])
param identityKey string = '/subscriptions/3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-reports'
param useSecondIdentity bool = false

resource reportsApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-reports'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityKey}': {} // expect: IDL004 "when parameter 'identityKey' is 'id-reports'"
      //   message: user-assigned identity key 'id-reports' is not a resource ID (when parameter 'identityKey' is 'id-reports')
      //   help: write the identity's full ID, for example resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-reports') (or the .id of the identity's resource)
      '${useSecondIdentity ? identityKey : resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-reports-2')}': {} // expect: IDL004
    }
  }
  properties: {}
}
