// The identity type comes from parameterized.parameters.json.
param identityType string

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-app'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-app'
  location: 'westeurope'
  identity: {
    type: identityType
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
}
