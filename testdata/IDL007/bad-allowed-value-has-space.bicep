param location string = resourceGroup().location

@description('Managed identity type of the server.')
@allowed([
  'UserAssigned'
  'SystemAssigned, UserAssigned' // related: IDL007
  //   message: an allowed value of parameter 'identityType'
])
param identityType string = 'UserAssigned'

@secure()
param administratorLoginPassword string

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-crm')

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-crm-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: identityType // expect: IDL007 "when parameter 'identityType' is 'SystemAssigned, UserAssigned'"
    //   message: 'SystemAssigned, UserAssigned' is spelled 'SystemAssigned,UserAssigned' by the specification of Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01 (when parameter 'identityType' is 'SystemAssigned, UserAssigned')
    //   help: write 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
  }
}
