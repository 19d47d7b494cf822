param location string = resourceGroup().location
param keyIdentityId string
param keyUri string

@secure()
param administratorLoginPassword string

resource fleetServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-fleet-neu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'SystemAssigned' // expect: IDL022
    //   message: the user-assigned identity is used for data encryption ('primaryUserAssignedIdentityId' at bad-parameter-identity-system-assigned.base.bicep) and can never be removed, but identity.type 'SystemAssigned' removes every user-assigned identity
    //   help: keep it in identity.userAssignedIdentities; to change the key identity, first switch dataEncryption to the new identity in a deployment of its own, with both identities assigned
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
      primaryKeyURI: keyUri
      primaryUserAssignedIdentityId: keyIdentityId
    }
  }
}
