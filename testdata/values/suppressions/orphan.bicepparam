using './missing.bicep'

// The template cannot be read, so the values are not checked and the directive is not judged.
// idlint-disable-next-line IDL010 -- judged once the template is there
param keyIdentityName = 'uami-pg-cmk-shared'
