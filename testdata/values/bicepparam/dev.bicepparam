using './main.bicep'

// The same identity as the default, a secret and an environment variable: nothing to report.
param keyIdentityName = 'uami-pg-cmk'
param environmentName = readEnvironmentVariable('ENVIRONMENT', 'dev')
