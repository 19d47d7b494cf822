param identityType string

@secure()
param administratorLoginPassword string

resource inventoryServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-inventory-weu'
  location: 'westeurope'
  identity: {
    // IDL901 is off unless --explain-unknown turns it on: when it does not run, whether this
    // directive would suppress something is not known, so it is not reported as unused.
    // idlint-disable-next-line IDL901 -- the pipeline always passes identityType
    type: identityType
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
