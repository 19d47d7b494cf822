// A combination the specification lists, spelled otherwise: the space after the comma (either
// way), case, order. The message gives the specification's spelling at the resource's api-version.
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-ledger')

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned' // expect: IDL007 "'SystemAssigned,UserAssigned' is spelled 'SystemAssigned, UserAssigned' by the specification of Microsoft.Web/sites@2024-04-01"
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-ledger'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned,SystemAssigned' // expect: IDL007 "write 'SystemAssigned,UserAssigned'"
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-ledger'
  location: 'westeurope'
  identity: {
    type: 'systemAssigned' // expect: IDL007 "'systemAssigned' is spelled 'SystemAssigned'"
  }
}

resource cdn 'Microsoft.Cdn/profiles@2025-06-01' = {
  name: 'cdn-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned, UserAssigned' // expect: IDL007 "spelled 'SystemAssigned,UserAssigned' by the specification of Microsoft.Cdn/profiles@2025-06-01"
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource kusto 'Microsoft.Kusto/clusters@2024-04-13' = {
  name: 'kusto-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned' // expect: IDL007 "spelled 'SystemAssigned, UserAssigned'"
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}
