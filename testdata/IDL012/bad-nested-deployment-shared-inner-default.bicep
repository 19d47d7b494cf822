// The inner-scoped template is plain ARM: its expressions are '[…]' strings that ARM evaluates.
param location string = 'westeurope'

resource postgresArchive 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'postgres-archive'
  properties: {
    mode: 'Incremental'
    expressionEvaluationOptions: {
      scope: 'inner'
    }
    parameters: {
      location: {
        value: location
      }
    }
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      parameters: {
        location: {
          type: 'string'
        }
        cmkIdentityName: {
          type: 'string'
          defaultValue: 'uami-pg-archive-cmk'
        }
        geoIdentityName: {
          type: 'string'
          defaultValue: 'uami-pg-archive-cmk' // related: IDL012
        }
      }
      resources: [
        {
          type: 'Microsoft.DBforPostgreSQL/flexibleServers'
          apiVersion: '2024-08-01'
          name: 'pg-archive-weu'
          location: '[parameters(\'location\')]'
          sku: {
            name: 'Standard_D2ds_v5'
            tier: 'GeneralPurpose'
          }
          identity: {
            type: 'UserAssigned'
            userAssignedIdentities: {
              '[resourceId(\'Microsoft.ManagedIdentity/userAssignedIdentities\', parameters(\'cmkIdentityName\'))]': {}
            }
          }
          properties: {
            version: '16'
            administratorLogin: 'pgadmin'
            backup: {
              backupRetentionDays: 35
              geoRedundantBackup: 'Enabled'
            }
            dataEncryption: {
              type: 'AzureKeyVault'
              primaryKeyURI: 'https://kv-archive-weu.vault.azure.net/keys/cmk-archive'
              primaryUserAssignedIdentityId: '[resourceId(\'Microsoft.ManagedIdentity/userAssignedIdentities\', parameters(\'cmkIdentityName\'))]'
              geoBackupKeyURI: 'https://kv-archive-neu.vault.azure.net/keys/cmk-archive-geo'
              geoBackupUserAssignedIdentityId: '[resourceId(\'Microsoft.ManagedIdentity/userAssignedIdentities\', parameters(\'geoIdentityName\'))]' // expect: IDL012
            }
          }
        }
      ]
    }
  }
}
