resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-pg-app'
  location: 'westeurope'
}

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-pg-cmk'
  location: 'westeurope'
}

// The documented type has no space: this call is what makes the module's server wrong.
module spaced './modules/pg.bicep' = {
  name: 'pg-spaced'
  params: {
    serverName: 'pg-spaced'
    identityType: 'SystemAssigned, UserAssigned' // expect: IDL007 "(in module 'spaced')"
    userAssignedIdentityIds: [appIdentity.id]
  }
}

// The CMK identity passed is not among the identities passed.
module unassigned './modules/pg.bicep' = {
  name: 'pg-unassigned'
  params: {
    serverName: 'pg-unassigned'
    identityType: 'UserAssigned'
    userAssignedIdentityIds: [appIdentity.id]
    cmkIdentityId: cmkIdentity.id // expect: IDL010 "(in module 'unassigned')"
  }
}

// Correct: both identities assigned, one of them used for the key.
module correct './modules/pg.bicep' = {
  name: 'pg-correct'
  params: {
    serverName: 'pg-correct'
    identityType: 'UserAssigned'
    userAssignedIdentityIds: [appIdentity.id, cmkIdentity.id]
    cmkIdentityId: cmkIdentity.id
  }
}

// A module output read by another resource: the server's CMK identity, as the module saw it.
resource other 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-other'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    version: '16'
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pg.vault.azure.net/keys/cmk-pg'
      primaryUserAssignedIdentityId: correct.outputs.cmkIdentity // expect: IDL010
    }
  }
}
