resource reportingIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-reporting'
  location: 'westeurope'
}

resource reporting 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: 'psql-reporting'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${reportingIdentity.id}': {}
    }
  }
}
