param location string = resourceGroup().location

@allowed([
  'SystemAssigned'
  'UserAssigned' // related: IDL002
  //   message: an allowed value of parameter 'identityType'
])
param identityType string = 'SystemAssigned'

@description('Map of user-assigned identity resource IDs to {}.')
param userAssignedIdentities object = {} // related: IDL002
//   message: the default value of parameter 'userAssignedIdentities'
//   message: parameter 'userAssignedIdentities' is not given: its default is empty

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'crplatformweu'
  location: location
  sku: {
    name: 'Premium'
  }
  identity: {
    type: identityType
    userAssignedIdentities: userAssignedIdentities // expect: IDL002
    //   message: identity type 'UserAssigned' includes UserAssigned, but 'userAssignedIdentities' is empty (when parameter 'identityType' is 'UserAssigned' and 'userAssignedIdentities' is not given)
    //   help: list the user-assigned identities there, or remove UserAssigned from the type
  }
  properties: {
    adminUserEnabled: false
  }
}
