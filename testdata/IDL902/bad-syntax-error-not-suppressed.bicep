resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  // A syntax error is always reported; in a file that does not parse, nothing is reported unused.
  // idlint-disable-next-line IDL900 IDL001
  name: 'uami-events // expect: IDL900
  location: 'westeurope'
}
