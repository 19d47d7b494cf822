param location string = resourceGroup().location

@allowed([
  'SystemAssigned,UserAssigned'
  'UserAssigned'
])
param identityType string = 'SystemAssigned,UserAssigned'

@secure()
param administratorLoginPassword string

var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-ledger')

resource ledgerServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-ledger-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: identityType // related: IDL020
    //   message: the base version (bad-parameter-default-changed.base.bicep): 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${appIdentityId}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
  }
}
