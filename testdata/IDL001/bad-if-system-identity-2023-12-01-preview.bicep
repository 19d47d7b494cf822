param location string = resourceGroup().location

@description('Also enable the system-assigned identity (azure_storage extension).')
param useSystemIdentity bool = false // related: IDL001
//   message: bool parameter 'useSystemIdentity' (true and false are both checked)

@secure()
param administratorLoginPassword string

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-inventory')

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: 'pg-inventory-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: useSystemIdentity ? 'SystemAssigned,UserAssigned' : 'UserAssigned' // expect: IDL001 "needs api-version 2024-08-01"
    //   message: 'SystemAssigned,UserAssigned' is not accepted by Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview: only user-assigned identities are supported before api-version 2024-08-01 (Azure/azure-rest-api-specs#23176) (when parameter 'useSystemIdentity' is true)
    //   help: 'SystemAssigned,UserAssigned' needs api-version 2024-08-01 or later
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    version: '15'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
  }
}
