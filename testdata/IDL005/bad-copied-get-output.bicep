param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource exportServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-export-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'SystemAssigned,UserAssigned'
    principalId: '9b7e5c2a-1d4f-4e3b-8a6c-0f2d7e9b1c35' // expect: IDL005
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' // expect: IDL005
    userAssignedIdentities: {
      '/subscriptions/3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13/resourceGroups/rg-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-export': { // expect: IDL005
        principalId: 'c41d8e2b-7a3f-4b9e-a5d1-6e0f2c8b4a17'
        clientId: 'e8a3f1c7-2b6d-4d9a-b0e4-5c7f1a3d9e62'
      }
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
