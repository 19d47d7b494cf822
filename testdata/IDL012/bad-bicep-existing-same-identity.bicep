// A declared key identity and an existing declaration copied from it without changing the name:
// both name the same identity.
param location string = 'westeurope'

@secure()
param administratorLoginPassword string

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-pg-energy-cmk'
  location: location
}

resource geoIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg-energy-cmk'
}

resource energyServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-energy-weu'
  location: location
  sku: {
    name: 'Standard_D4ds_v5'
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
    backup: {
      backupRetentionDays: 35
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-energy-weu.vault.azure.net/keys/cmk-energy'
      primaryUserAssignedIdentityId: cmkIdentity.id
      geoBackupKeyURI: 'https://kv-energy-neu.vault.azure.net/keys/cmk-energy-geo'
      geoBackupUserAssignedIdentityId: geoIdentity.id // expect: IDL012
    }
  }
}
