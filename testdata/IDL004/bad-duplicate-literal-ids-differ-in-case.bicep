param location string = resourceGroup().location

resource claimsApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-claims-weu'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '/subscriptions/3f2a8c1e-5b7d-4e9a-9c61-2d8e4f0a7b13/resourceGroups/rg-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-claims': {}
      '/subscriptions/3F2A8C1E-5B7D-4E9A-9C61-2D8E4F0A7B13/resourceGroups/RG-Identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/UAMI-Claims': {} // expect: IDL004
    }
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-claims-weu')
  }
}
