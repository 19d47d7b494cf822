@secure()
param administratorLoginPassword string

resource eventsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-events-weu'
  location: 'westeurope'
  identity: {
    // Ids separated by blanks or commas; each is suppressed, or reported unused, on its own.
    // idlint-disable-next-line IDL007, IDL002 IDL003 -- the identities are attached after creation // expect: IDL902 "'IDL003' suppresses nothing"
    //   message: 'IDL003' suppresses nothing: there is no IDL003 (user-identities-without-user-type) finding on the line this directive covers
    //   help: remove it, or put the directive right above the finding
    type: 'SystemAssigned, UserAssigned' // expect: IDL007 (suppressed "after creation"), IDL002 (suppressed "after creation")
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}

resource eventsReplica 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-events-replica-weu'
  location: 'westeurope'
  identity: {
    // A directive covers one line: the same mistake on the next server is still reported.
    type: 'SystemAssigned, UserAssigned' // expect: IDL007, IDL002
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
