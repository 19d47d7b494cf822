param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource billingServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-billing-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'None' // expect: IDL020
    //   message: identity.type changes from 'SystemAssigned,UserAssigned' (at bad-none.base.bicep) to 'None', but the system-assigned identity cannot be disabled while user-assigned identities are assigned
    //   help: keep 'SystemAssigned,UserAssigned'
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
