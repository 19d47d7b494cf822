// A literal mistake inside a looped resource is still found; values from the loop variable are
// unknown and never produce a finding.
param location string = resourceGroup().location
param regions array = [
  'westeurope'
  'northeurope'
]

@description('Tenants with their name and identity type, supplied by the onboarding pipeline.')
param tenants array

@secure()
param administratorLoginPassword string

resource regionalServers 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = [for region in regions: {
  name: 'pg-orders-${region}'
  location: region
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'SystemAssigned' // expect: IDL001 "needs api-version 2024-08-01"
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}]

resource tenantServers 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = [for (tenant, i) in tenants: {
  name: 'pg-tenant-${i}'
  location: location
  sku: {
    name: 'Standard_B2s'
    tier: 'Burstable'
  }
  identity: {
    type: tenant.identityType
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-${tenant.name}')}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}]
