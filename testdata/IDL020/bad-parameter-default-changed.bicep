param location string = resourceGroup().location

@allowed([
  'SystemAssigned,UserAssigned'
  'UserAssigned'
])
param identityType string = 'UserAssigned' // related: IDL020
//   message: the default value of parameter 'identityType'

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
    type: identityType // expect: IDL020
    //   message: identity.type changes from 'SystemAssigned,UserAssigned' (at bad-parameter-default-changed.base.bicep) to 'UserAssigned', but the system-assigned identity cannot be disabled while user-assigned identities are assigned (when parameter 'identityType' keeps its default 'UserAssigned')
    //   help: keep 'SystemAssigned,UserAssigned'
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
