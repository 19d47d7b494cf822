// A team's PostgreSQL module: the caller chooses the identities and the customer-managed key.
@description('Server name.')
param name string

@description('Location of the server.')
param location string = resourceGroup().location

@description('Resource IDs of the user-assigned identities to assign to the server.')
param userAssignedIdentityIds string[] = []

@description('The customer-managed key, or null for service-managed encryption.')
param customerManagedKey {
  keyUri: string
  userAssignedIdentityId: string
}?

var identityType = empty(userAssignedIdentityIds) ? 'SystemAssigned' : 'SystemAssigned,UserAssigned'

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: identityType
    userAssignedIdentities: empty(userAssignedIdentityIds) ? null : toObject(userAssignedIdentityIds, id => id, id => {})
  }
  properties: {
    version: '16'
    storage: {
      storageSizeGB: 128
    }
    dataEncryption: customerManagedKey == null ? null : {
      type: 'AzureKeyVault'
      primaryKeyURI: customerManagedKey!.keyUri
      primaryUserAssignedIdentityId: customerManagedKey!.userAssignedIdentityId
    }
  }
}

output serverId string = server.id
