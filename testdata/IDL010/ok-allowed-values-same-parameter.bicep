param location string = resourceGroup().location

@allowed([
  'uami-pg-cmk-weu'
  'uami-pg-cmk-neu'
])
param cmkIdentityName string = 'uami-pg-cmk-weu'

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', cmkIdentityName)

resource portalServer 'Microsoft.DBforPostgreSQL/flexibleServers@2025-06-01-preview' = {
  name: 'pg-portal-weu'
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
    storage: {
      storageSizeGB: 128
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-portal-weu.vault.azure.net/keys/cmk-portal'
      primaryUserAssignedIdentityId: cmkIdentityId
    }
  }
}
