param location string = resourceGroup().location

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-kv-reader')
var appIdentity = {
  type: 'SystemAssigned' // related: IDL003
  userAssignedIdentities: {
    '${identityId}': {}
  }
}

resource docsApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-docs-weu'
  location: location
  identity: appIdentity // expect: IDL003
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-docs-weu')
    keyVaultReferenceIdentity: identityId
  }
}
