param location string = resourceGroup().location

@description('No default: unknown name.')
param cmkIdentityName string

param keyUri string

@secure()
param administratorLoginPassword string

// Deployed by another pipeline; its output is only known at deployment time.
resource geoIdentityDeployment 'Microsoft.Resources/deployments@2022-09-01' existing = {
  name: 'geo-identity'
}

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', cmkIdentityName)
var geoIdentityId = geoIdentityDeployment.properties.outputs.identityId.value

resource tenantServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-tenant-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', cmkIdentityName)}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: keyUri
      primaryUserAssignedIdentityId: cmkIdentityId
    }
  }
}

resource partnerServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-partner-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-partner-cmk')}': {}
      '${geoIdentityId}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-partner-weu.vault.azure.net/keys/cmk-partner'
      primaryUserAssignedIdentityId: cmkIdentityId
      geoBackupKeyURI: 'https://kv-partner-neu.vault.azure.net/keys/cmk-partner-geo'
      geoBackupUserAssignedIdentityId: geoIdentityId
    }
  }
}
