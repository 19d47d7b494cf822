// An App Configuration store takes up to 10 user-assigned identities; the map is built by a loop
// over a range, so its size is known: 11.
param count int = 11

resource store 'Microsoft.AppConfiguration/configurationStores@2024-05-01' = {
  name: 'appcs-claims-weu'
  location: 'westeurope'
  sku: {
    name: 'standard'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: toObject(range(1, count), i => resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-appcs-${i}'), i => {}) // expect: IDL008 "lists 11 user-assigned identities, but Microsoft.AppConfiguration/configurationStores takes at most 10"
  }
}
