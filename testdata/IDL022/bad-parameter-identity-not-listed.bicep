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
    userAssignedIdentities: { // expect: IDL022
    //   message: user-assigned identity 'uami-pg-fleet-keys' is used for data encryption ('primaryUserAssignedIdentityId' at bad-parameter-identity-not-listed.base.bicep) and can never be removed, but it is not among the server's user-assigned identities here
    //   help: keep it in identity.userAssignedIdentities; to change the key identity, first switch dataEncryption to the new identity in a deployment of its own, with both identities assigned
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
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', appIdentityName)
    }
  }
}
