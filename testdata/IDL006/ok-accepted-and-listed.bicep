// Values the specification lists, and values it lacks that a service is known to accept (Azure
// Verified Modules deploy them): no IDL006.
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-ledger')

resource logic 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'logic-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource volumes 'Microsoft.ElasticSan/elasticSans/volumegroups@2024-05-01' = {
  name: 'esan-ledger/vg-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource purview 'Microsoft.Purview/accounts@2024-04-01-preview' = {
  name: 'pview-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-ledger'
  location: 'westeurope'
  identity: {
    type: 'None'
  }
}

resource jobs 'Microsoft.DataProtection/backupVaults@2024-04-01' = {
  name: 'bv-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}
