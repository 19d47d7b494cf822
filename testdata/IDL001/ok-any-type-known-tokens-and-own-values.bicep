// The token check: case and spaces around the comma do not make a value invalid (whether the
// spelling matches the specification is another question); a value a type spells its own way is
// valid for that type; a type without an identity in the specification is not checked.
resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-ledger-weu'
  location: 'westeurope'
  identity: {
    type: 'systemassigned , UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-ledger')}': {}
    }
  }
}

resource agent 'Microsoft.Sql/servers/jobAgents@2023-08-01' = {
  name: 'sql-ledger/agent-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssignedUserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-ledger')}': {}
    }
  }
}

resource cache 'Microsoft.Cache/redisEnterprise@2021-03-01' = {
  name: 'redis-ledger'
  location: 'westeurope'
  sku: {
    name: 'Enterprise_E10'
  }
  identity: {
    type: 'systemAssignedIdentity'
  }
}

resource gadget 'Contoso.Widgets/gadgets@2024-01-01' = {
  name: 'gadget-ledger'
  identity: {
    type: 'Whatever'
  }
}
