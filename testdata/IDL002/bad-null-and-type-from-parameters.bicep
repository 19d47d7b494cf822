// The finding needs both parameters: the type from one (UserAssigned, not its default None) and
// the null from the other. The message names both, not only the one the null depends on.
@allowed(['None', 'UserAssigned']) // related: IDL002
//   message: an allowed value of parameter 'identityType'
param identityType string = 'None'
param attachIdentity bool = true // related: IDL002
//   message: bool parameter 'attachIdentity' (true and false are both checked)
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
    type: identityType
    userAssignedIdentities: attachIdentity ? { '${identityId}': {} } : null // expect: IDL002 "(when parameter 'identityType' is 'UserAssigned' and 'attachIdentity' is false)"
    //   message: identity type 'UserAssigned' includes UserAssigned, but 'userAssignedIdentities' is null (when parameter 'identityType' is 'UserAssigned' and 'attachIdentity' is false)
    //   help: list the user-assigned identities there, or remove UserAssigned from the type
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
