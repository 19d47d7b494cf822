param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

var keyIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-payroll-keys')

resource payrollServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-payroll-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'None' // expect: IDL021
    //   message: identity.type changes from 'SystemAssigned,UserAssigned' (at bad-cmk-none.base.bicep) to 'None', but a server with a customer-managed key cannot disable its system-assigned identity
    //   help: keep the system-assigned identity in identity.type
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
      primaryKeyURI: 'https://kv-pg-payroll.vault.azure.net/keys/cmk-pg-payroll'
      primaryUserAssignedIdentityId: keyIdentityId
    }
  }
}
