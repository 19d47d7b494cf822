// The specification's own spellings, and the other spelling where Azure Verified Modules deploy it
// with both identities (rules/identity-evidence.json): no IDL007.
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-ledger')

resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: 'apim-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource vault 'Microsoft.RecoveryServices/vaults@2025-08-01' = {
  name: 'rsv-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource registry 'Microsoft.MachineLearningServices/registries@2024-10-01' = {
  name: 'mlr-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource search 'Microsoft.Search/searchServices@2025-05-01' = {
  name: 'srch-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}
