// Every branch of these ternaries is a type the server accepts at its api-version.
param location string = resourceGroup().location

@description('Also enable the system-assigned identity.')
param enableSystem bool = false

@allowed([
  'both'
  'system'
  'user'
])
param identityMode string = 'user'

@secure()
param administratorLoginPassword string

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-crm')
var modeType = identityMode == 'both' ? 'SystemAssigned,UserAssigned' : identityMode == 'system' ? 'SystemAssigned' : 'UserAssigned'

resource crmServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-crm-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: enableSystem ? 'SystemAssigned,UserAssigned' : 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}

resource crmReportingServer 'Microsoft.DBforPostgreSQL/flexibleServers@2025-01-01-preview' = {
  name: 'pg-crm-reporting-weu'
  location: location
  sku: {
    name: 'Standard_B2s'
    tier: 'Burstable'
  }
  identity: {
    type: modeType
    userAssignedIdentities: identityMode == 'system' ? null : {
      '${identityId}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
