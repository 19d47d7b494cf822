// Values the services are known to reject or misread, each recorded with its source in
// rules/identity-evidence.json: errors although the specification lists the value.
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-ledger')

resource vault 'Microsoft.RecoveryServices/vaults@2022-10-01' = {
  name: 'rsv-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned, UserAssigned' // expect: IDL001 "'SystemAssigned, UserAssigned' is misread by Microsoft.RecoveryServices/vaults@2022-10-01: the vault is created with identity type 'None' for this spelling (Azure/azure-rest-api-specs#27851)"
    //   message: 'SystemAssigned, UserAssigned' is misread by Microsoft.RecoveryServices/vaults@2022-10-01: the vault is created with identity type 'None' for this spelling (Azure/azure-rest-api-specs#27851)
    //   help: write 'SystemAssigned,UserAssigned', without the space
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource gateway 'Microsoft.Network/applicationGateways@2024-05-01' = {
  name: 'agw-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned' // expect: IDL001 "only user-assigned identities are supported (Azure/azure-rest-api-specs#16632)"
  }
}

resource policy 'Microsoft.Network/firewallPolicies@2024-05-01' = {
  name: 'afwp-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned' // expect: IDL001 "(Azure/ResourceModules#3157)"
  }
}

resource mongo 'Microsoft.DocumentDB/mongoClusters@2025-09-01' = {
  name: 'mongo-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned' // expect: IDL001 "only user-assigned identities are supported at this api-version"
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource credentials 'Microsoft.ContainerRegistry/registries/credentialSets@2023-07-01' = {
  name: 'crledger/creds'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned' // expect: IDL001 "only a system-assigned identity at this api-version"
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource media 'Microsoft.Media/mediaservices@2021-11-01' = {
  name: 'medialedger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned, UserAssigned' // expect: IDL001 "answers HTTP 500 to this spelling (Azure/azure-rest-api-specs#21905)"
    //   message: 'SystemAssigned, UserAssigned' is not accepted by Microsoft.Media/mediaservices@2021-11-01: the service answers HTTP 500 to this spelling (Azure/azure-rest-api-specs#21905)
    //   help: write 'SystemAssigned,UserAssigned', without the space
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource purview 'Microsoft.Purview/accounts@2021-07-01' = {
  name: 'pview-ledger'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned' // expect: IDL001 "'PrincipalId is required'"
    //   message: 'UserAssigned' is not accepted by Microsoft.Purview/accounts@2021-07-01: a user-assigned identity alone fails with 'PrincipalId is required' at this api-version (Azure/azure-rest-api-specs#22257)
    //   help: add the system-assigned identity: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}
