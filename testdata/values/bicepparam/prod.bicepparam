using './main.bicep'

var suffix = 'prod'
param serverName = 'pg-${suffix}'
param keyIdentityName = 'uami-pg-cmk-${suffix}' // related: IDL010
