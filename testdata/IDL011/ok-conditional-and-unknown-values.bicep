param location string = resourceGroup().location
param enableCustomerManagedKey bool = false

@description('No default.')
param keyUri string

@description('No default.')
param geoRedundantBackup string

@secure()
param administratorLoginPassword string

var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-kyc-cmk')

resource kycServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-kyc-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentityId}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 128
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: geoRedundantBackup
    }
    dataEncryption: {
      type: enableCustomerManagedKey ? 'AzureKeyVault' : 'SystemManaged'
      primaryKeyURI: enableCustomerManagedKey ? keyUri : ''
      primaryUserAssignedIdentityId: enableCustomerManagedKey ? cmkIdentityId : ''
    }
  }
}
