// The inner-scoped template is plain ARM: its expressions are '[…]' strings that ARM evaluates.
param location string = resourceGroup().location

resource postgresCms 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'postgres-cms'
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
        identityType: {
          type: 'string'
          defaultValue: 'None' // related: IDL003
        }
        identityName: {
          type: 'string'
          defaultValue: 'uami-pg-cms'
        }
      }
      resources: [
        {
          type: 'Microsoft.DBforPostgreSQL/flexibleServers'
          apiVersion: '2024-08-01'
          name: 'pg-cms-weu'
          location: '[parameters(\'location\')]'
          sku: {
            name: 'Standard_B2s'
            tier: 'Burstable'
          }
          identity: {
            type: '[parameters(\'identityType\')]' // expect: IDL003
            userAssignedIdentities: {
              '[resourceId(\'Microsoft.ManagedIdentity/userAssignedIdentities\', parameters(\'identityName\'))]': {}
            }
          }
          properties: {
            version: '16'
            administratorLogin: 'pgadmin'
          }
        }
      ]
    }
  }
}
