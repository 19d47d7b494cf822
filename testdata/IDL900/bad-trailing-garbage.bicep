param location string = resourceGroup().location

resource ordersIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-pg-orders'
  location: location
  tags: {
    workload: 'orders'
    environment: 'production'
    costCenter: 'cc-4711'
  }
}
} // expect: IDL900
