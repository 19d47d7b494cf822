param location string = resourceGroup().location

@description('Set to None to detach identities.')
@allowed([
  'UserAssigned'
  'None' // related: IDL003
  //   message: an allowed value of parameter 'identityType'
])
param identityType string = 'UserAssigned'

@secure()
param administratorLoginPassword string

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-quotes')

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-quotes-weu'
  location: location
  sku: {
    name: 'Standard_B2s'
    tier: 'Burstable'
  }
  identity: {
    type: identityType // expect: IDL003
    //   message: identity type 'None' does not include UserAssigned, but 'userAssignedIdentities' lists 1 identity (when parameter 'identityType' is 'None')
    //   help: write 'UserAssigned', or remove 'userAssignedIdentities'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 64
    }
  }
}
