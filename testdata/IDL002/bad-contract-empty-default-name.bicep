// azd's container-app module: 'identityName' defaults to '' ("give it when needed"). Only with
// 'identityType' 'UserAssigned' and no name is userAssignedIdentities null: a contract the caller
// keeps, reported as a warning. 'fixedType' fails whatever is passed: an error.
@allowed([
  'None'
  'SystemAssigned'
  'UserAssigned'
])
param identityType string = 'None'
param identityName string = ''

@allowed([
  'None'
  'UserAssigned'
])
param fixedType string = 'None'

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-contract'
  location: 'westeurope'
  identity: {
    type: identityType
    userAssignedIdentities: !empty(identityName) && identityType == 'UserAssigned' ? { '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)}': {} } : null // expect: IDL002 "when parameter 'identityType' is 'UserAssigned' and 'identityName' is not given"
  }
  properties: {
    version: '16'
  }
}

resource other 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-fixed'
  location: 'westeurope'
  identity: {
    type: fixedType // expect: IDL002 "when parameter 'fixedType' is 'UserAssigned'"
  }
  properties: {
    version: '16'
  }
}
