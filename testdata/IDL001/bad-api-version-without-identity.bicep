resource legacyServer 'Microsoft.DBforPostgreSQL/flexibleServers@2021-06-01' = {
  name: 'pg-legacy'
  location: 'westeurope'
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: {
    // api-version 2021-06-01 has no identity property: the block is not part of that API at all.
    type: 'UserAssigned' // expect: IDL001 "which has no managed identity"
    //   message: 'UserAssigned' is not accepted by Microsoft.DBforPostgreSQL/flexibleServers@2021-06-01, which has no managed identity
    //   help: 'UserAssigned' needs api-version 2022-03-08-preview or later
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-legacy')}': {}
    }
  }
  properties: {
    version: '13'
  }
}

resource legacyServerWithoutIdentity 'Microsoft.DBforPostgreSQL/flexibleServers@2022-01-20-preview' = {
  name: 'pg-legacy-none'
  location: 'westeurope'
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'None'
  }
  properties: {
    version: '13'
  }
}
