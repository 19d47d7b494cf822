// A finding inside a conditional resource is still reported: the server is deployed when the
// parameter is true.
param location string = resourceGroup().location
param deployDatabase bool = false

@secure()
param administratorLoginPassword string

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg-risk-cmk'
}

resource riskServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = if (deployDatabase) {
  name: 'pg-risk-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentity.id}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    dataEncryption: {
      type: 'AzureKeyVault' // expect: IDL011 "is missing 'primaryKeyURI'"
      primaryUserAssignedIdentityId: cmkIdentity.id
    }
  }
}
