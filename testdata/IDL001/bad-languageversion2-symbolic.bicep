// Twin of the languageVersion 2.0 template: Bicep resources are symbolic by nature.
param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource serverIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-pg-events'
  location: location
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: 'pg-events-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'SystemAssigned' // expect: IDL001
  }
  properties: {
    version: '14'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
  }
  dependsOn: [
    serverIdentity
  ]
}
