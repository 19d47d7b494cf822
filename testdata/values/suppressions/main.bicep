resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-pg-app'
  location: 'westeurope'
}

// A finding a module call causes is reported at the argument, so the directive goes above it.
module legacy './modules/pg.bicep' = {
  name: 'pg-legacy'
  params: {
    serverName: 'pg-legacy'
    // idlint-disable-next-line IDL007 -- the legacy server is recreated with the 2025 platform
    identityType: 'SystemAssigned, UserAssigned' // expect: IDL007 (suppressed "2025 platform")
    userAssignedIdentityIds: [appIdentity.id]
  }
}

// The same call without a directive here: the one inside the module does not cover it.
module current './modules/pg.bicep' = {
  name: 'pg-current'
  params: {
    serverName: 'pg-current'
    identityType: 'SystemAssigned, UserAssigned' // expect: IDL007
    userAssignedIdentityIds: [appIdentity.id]
  }
}

// A module that cannot be read: what its call causes is not known, so this directive is not
// reported unused.
module missing './modules/missing.bicep' = {
  name: 'pg-missing'
  params: {
    // idlint-disable-next-line IDL001 -- judged once the module is there
    identityType: 'SystemAssigned, UserAssigned'
  }
}
