// Two servers from the same module. The second passes the key identity without assigning it.
param location string = resourceGroup().location

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-orders-app'
  location: location
}

resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-orders-cmk'
  location: location
}

module ordersPrimary './postgres.bicep' = {
  name: 'orders-primary'
  params: {
    name: 'pg-orders-primary'
    location: location
    userAssignedIdentityIds: [
      appIdentity.id
      keyIdentity.id
    ]
    customerManagedKey: {
      keyUri: 'https://kv-orders.vault.azure.net/keys/cmk-orders'
      userAssignedIdentityId: keyIdentity.id
    }
  }
}

module ordersReplica './postgres.bicep' = {
  name: 'orders-replica'
  params: {
    name: 'pg-orders-replica'
    location: location
    userAssignedIdentityIds: [
      appIdentity.id
    ]
    customerManagedKey: {
      keyUri: 'https://kv-orders.vault.azure.net/keys/cmk-orders'
      userAssignedIdentityId: keyIdentity.id
    }
  }
}
