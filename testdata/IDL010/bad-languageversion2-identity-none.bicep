// Twin of the languageVersion 2.0 template: the key identity is referenced through its symbolic name.
param location string = resourceGroup().location

@secure()
param administratorLoginPassword string

resource cmkIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-pg-grants-cmk'
  location: location
}

resource grantsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-grants-weu'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'None'
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
      primaryKeyURI: 'https://kv-grants-weu.vault.azure.net/keys/cmk-grants'
      primaryUserAssignedIdentityId: cmkIdentity.id // expect: IDL010
    }
  }
}
