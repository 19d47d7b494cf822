// One control-plane identity, and the kubelet identity in identityProfile: within the limit (the
// kubelet identity is not counted, and need not be in identity.userAssignedIdentities).
resource controlPlane 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-aks-ledger-control'
  location: 'westeurope'
}

resource kubelet 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-aks-ledger-kubelet'
  location: 'westeurope'
}

resource cluster 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  name: 'aks-ledger-weu'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${controlPlane.id}': {}
    }
  }
  properties: {
    dnsPrefix: 'aks-ledger'
    identityProfile: {
      kubeletidentity: {
        resourceId: kubelet.id
        clientId: kubelet.properties.clientId
        objectId: kubelet.properties.principalId
      }
    }
  }
}
