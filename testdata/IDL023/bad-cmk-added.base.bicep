param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var keyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-ledger-keys')
var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-ledger-app')

resource ledgerServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-ledger-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentityId}': {}
      '${appIdentityId}': {}
    }
  }
  properties: { // related: IDL023
  //   message: the base version (bad-cmk-added.base.bicep): 'SystemManaged'
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
  }
}
