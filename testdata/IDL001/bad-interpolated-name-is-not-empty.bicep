// '${prefix}-id' is not empty whatever the prefix: the identity type is decided.
param prefix string

var identityName = '${prefix}-id'

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-03-01-preview' = {
  name: 'pg-${prefix}'
  location: 'westeurope'
  identity: {
    type: empty(identityName) ? 'None' : 'SystemAssigned' // expect: IDL001 "needs api-version 2024-08-01"
  }
  properties: {
    version: '16'
  }
}

resource other 'Microsoft.DBforPostgreSQL/flexibleServers@2024-03-01-preview' = {
  name: 'pg-other-${prefix}'
  location: 'westeurope'
  identity: {
    type: length(identityName) > 0 ? 'None' : 'SystemAssigned'
  }
  properties: {
    version: '16'
  }
}

resource third 'Microsoft.DBforPostgreSQL/flexibleServers@2024-03-01-preview' = {
  name: 'pg-third-${prefix}'
  location: 'westeurope'
  identity: {
    // The prefix alone may be empty: not decided, not reported.
    type: empty(prefix) ? 'None' : 'SystemAssigned'
  }
  properties: {
    version: '16'
  }
}
