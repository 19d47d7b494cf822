using './app.bicep'

// A directive in a .bicepparam covers the findings that the value on the next line causes.
// idlint-disable-next-line IDL010 -- this identity is assigned by the platform pipeline
param keyIdentityName = 'uami-pg-cmk-shared' // related: IDL010
