param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-tickets')

resource ticketsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-tickets-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'SystemAssigned' // expect: IDL024
    //   message: identity.type changes from 'SystemAssigned,UserAssigned' (at bad-both-to-system-assigned.base.bicep) to 'SystemAssigned', which removes every user-assigned identity from the server
    //   help: to add the system-assigned identity and keep them, write 'SystemAssigned,UserAssigned'
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
