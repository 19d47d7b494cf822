param location string = resourceGroup().location

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-web-portal')

resource portalApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-portal-weu'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-portal-weu')
    httpsOnly: true
  }
}

resource portalStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stportalweu01'
  location: location
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  identity: {
    type: 'systemassigned'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
  }
}
