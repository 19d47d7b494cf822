// The identity object is built once in a var from an existing identity and used as `identity: var`.
param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg-crm-app'
}

var serverIdentity = {
  type: 'UserAssigned'
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
  identity: serverIdentity
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}

resource crmReplica 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-crm-neu'
  location: 'northeurope'
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: serverIdentity
  properties: {
    createMode: 'Replica'
    sourceServerResourceId: crmServer.id
  }
}
