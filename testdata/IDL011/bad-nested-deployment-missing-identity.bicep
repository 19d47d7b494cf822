// The inner-scoped template is plain ARM: its expressions are '[…]' strings that ARM evaluates.
param location string = resourceGroup().location
param keyUri string = 'https://kv-pg-docs.vault.azure.net/keys/cmk-docs'

resource postgresDocs 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'postgres-docs'
  properties: {
    mode: 'Incremental'
    expressionEvaluationOptions: {
      scope: 'inner'
    }
    parameters: {
      location: {
        value: location
      }
      keyUri: {
        value: keyUri
      }
    }
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      parameters: {
        location: {
          type: 'string'
        }
        keyUri: {
          type: 'string'
        }
        cmkIdentityId: {
          type: 'string'
          defaultValue: '' // related: IDL011
          //   message: the default value of parameter 'cmkIdentityId'
          //   message: parameter 'cmkIdentityId' is not given: its default is empty
        }
      }
      resources: [
        {
          type: 'Microsoft.DBforPostgreSQL/flexibleServers'
          apiVersion: '2024-08-01'
          name: 'pg-docs-weu'
          location: '[parameters(\'location\')]'
          sku: {
            name: 'Standard_B2s'
            tier: 'Burstable'
          }
          properties: {
            version: '16'
            administratorLogin: 'pgadmin'
            storage: {
              storageSizeGB: 64
            }
            dataEncryption: {
              type: 'AzureKeyVault'
              primaryKeyURI: '[parameters(\'keyUri\')]'
              primaryUserAssignedIdentityId: '[parameters(\'cmkIdentityId\')]' // expect: IDL011
              //   message: 'primaryUserAssignedIdentityId' is empty, but data encryption with 'AzureKeyVault' needs it (when parameter 'keyUri' is given by the calling deployment and 'cmkIdentityId' is not given)
              //   help: set it to the user-assigned identity that reads the key
            }
          }
        }
      ]
    }
  }
}
