param location string = resourceGroup().location
param keyIdentityName string = 'uami-pg-fleet-keys'
param appIdentityName string = 'uami-pg-fleet-app'

@secure()
param administratorLoginPassword string

resource fleetServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-fleet-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', keyIdentityName)}': {}
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', appIdentityName)}': {}
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
      primaryKeyURI: 'https://kv-pg-fleet.vault.azure.net/keys/cmk-pg-fleet'
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', keyIdentityName) // related: IDL022
      //   message: the base version (bad-parameter-identity-not-listed.base.bicep): identity 'uami-pg-fleet-keys'
    }
  }
}
