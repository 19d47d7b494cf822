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
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentityId}': {}
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
      primaryKeyURI: keyUri
      primaryUserAssignedIdentityId: keyIdentityId // related: IDL022
      //   message: the base version (bad-parameter-identity-system-assigned.base.bicep): not known (parameter 'keyIdentityId' has no default value and no allowed values: give it a default, or list its values with @allowed (allowedValues in ARM JSON) to have each checked)
    }
  }
}
