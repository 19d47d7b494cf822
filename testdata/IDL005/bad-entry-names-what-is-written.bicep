// The remedy follows what the entry holds: Azure's outputs, another property, or not an object.
var appId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-app')
var jobsId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-jobs')
var batchId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-batch')

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-entries'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appId}': { // expect: IDL005 "sets 'clientId'"
        clientId: 'e8a3f1c7-2b6d-4d9a-b0e4-5c7f1a3d9e62'
      }
      '${jobsId}': { // expect: IDL005 "an entry has no properties to set (Azure fills in its principalId and clientId): write {}"
        name: 'uami-jobs'
      }
      '${batchId}': true // expect: IDL005 "is true"
    }
  }
  properties: {
    version: '16'
  }
}
