param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource ordersServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-orders-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-orders')}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    storage: { // expect: IDL900