// Two of the three allowed types lead to the finding and 'None' does not: the parameter matters,
// so the message names the values that cause it (a parameter is left out only when every value
// it can take leads to the finding).
@allowed(['None', 'UserAssigned', 'SystemAssigned,UserAssigned'])
param identityType string = 'None'

@secure()
param administratorLoginPassword string

resource reportsServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-reports-weu'
  location: 'westeurope'
  sku: {
    name: 'Standard_D4ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: identityType // expect: IDL002 "(when parameter 'identityType' is 'UserAssigned'; or when parameter 'identityType' is 'SystemAssigned,UserAssigned')"
  }
  properties: {
    version: '16'
    administratorLogin: 'pgadmin'
    administratorLoginPassword: administratorLoginPassword
  }
}
