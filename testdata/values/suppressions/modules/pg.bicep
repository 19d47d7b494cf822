// On its own defaults this module is valid. A finding a call causes is reported at the call, so a
// directive here covers nothing: it is reported unused when this file is linted.
param serverName string
param identityType string = 'SystemAssigned'
param userAssignedIdentityIds array = []

var identities = reduce(userAssignedIdentityIds, {}, (acc, id) => union(acc, { '${id}': {} }))

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: 'westeurope'
  identity: {
    // idlint-disable-next-line IDL001 -- written here, but the finding is at the call // expect: IDL902
    type: identityType // related: IDL007
    userAssignedIdentities: empty(userAssignedIdentityIds) ? null : identities
  }
  properties: {
    version: '16'
  }
}
