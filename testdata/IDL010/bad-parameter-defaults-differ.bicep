param location string = resourceGroup().location
param serverIdentityName string = 'uami-pg-lab'
param cmkIdentityName string = 'uami-pg-lab-keys' // related: IDL010
param keyUri string = 'https://kv-pg-lab.vault.azure.net/keys/cmk-lab'

@secure()
param administratorLoginPassword string

resource labServer 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: 'pg-lab-weu'
  location: location
  sku: {
    name: 'Standard_B2s'
    tier: 'Burstable'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', serverIdentityName)}': {}
    }
  }
  properties: {
    version: '15'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 64
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: keyUri
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', cmkIdentityName) // expect: IDL010
    }
  }
}
