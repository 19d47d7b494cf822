// Reporting database: the system-assigned identity can be switched on for Microsoft Entra
// authentication. The server keeps its user-assigned identity for the storage import job.

@description('Name of the PostgreSQL flexible server.')
param serverName string = 'psql-contoso-reporting'

@description('Region of the server.')
param location string = resourceGroup().location

@description('Turn on the server\'s system-assigned identity as well.')
param enableSystemIdentity bool = false

@description('Administrator password.')
@secure()
param administratorLoginPassword string

resource importIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${serverName}-import'
  location: location
}

var identity = {
  type: enableSystemIdentity ? 'SystemAssigned, UserAssigned' : 'UserAssigned'
  userAssignedIdentities: {
    '${importIdentity.id}': {}
  }
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  sku: {
    name: 'Standard_B2s'
    tier: 'Burstable'
  }
  identity: identity
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 64
    }
  }
}
