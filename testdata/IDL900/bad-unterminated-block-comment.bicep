param location string = resourceGroup().location
param identityName string = 'uami-pg-orders'

resource ordersIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: {
    workload: 'orders'
    environment: 'production'
    costCenter: 'cc-4711'
  }
}

/* outputs are added by the release pipeline // expect: IDL900