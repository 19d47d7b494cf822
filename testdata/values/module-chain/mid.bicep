param dashboardName string = ''
param identityType string = 'None'

module leaf './leaf.bicep' = if (!empty(dashboardName)) {
  name: 'leaf'
  params: {
    name: dashboardName
    identityType: identityType
  }
}
