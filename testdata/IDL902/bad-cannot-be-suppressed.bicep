resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  // idlint-disable-next-line IDL900 IDL902 -- the generator writes these // expect: IDL902 "'IDL900' cannot be suppressed", IDL902 "'IDL902' cannot be suppressed"
  name: 'uami-events'
  location: 'westeurope'
}
