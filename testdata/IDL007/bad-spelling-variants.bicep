param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-orders-app')
var identities = {
  '${identityId}': {}
}

resource ordersServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-orders-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'SystemAssigned, UserAssigned' // expect: IDL007 "'SystemAssigned, UserAssigned'"
    userAssignedIdentities: identities
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}

resource billingServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-billing-weu'
  location: location
  sku: {
    name: 'Standard_B2s'
    tier: 'Burstable'
  }
  identity: {
    type: 'systemassigned' // expect: IDL007
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}

resource billingServerNorth 'Microsoft.DBforPostgreSQL/flexibleServers@2025-01-01-preview' = {
  name: 'pg-billing-neu'
  location: location
  sku: {
    name: 'Standard_B2s'
    tier: 'Burstable'
  }
  identity: {
    type: 'UserAssigned,SystemAssigned' // expect: IDL007
    userAssignedIdentities: identities
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
