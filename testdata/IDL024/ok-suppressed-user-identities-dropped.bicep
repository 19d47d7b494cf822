param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-inventory')

resource inventoryServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-inventory-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    #disable-next-line IDL024 -- the app identity moved to the key vault's own server
    type: 'SystemAssigned' // expect: IDL024 (suppressed "moved to the key vault")
    //   message: identity.type changes from 'UserAssigned' (at ok-suppressed-user-identities-dropped.base.bicep) to 'SystemAssigned', which removes every user-assigned identity from the server
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
