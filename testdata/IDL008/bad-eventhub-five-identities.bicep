// An Event Hubs namespace takes up to 4 user-assigned identities (Event Hubs documentation); five is one too many.
resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-claims-weu'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { // expect: IDL008 "lists 5 user-assigned identities, but Microsoft.EventHub/namespaces takes at most 4"
    //   message: 'userAssignedIdentities' lists 5 user-assigned identities, but Microsoft.EventHub/namespaces takes at most 4
    //   help: keep at most 4
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-evh-claims-1')}': {}
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-evh-claims-2')}': {}
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-evh-claims-3')}': {}
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-evh-claims-4')}': {}
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-evh-claims-5')}': {}
    }
  }
}
