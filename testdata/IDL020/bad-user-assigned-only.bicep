param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-orders')

resource ordersServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-orders-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned' // expect: IDL020
    //   message: identity.type changes from 'SystemAssigned,UserAssigned' (at bad-user-assigned-only.base.bicep) to 'UserAssigned', but the system-assigned identity cannot be disabled while user-assigned identities are assigned
    //   help: keep 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${appIdentityId}': {}
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
