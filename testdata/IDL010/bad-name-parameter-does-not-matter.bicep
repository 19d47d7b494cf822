// The key identity is missing from the server for every environment: the environment parameter
// does not change the outcome, so the message does not name it.
@allowed(['dev', 'prod'])
param environment string = 'dev'

@secure()
param administratorLoginPassword string

resource claimsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-claims-${environment}'
  location: 'westeurope'
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-claims-${environment}-app')}': {}
    }
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-claims-weu.vault.azure.net/keys/cmk-claims'
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-claims-${environment}-cmk') // expect: IDL010 "'primaryUserAssignedIdentityId' is identity 'uami-claims-dev-cmk', which is not assigned to the server"
    }
  }
}
