// Any resource type: Azure Resource Manager takes at most 150 user-assigned identities in one
// request ("User Assigned Identities Number '151' Assign exceed limit '150' in one request.").
resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-fleet-weu'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: toObject(range(0, 151), i => resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-fleet-${i}'), i => {}) // expect: IDL008 "lists 151 user-assigned identities, but Azure Resource Manager takes at most 150 in one request"
  }
}
