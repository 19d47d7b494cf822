// The identity object is built in a var and used as `identity: var`; its type drops UserAssigned.
param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-pg-crm-app'
  location: location
}

var serverIdentity = {
  type: 'SystemAssigned' // related: IDL003
  userAssignedIdentities: {
    '${appIdentity.id}': {}
  }
}

resource crmServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-crm-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: serverIdentity // expect: IDL003 "write 'SystemAssigned,UserAssigned'"
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
