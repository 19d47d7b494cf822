// A binary blob pasted between two declarations.
param location string = resourceGroup().location
ELFÿşı‘Ã €â‚ // expect: IDL900
resource ordersIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'uami-pg-orders'
  location: location
}
