// A finding inside a conditional resource is still reported: the server is deployed in production.
@allowed([
  'dev'
  'prod'
])
param environmentName string = 'dev'
param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-pg-ops-weu'
}

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg-ops-cmk'
}

resource opsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = if (environmentName == 'prod') {
  name: 'pg-ops-weu'
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
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pg-ops-weu.vault.azure.net/secrets/cmk-ops' // expect: IDL013 "it names a secret, not a key"
      primaryUserAssignedIdentityId: cmkIdentity.id
    }
  }
}

output vaultUri string = keyVault.properties.vaultUri
