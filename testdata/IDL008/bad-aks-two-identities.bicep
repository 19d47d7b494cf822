// An AKS cluster takes one user-assigned identity for its control plane; the kubelet identity is
// written in identityProfile, not in identity.userAssignedIdentities.
resource controlPlane 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-aks-orders-control'
  location: 'westeurope'
}

resource kubelet 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-aks-orders-kubelet'
  location: 'westeurope'
}

resource cluster 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  name: 'aks-orders-weu'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { // expect: IDL008 "'userAssignedIdentities' lists 2 user-assigned identities, but Microsoft.ContainerService/managedClusters takes at most 1"
    //   message: 'userAssignedIdentities' lists 2 user-assigned identities, but Microsoft.ContainerService/managedClusters takes at most 1
    //   help: keep one: the control plane takes a single user-assigned identity (the kubelet identity goes in identityProfile.kubeletidentity)
      '${controlPlane.id}': {}
      '${kubelet.id}': {}
    }
  }
  properties: {
    dnsPrefix: 'aks-orders'
  }
}
