// The inner-scoped template is plain ARM: its expressions are '[…]' strings that ARM evaluates.
param location string = resourceGroup().location

resource postgresServer 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'postgres-server'
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
        serverIdentityType: {
          type: 'string'
          defaultValue: 'SystemAssigned' // related: IDL001
        }
      }
      resources: [
        {
          type: 'Microsoft.DBforPostgreSQL/flexibleServers'
          apiVersion: '2023-06-01-preview'
          name: 'pg-payments-weu'
          location: '[parameters(\'location\')]'
          sku: {
            name: 'Standard_D2ds_v5'
            tier: 'GeneralPurpose'
          }
          identity: {
            type: '[parameters(\'serverIdentityType\')]' // expect: IDL001
          }
          properties: {
            version: '15'
            administratorLogin: 'pgadmin'
            storage: {
              storageSizeGB: 128
            }
          }
        }
      ]
    }
  }
}
