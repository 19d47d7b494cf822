// Outer scope lets the nested template use Bicep symbols of the enclosing file: no '[…]' string at all.
@allowed([
  'UserAssigned'
  'SystemAssigned' // related: IDL001
])
param identityType string = 'UserAssigned'

resource pgInner 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'pg-inner'
  properties: {
    mode: 'Incremental'
    expressionEvaluationOptions: {
      scope: 'outer'
    }
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: [
        {
          type: 'Microsoft.DBforPostgreSQL/flexibleServers'
          apiVersion: '2023-12-01-preview'
          name: 'pg-nested'
          location: 'westeurope'
          identity: {
            type: identityType // expect: IDL001 "when parameter 'identityType' is 'SystemAssigned'"
            userAssignedIdentities: {
              '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-nested')}': {}
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
