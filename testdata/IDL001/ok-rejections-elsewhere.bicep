// The same services at api-versions and with values the evidence does not cover: no IDL001
// (what the specification does not list is IDL006's, a spelling IDL007's).
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-ledger')

resource vault 'Microsoft.RecoveryServices/vaults@2022-10-01' = {
  name: 'rsv-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource gateway 'Microsoft.Network/applicationGateways@2024-05-01' = {
  name: 'agw-ledger'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource mongo 'Microsoft.DocumentDB/mongoClusters@2026-02-01-preview' = {
  name: 'mongo-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
}

resource credentials 'Microsoft.ContainerRegistry/registries/credentialSets@2023-07-01' = {
  name: 'crledger/creds'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
}

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

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}
