resource controlPlane 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-aks-control-plane'
}

resource kubelet 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-aks-kubelet'
}

// The kubelet identity is given apart from the cluster's own: it need not be in its identity.
resource orders 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-orders'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${controlPlane.id}': {}
    }
  }
  properties: {
    dnsPrefix: 'aks-orders'
    identityProfile: {
      kubeletidentity: {
        resourceId: kubelet.id
        clientId: kubelet.properties.clientId
      }
    }
  }
}
