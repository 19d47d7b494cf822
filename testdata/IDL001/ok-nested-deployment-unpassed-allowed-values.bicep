resource pgInner 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'pg-inner'
  properties: {
    mode: 'Incremental'
    expressionEvaluationOptions: {
      scope: 'inner'
    }
    parameters: {}
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      parameters: {
        identityType: {
          type: 'string'
          defaultValue: 'UserAssigned'
          allowedValues: [
            'None'
            'UserAssigned'
            'SystemAssigned, UserAssigned'
          ]
          metadata: {
            description: 'Not passed by the deployment above, so only the default can apply.'
          }
        }
        useSystemIdentity: {
          type: 'bool'
          defaultValue: false
        }
      }
      resources: [
        {
          type: 'Microsoft.DBforPostgreSQL/flexibleServers'
          apiVersion: '2023-12-01-preview'
          name: 'pg-nested'
          location: 'westeurope'
          identity: {
            type: '[if(parameters(\'useSystemIdentity\'), \'SystemAssigned\', parameters(\'identityType\'))]'
            userAssignedIdentities: {
              '[resourceId(\'Microsoft.ManagedIdentity/userAssignedIdentities\', \'uami-nested\')]': {}
            }
          }
          properties: {
            version: '16'
          }
        }
      ]
    }
  }
}
