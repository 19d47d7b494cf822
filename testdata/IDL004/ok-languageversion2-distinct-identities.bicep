// Twin of the languageVersion 2.0 template: both identities are referenced through their symbolic names.
param location string = resourceGroup().location

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-aca-app'
  location: location
}

resource pullIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-aca-pull'
  location: location
}

resource containerApp 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-orders-weu'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
      '${pullIdentity.id}': {}
    }
  }
  properties: {
    managedEnvironmentId: resourceId('Microsoft.App/managedEnvironments', 'cae-shared-weu')
  }
}
