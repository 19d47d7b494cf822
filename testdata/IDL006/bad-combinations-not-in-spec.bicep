// Valid identities in a combination the specification does not list at the api-version, and values
// a service is reported to have trouble with where no failure is proven there: warnings.
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-ledger')

resource purview 'Microsoft.Purview/accounts@2021-12-01' = {
  name: 'pview-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned' // expect: IDL006 "the specification of Microsoft.Purview/accounts@2021-12-01 does not list 'SystemAssigned,UserAssigned'"
    //   message: the specification of Microsoft.Purview/accounts@2021-12-01 does not list 'SystemAssigned,UserAssigned'
    //   help: the specification lists 'None', 'SystemAssigned', 'UserAssigned'; 'SystemAssigned,UserAssigned' needs api-version 2024-04-01-preview or later; or write 'SystemAssigned, UserAssigned' (accepted by the service at api-version 2021-07-01)
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-ledger'
  location: 'westeurope'
  identity: {
    type: 'None, UserAssigned' // expect: IDL006 "does not list 'None, UserAssigned'"
    //   message: the specification of Microsoft.Web/sites@2024-04-01 does not list 'None, UserAssigned'
    //   help: the specification lists 'SystemAssigned', 'UserAssigned', 'SystemAssigned, UserAssigned', 'None'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: 'stledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned, UserAssigned' // expect: IDL006 "'SystemAssigned, UserAssigned' may not work on Microsoft.Storage/storageAccounts@2025-06-01: this spelling is reported not to work on storage accounts (Azure/azure-sdk-for-net#26688)"
    //   message: 'SystemAssigned, UserAssigned' may not work on Microsoft.Storage/storageAccounts@2025-06-01: this spelling is reported not to work on storage accounts (Azure/azure-sdk-for-net#26688)
    //   help: write 'SystemAssigned,UserAssigned', without the space
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource vault 'Microsoft.RecoveryServices/vaults@2025-08-01' = {
  name: 'rsv-ledger'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned, UserAssigned' // expect: IDL006 "at api-version 2022-10-01 the vault was created with identity type 'None' for this spelling"
    //   message: 'SystemAssigned, UserAssigned' may not work on Microsoft.RecoveryServices/vaults@2025-08-01: at api-version 2022-10-01 the vault was created with identity type 'None' for this spelling (Azure/azure-rest-api-specs#27851)
    //   help: write 'SystemAssigned,UserAssigned', without the space
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}

resource automation 'Microsoft.Automation/automationAccounts@2024-10-23' = {
  name: 'aa-ledger'
  location: 'westeurope'
  identity: {
    type: 'None' // expect: IDL006 "a deployment with identity type 'None' failed"
    //   message: 'None' may not work on Microsoft.Automation/automationAccounts@2024-10-23: a deployment with identity type 'None' failed ('None' is not an allowed value) (Azure/bicep-registry-modules#6517)
    //   help: leave out the identity block instead
  }
}

resource logic 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'logic-ledger'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned, SystemAssigned' // expect: IDL006 "or write 'SystemAssigned,UserAssigned' (deployed by avm/res/logic/workflow"
    //   message: the specification of Microsoft.Logic/workflows@2019-05-01 does not list 'UserAssigned, SystemAssigned'
    //   help: the specification lists 'SystemAssigned', 'UserAssigned', 'None'; or write 'SystemAssigned,UserAssigned' (deployed by avm/res/logic/workflow at api-version 2019-05-01)
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}
