// Identities created by a loop and keys built from loop variables are not duplicates: their names
// are not known, and unknown values never produce a finding.
param location string = resourceGroup().location
param identityNames array = [
  'uami-orders-app'
  'uami-orders-cmk'
]
param tenants array = [
  'contoso'
  'fabrikam'
]

@secure()
param administratorLoginPassword string

resource identities 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = [for name in identityNames: {
  name: name
  location: location
}]

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
      '${identities[0].id}': {}
      '${identities[1].id}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}

resource tenantServers 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = [for tenant in tenants: {
  name: 'pg-${tenant}-weu'
  location: location
  sku: {
    name: 'Standard_B2s'
    tier: 'Burstable'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-${tenant}-app')}': {}
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-${tenant}-cmk')}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}]
