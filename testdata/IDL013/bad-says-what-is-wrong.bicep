// Each key URI is wrong in one way, and the message says which.
var cmkIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-cmk')
var geoIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg-geo')

resource serverA 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-kv-a'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentityId}': {}
      '${geoIdentityId}': {}
    }
  }
  properties: {
    version: '16'
    backup: {
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv.vault.azure.net/keys/cmk-a' // expect: IDL013 "the vault name 'kv' is 2 characters long, not 3 to 24"
      primaryUserAssignedIdentityId: cmkIdentityId
      geoBackupKeyURI: 'https://kv_bank.vault.azure.net/keys/cmk-a-geo' // expect: IDL013 "the vault name 'kv_bank' holds a character other than a letter, digit or hyphen"
      geoBackupUserAssignedIdentityId: geoIdentityId
    }
  }
}

resource serverB 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-kv-b'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentityId}': {}
      '${geoIdentityId}': {}
    }
  }
  properties: {
    version: '16'
    backup: {
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-bank.vault.azure.net/keys/' // expect: IDL013 "it names no key after /keys/"
      primaryUserAssignedIdentityId: cmkIdentityId
      geoBackupKeyURI: 'http://kv-bank-neu.vault.azure.net/keys/cmk-b-geo' // expect: IDL013 "it uses http://, not https://"
      geoBackupUserAssignedIdentityId: geoIdentityId
    }
  }
}

resource serverC 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-kv-c'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${cmkIdentityId}': {}
      '${geoIdentityId}': {}
    }
  }
  properties: {
    version: '16'
    backup: {
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-bank.vault.azure.net/keys/cmk-c/7c1e9a4f-3b2d-4e8a-9f6c-1d5b8e2a4c07' // expect: IDL013 "the key version '7c1e9a4f-3b2d-4e8a-9f6c-1d5b8e2a4c07' is not 32 hexadecimal digits"
      primaryUserAssignedIdentityId: cmkIdentityId
      geoBackupKeyURI: 'https://kv-bank-neu.blob.core.windows.net/keys/cmk-c-geo' // expect: IDL013 "the host 'kv-bank-neu.blob.core.windows.net' is not a Key Vault or a Managed HSM"
      geoBackupUserAssignedIdentityId: geoIdentityId
    }
  }
}
