// Current Bicep syntax that must parse without a syntax error: user-defined types and functions,
// lambdas, safe access, spread, nullable types, loops with an index, decorators and directives.
metadata description = 'Web apps for each configured server.'
targetScope = 'resourceGroup'

@export()
type appConfig = {
  @description('Short name of the app.')
  name: string

  @minValue(1)
  instances: int?

  tier: 'Basic' | 'Premium'
}

type tagMap = {
  *: string
}

param apps appConfig[] = [
  {
    name: 'orders'
    tier: 'Basic'
  }
]
param extraTags tagMap = {}
param settings object?

func appName(name string) string => 'app-${toLower(name)}-weu'

var defaultTags = {
  workload: 'web'
}
var tags = {
  ...defaultTags
  ...extraTags
  owner: settings.?owner ?? 'platform'
}
var names = [
  ...map(apps, app => appName(app.name))
  'app-status-weu'
]
var premiumApps = filter(apps, app => app.tier == 'Premium')
var instanceCounts = map(apps, app => app.?instances ?? 1)
var isLarge = length(apps) > 2 && !empty(premiumApps) || contains(names, 'app-admin-weu')
var labels = [for (app, i) in apps: '${i}:${app.name}']

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-web-weu'
}

#disable-next-line no-hardcoded-location
resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-web-weu'
  location: 'westeurope'
  tags: tags
  sku: {
    name: isLarge ? 'P1v3' : 'B1'
  }
}

@batchSize(1)
resource sites 'Microsoft.Web/sites@2023-12-01' = [for (app, i) in apps: {
  name: appName(app.name)
  location: resourceGroup().location
  tags: union(tags, {
    index: string(i)
  })
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      numberOfWorkers: instanceCounts[i]
      appSettings: [
        {
          name: 'VAULT_URI'
          value: vault.properties.vaultUri
        }
      ]
    }
  }
}]

output siteNames string[] = [for (app, i) in apps: sites[i].name]
output firstPrincipalId string = sites[0].identity.principalId
output labels array = labels
