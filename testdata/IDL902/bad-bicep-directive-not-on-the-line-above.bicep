// Bicep's `#disable-next-line` covers the very next line, as in Bicep: a blank line in between
// leaves the finding reported and the directive unused.
@secure()
param administratorLoginPassword string

resource reportingServer 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: 'pg-reporting-weu'
  location: 'westeurope'
  identity: {
    #disable-next-line IDL001 // expect: IDL902

    type: 'SystemAssigned' // expect: IDL001
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}

// Only ids of the form IDL and three digits are idlint's: a misspelled one is reported, the
// compiler's and linter's codes are not.
#disable-next-line BCP081 no-hardcoded-location IDL099 // expect: IDL902 "'IDL099' is not an idlint rule"
var unusedLocation = 'westeurope'
