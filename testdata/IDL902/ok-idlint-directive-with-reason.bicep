param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-ledger'
}

resource ledgerServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-ledger-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    // idlint-disable-next-line IDL007 -- the portal export writes the type this way; fixed with the 2025 migration
    // (a comment between the directive and the line it covers does not break it)

    type: 'SystemAssigned, UserAssigned' // expect: IDL007 (suppressed "fixed with the 2025 migration")
    userAssignedIdentities: {
      '${uami.id}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
  }
}
