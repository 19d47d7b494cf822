param location string = resourceGroup().location

var cryptoUserRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'e147488a-f6f5-4113-8e2d-b22465e65bf6')

resource cryptoIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-kv-crypto'
  location: location
}

resource cryptoUserAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(cryptoIdentity.id, cryptoUserRoleId)
  properties: {
    roleDefinitionId: cryptoUserRoleId
    principalId: cryptoIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource cryptoApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-crypto-weu'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-crypto-weu')
  }
}

output appPrincipalId string = cryptoApp.identity.principalId
