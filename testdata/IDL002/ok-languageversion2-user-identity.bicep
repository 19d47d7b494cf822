// Twin of the languageVersion 2.0 template: the identity is referenced through its symbolic name.
param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource serverIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-pg-hr'
  location: location
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hr-weu'
  location: location
  sku: {
    name: 'Standard_B2s'
    tier: 'Burstable'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${serverIdentity.id}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 64
    }
  }
}
