// A loop producing two servers, one of them wrong; and resources a false condition hides.
param deployLegacy bool = false
param mode string = 'standard'

var servers = [
  {
    name: 'pg-a'
    identityType: 'SystemAssigned'
  }
  {
    name: 'pg-b'
    identityType: 'systemAssigned' // related: IDL007
  }
]

resource loopServers 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = [for (s, i) in servers: {
  name: s.name
  location: 'westeurope'
  identity: {
    type: s.identityType // expect: IDL007 "'systemAssigned'"
  }
  properties: {
    version: '16'
  }
}]

// Hidden: mode is never 'legacy' unless a caller says so, and it has no allowed values to try.
resource hidden 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = if (mode == 'legacy') {
  name: 'pg-hidden'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned, UserAssigned'
  }
  properties: {
    version: '16'
  }
}

// A bool parameter can be true: this one is checked.
resource legacy 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = if (deployLegacy) {
  name: 'pg-legacy'
  location: 'westeurope'
  identity: {
    type: 'systemassigned' // expect: IDL007 "'systemassigned'"
  }
  properties: {
    version: '16'
  }
}

// A loop filter that leaves the wrong item out.
resource filtered 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = [for s in servers: if (s.name == 'pg-a') {
  name: '${s.name}-filtered'
  location: 'westeurope'
  identity: {
    type: s.identityType
  }
  properties: {
    version: '16'
  }
}]

// A module deployed only when a condition that is false holds: its arguments are not checked.
module hiddenModule './server.bicep' = if (mode == 'legacy') {
  name: 'hidden-module'
  params: {
    identityType: 'SystemAssigned, UserAssigned'
  }
}

// A module loop: the second call passes the wrong type.
module perType './server.bicep' = [for t in ['SystemAssigned', 'systemassigned']: { // expect: IDL007 "(in module 'perType')"
  name: 'server-${t}'
  params: {
    identityType: t
  }
}]

// Loops over items() of an object and over range().
var typeByServer = {
  'pg-x': 'SystemAssigned'
  'pg-y': 'Systemassigned' // related: IDL007
}

resource fromItems 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = [for entry in items(typeByServer): {
  name: entry.key
  location: 'westeurope'
  identity: {
    type: entry.value // expect: IDL007 "'Systemassigned'"
  }
  properties: {
    version: '16'
  }
}]

resource fromRange 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = [for i in range(0, 2): {
  name: 'pg-r${i}'
  location: 'westeurope'
  identity: {
    type: i == 1 ? 'none' : 'None' // expect: IDL007 "'none'"
  }
  properties: {
    version: '16'
  }
}]
