@secure()
param administratorLoginPassword string

resource searchServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-search-weu'
  location: 'westeurope'
  metadata: {
    idlint: {
      suppress: {
        IDL0001: 'one digit too many' // expect: IDL902 "'IDL0001' is not an idlint rule"
        //   message: 'IDL0001' is not an idlint rule, so it suppresses nothing
        //   help: write an id or name that idlint --list-rules shows
      }
    }
  }
  identity: {
    // A rule's name works as well as its id; a misspelled name or an id no rule has suppresses nothing.
    // idlint-disable-next-line identity-type-spelling IDL099 identity-type-invald -- legacy spelling // expect: IDL902 "'IDL099' is not an idlint rule", IDL902 "'identity-type-invald' is not an idlint rule"
    type: 'SystemAssigned, UserAssigned' // expect: IDL007 (suppressed "legacy spelling")
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-search')}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
