// Every resource type with a managed identity: each part of identity.type must be None,
// SystemAssigned or UserAssigned (in any case, spaces around a comma allowed). Anything else cannot
// do what the author meant on any resource provider.
resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'app-orders-weu'
  location: 'westeurope'
  identity: {
    type: 'SystemAsigned' // expect: IDL001 "'SystemAsigned' is not an identity type: 'SystemAsigned' is not None, SystemAssigned or UserAssigned"
    //   message: 'SystemAsigned' is not an identity type: 'SystemAsigned' is not None, SystemAssigned or UserAssigned
    //   help: write 'SystemAssigned'
  }
}

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: 'vm-orders-weu'
  location: 'westeurope'
  identity: {
    type: 'ManagedIdentity' // expect: IDL001 "'ManagedIdentity' is not an identity type"
    //   message: 'ManagedIdentity' is not an identity type: 'ManagedIdentity' is not None, SystemAssigned or UserAssigned
    //   help: an identity type is None, SystemAssigned, UserAssigned, or SystemAssigned and UserAssigned together, separated by a comma
  }
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stordersweu'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  identity: {
    type: 'SystemAssigned, UserAsigned' // expect: IDL001 "'UserAsigned' is not None, SystemAssigned or UserAssigned"
    //   message: 'SystemAssigned, UserAsigned' is not an identity type: 'UserAsigned' is not None, SystemAssigned or UserAssigned
    //   help: write 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-orders')}': {}
    }
  }
}
