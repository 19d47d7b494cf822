@secure()
param administratorLoginPassword string

resource billingServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-billing-weu'
  location: 'westeurope'
  metadata: {
    idlint: {
      suppress: {
        IDL010: 'the key identity is granted by policy' // expect: IDL902 "no IDL010 (cmk-identity-not-assigned) finding in this resource"
        //   message: 'IDL010' suppresses nothing: there is no IDL010 (cmk-identity-not-assigned) finding in this resource
        //   help: remove the entry
      }
    }
  }
  identity: {
    // The type was fixed; the directive written for the old value stayed.
    // idlint-disable-next-line IDL001 -- kept until the migration // expect: IDL902 "no IDL001 (identity-type-invalid) finding on the line this directive covers"
    //   message: 'IDL001' suppresses nothing: there is no IDL001 (identity-type-invalid) finding on the line this directive covers
    //   help: remove it, or put the directive right above the finding
    type: 'SystemAssigned'
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
