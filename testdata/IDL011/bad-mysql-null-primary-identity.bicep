param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource auditServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: 'mysql-audit-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-mysql-audit-cmk')}': {}
    }
  }
  properties: {
    version: '8.0.21'
    administratorLogin: 'mysqladmin'
    administratorLoginPassword: administratorLoginPassword
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-mysql-audit.vault.azure.net/keys/cmk-audit'
      primaryUserAssignedIdentityId: null // expect: IDL011
    }
  }
}
