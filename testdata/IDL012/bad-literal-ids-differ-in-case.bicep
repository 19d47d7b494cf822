param location string = 'westeurope'

@secure()
param administratorLoginPassword string

resource energyServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-energy-weu'
  location: location
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '/subscriptions/3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13/resourceGroups/rg-security/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-energy-cmk': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    storage: {
      storageSizeGB: 256
    }
    backup: {
      backupRetentionDays: 35
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-energy-weu.vault.azure.net/keys/cmk-energy'
      primaryUserAssignedIdentityId: '/subscriptions/3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13/resourceGroups/rg-security/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-energy-cmk'
      geoBackupKeyURI: 'https://kv-energy-neu.vault.azure.net/keys/cmk-energy-geo'
      geoBackupUserAssignedIdentityId: '/subscriptions/3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13/resourceGroups/RG-Security/providers/Microsoft.ManagedIdentity/userAssignedIdentities/UAMI-Energy-CMK' // expect: IDL012
    }
  }
}
