// Five entries, but the last names the fourth identity again (names compare without case): four
// identities, within the namespace's limit. (Listing one twice is IDL004's finding.)
resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evhns-ledger-weu'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-evh-ledger-1')}': {}
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-evh-ledger-2')}': {}
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-evh-ledger-3')}': {}
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-evh-ledger-4')}': {}
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'ID-EVH-LEDGER-4')}': {}
    }
  }
}
