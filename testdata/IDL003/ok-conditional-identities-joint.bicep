param location string = resourceGroup().location

@allowed([
  'None'
  'UserAssigned'
])
param identityType string = 'UserAssigned'

@secure()
param administratorLoginPassword string

var identities = {
  '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-geo')}': {}
}

resource geoServer 'Microsoft.DBforPostgreSQL/flexibleServers@2023-03-01-preview' = {
  name: 'pg-geo-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: identityType
    userAssignedIdentities: identityType == 'UserAssigned' ? identities : {}
  }
  properties: {
    version: '15'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
  }
}
