@allowed([
  'uami-sql-tde'
  'uami-sql-audit' // related: IDL014
])
param keyIdentityName string = 'uami-sql-tde'

resource orders 'Microsoft.Sql/servers@2023-08-01-preview' = {
  name: 'sql-orders'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-sql-tde')}': {}
    }
  }
  properties: {
    administratorLogin: 'sqladmin'
    primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', keyIdentityName) // expect: IDL014 "when parameter 'keyIdentityName' is 'uami-sql-audit'"
  }
}
