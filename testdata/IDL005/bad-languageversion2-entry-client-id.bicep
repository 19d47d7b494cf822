// Twin of the languageVersion 2.0 template: the identity is referenced through its symbolic name.
param location string = resourceGroup().location

resource jobIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-aca-jobs'
  location: location
}

resource nightlyJob 'Microsoft.App/jobs@2024-03-01' = {
  name: 'caj-nightly-weu'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${jobIdentity.id}': { // expect: IDL005
        clientId: 'e8a3f1c7-2b6d-4d9a-b0e4-5c7f1a3d9e62'
      }
    }
  }
  properties: {
    environmentId: resourceId('Microsoft.App/managedEnvironments', 'cae-shared-weu')
    configuration: {
      triggerType: 'Schedule'
      replicaTimeout: 1800
    }
  }
}
