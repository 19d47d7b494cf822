param enableSystemIdentity bool = false

resource ordersApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: 'westeurope'
  identity: {
    type: enableSystemIdentity ? 'SystemAssigned' : 'UserAssigned' // expect: IDL003 "when parameter 'enableSystemIdentity' is true"
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-orders')}': {}
    }
  }
  properties: {}
}
