// IDL001: identity.type is no identity type, names identities the type has none of at its
// api-version, or is a value the service is known to reject or misread (the judgement is shared with
// IDL006 and IDL007 in identity_type.cpp).
#include "rules/identity_type.h"
#include "rules/rules.h"

namespace idlint {
namespace {

void check(ResourceCheck& r) { report_identity_type(r, IdentityTypeVerdict::Kind::Invalid, kIdentityTypeInvalid); }

}  // namespace

const RuleInfo kIdentityTypeInvalid = {
    "IDL001",
    "identity-type-invalid",
    "IdentityTypeInvalid",
    Level::Error,
    "The identity type is no identity type, or one the service is known to reject at that api-version.",
    R"(## What it checks
For every resource type whose identity has a type in the Azure REST API specifications (339 types
in idlint's identity catalog, `idlint --catalog TYPE` shows one), `identity.type` is an error when:

- **a part is no identity type.** Split at commas and trimmed, each part must be `None`,
  `SystemAssigned` or `UserAssigned` in any case, unless the whole value is one the type spells its
  own way (`SystemAssignedUserAssigned` for three Sql types, `SystemAndUserAssigned` for Dynatrace
  monitors, `systemAssignedIdentity` and `userAssignedIdentity` for Redis Enterprise). A part that is
  none of these (`SystemAsigned`, `ManagedIdentity`) cannot do what the author meant on any resource
  provider: the request fails, or the resource gets no identity. The message gives the near
  spelling when there is one.
- **the type has no identity at that api-version** (PostgreSQL flexible server 2021-06-01 to
  2022-01-20-preview); `None` is accepted there.
- **the service is known to reject or misread the value at that api-version.** These are the
  entries of level `error` in `rules/identity-evidence.json`, each with its source:

| resource type | api-versions | value | what the service does | source |
|---|---|---|---|---|
| `Microsoft.RecoveryServices/vaults` | 2022-10-01 | system and user, written with a space (`SystemAssigned, UserAssigned`) | creates the vault with identity type `None` | Azure/azure-rest-api-specs#27851, hashicorp/terraform-provider-azurerm#24933, Azure/bicep#9662 |
| `Microsoft.Media/mediaservices` | 2021-11-01 | the same, with a space | HTTP 500 | Azure/azure-rest-api-specs#21905 |
| `Microsoft.Network/applicationGateways` | all | `SystemAssigned` | "does not support creation of 'SystemAssigned' resource identity. The supported types are 'UserAssigned'." | Azure/azure-rest-api-specs#16632 |
| `Microsoft.Network/firewallPolicies` | all | `SystemAssigned` | the same message | Azure/ResourceModules#3157 |
| `Microsoft.ContainerRegistry/registries/credentialSets` | 2023-07-01 | `UserAssigned`, or both | "The supported types are 'SystemAssigned'." | Azure/azure-rest-api-specs#32154, terraform-provider-azurerm PR #27528 |
| `Nginx.NginxPlus/nginxDeployments` | 2022-08-01 | `SystemAssigned` | "The supported types are 'UserAssigned'." | Azure/azure-rest-api-specs#20914 |
| `Microsoft.DocumentDB/mongoClusters` | 2025-09-01 | `SystemAssigned`, or both | "The supported types are 'UserAssigned'." | Azure/azure-rest-api-specs#38810 |
| `Microsoft.AzureStackHCI/clusters` | 2023-08-01 to 2024-01-01 | `UserAssigned` | "API does not support UserAssigned" | Azure/azure-rest-api-specs#28260 |
| `NewRelic.Observability/monitors` | 2022-07-01 | `UserAssigned`, or both | "only SystemAssigned is supported" | Azure/azure-rest-api-specs#29256 |
| `Microsoft.Purview/accounts` | 2021-07-01 | `UserAssigned` alone | error 1001 "PrincipalId is required" | Azure/azure-rest-api-specs#22257 |
| `Microsoft.DBforMySQL/flexibleServers` | 2021-05-01 and later | `SystemAssigned`, or both | the documentation: it "currently supports only User-assigned Managed Identity"; the specification lists only `UserAssigned` | Azure Database for MySQL documentation |
| `Microsoft.DBforPostgreSQL/flexibleServers` | 2022-12-01 to 2024-03-01-preview | `SystemAssigned`, or both | "does not support creation of 'SystemAssigned' resource identity. The supported types are 'UserAssigned'." | Azure/azure-rest-api-specs#23176 and PR #23423 |

Everything else about `identity.type` is graded lower: a combination the specification does not
list is IDL006 (a warning), a listed combination spelled otherwise (space, case, order) is IDL007
(a warning). The specifications are not the services' truth: Logic workflows accept both
identities although their specification lists no combined value, and most services read either
spelling of the combined value (evidence in IDL007's documentation). An api-version newer than the
catalog knows is judged as the newest it has; a value that is not known (a parameter without
default) is not judged.

## Why it matters
The deployment fails, or worse, the resource is created without the identity the template asks
for: the Recovery Services vault of Azure/azure-rest-api-specs#27851 was created with identity type
`None`, so its backups could not reach the key vault the identity was meant for.

## Example
A system-assigned identity on a PostgreSQL flexible server at an api-version that rejects it, in
Bicep:
```bicep
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: 'pg-inventory'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
}
```
and in ARM JSON:
```json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2023-12-01-preview",
      "name": "pg-inventory",
      "location": "westeurope",
      "identity": { "type": "SystemAssigned" }
    }
  ]
}
```
Both give `'SystemAssigned' is not accepted by
Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview: only user-assigned identities are
supported before api-version 2024-08-01 (Azure/azure-rest-api-specs#23176)`, help `'SystemAssigned'
needs api-version 2024-08-01 or later`.

## Fix
Write the value the help line gives, or move to an api-version that accepts it:
```bicep
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-inventory'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
}
```

## References
- The identity definitions of every type in the Azure REST API specifications (Azure/bicep-types-az
  1f896de2, generated from them).
- The issues and pull requests in the table above; the research behind them is summarized in
  `rules/identity-evidence.json`.
- Configure managed identities in Azure Database for PostgreSQL flexible server; data encryption
  with customer-managed keys in Azure Database for MySQL flexible server.
)",
    &check,
};

}  // namespace idlint
