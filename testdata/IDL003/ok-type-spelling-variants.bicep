param location string = resourceGroup().location

var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-data-lake')

resource dataLake 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdatalakeweu01'
  location: location
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    isHnsEnabled: true
  }
}

resource ingestVm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-ingest-weu'
  location: location
  identity: {
    type: 'systemassigned, userassigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    hardwareProfile: {
      vmSize: 'Standard_D2s_v5'
    }
  }
}
