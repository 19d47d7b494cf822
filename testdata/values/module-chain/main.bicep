// main calls mid, which calls leaf only when a dashboard name is given. leaf's own finding is
// reported once, in leaf.bicep; what main's argument causes in leaf is reported at main's call,
// with a related location in leaf.bicep that says so.
param dashboardName string = 'dash'

module mid './mid.bicep' = {
  name: 'mid'
  params: {
    dashboardName: dashboardName
    identityType: 'UserAssigned' // expect: IDL002 "(in module 'mid')"
  }
}
