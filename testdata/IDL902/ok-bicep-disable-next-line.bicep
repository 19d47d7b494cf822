// Bicep's own directive names idlint's rules beside the compiler's and linter's codes, which
// idlint leaves alone.
#disable-next-line no-unused-params
param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource reportingServer 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: 'pg-reporting-weu'
  location: 'westeurope'
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    #disable-next-line IDL001 BCP036 // the preview API is pinned by the reporting team
    type: 'SystemAssigned' // expect: IDL001 (suppressed)
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
