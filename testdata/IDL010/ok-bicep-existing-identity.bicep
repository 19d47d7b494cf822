// Identities that already exist, in this resource group and in another one, used as keys and as
// the CMK identity through their .id.
param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg-claims-cmk'
  scope: resourceGroup('rg-security')
}

resource geoIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg-claims-geo'
}

resource claimsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-claims-weu'
  location: location
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentity.id}': {}
      '${geoIdentity.id}': {}
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
      primaryKeyURI: 'https://kv-claims-weu.vault.azure.net/keys/cmk-claims'
      primaryUserAssignedIdentityId: cmkIdentity.id
      geoBackupKeyURI: 'https://kv-claims-neu.vault.azure.net/keys/cmk-claims-geo'
      geoBackupUserAssignedIdentityId: geoIdentity.id
    }
  }
}
