param location string = resourceGroup().location

@description('Supplied by the caller; no default.')
param identityType string

@secure()
param administratorLoginPassword string

resource crmServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-crm-weu'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  identity: {
    type: identityType
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-crm')}': {}
    }
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
