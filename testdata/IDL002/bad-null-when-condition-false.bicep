// userAssignedIdentities is set to null explicitly when the bool is false: the message names the
// condition's parameter and points at its declaration.
param attachIdentity bool = true // related: IDL002
param identityId string = '/subscriptions/3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-orders'

@secure()
param administratorLoginPassword string

resource ordersServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-orders-weu'
  location: 'westeurope'
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: attachIdentity ? { '${identityId}': {} } : null // expect: IDL002 "is null (when parameter 'attachIdentity' is false)"
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
