// IDL006: identity.type names valid identities in a combination the type's specification does not
// list at its api-version, or one a service is reported to have trouble with (identity_type.cpp).
#include "rules/identity_type.h"
#include "rules/rules.h"

namespace idlint {
namespace {

void check(ResourceCheck& r) { report_identity_type(r, IdentityTypeVerdict::Kind::NotInSpec, kIdentityTypeNotInSpec); }

}  // namespace

const RuleInfo kIdentityTypeNotInSpec = {
    "IDL006",
    "identity-type-not-in-spec",
    "IdentityTypeNotInSpec",
    Level::Warning,
    "The identity type is valid, but not a value the resource type's specification lists at its api-version.",
    R"(## What it checks
`identity.type` whose parts are all valid (`None`, `SystemAssigned`, `UserAssigned`) but whose
combination is not among the values the resource type's REST API specification lists at the
resource's `apiVersion`: `SystemAssigned` on a type that lists only `UserAssigned`, both identities
on a type that lists no combined value, `None` together with another identity. The message names
the values the specification lists and, when another api-version lists the combination, the
nearest such version (`api-version 2024-08-01 or later lists it as 'SystemAssigned,UserAssigned'`).

It is also reported, with the evidence in the message, for the values a service is reported to have
trouble with where the failure is not proven at that api-version (entries of level `warning` in
`rules/identity-evidence.json`):

| resource type | value | evidence |
|---|---|---|
| `Microsoft.RecoveryServices/vaults`, other than 2022-10-01 | both identities, written with a space | at 2022-10-01 the vault was created with identity type `None` (Azure/azure-rest-api-specs#27851); an error there (IDL001) |
| `Microsoft.Storage/storageAccounts` | both identities, written with a space | "does not work" (Azure/azure-sdk-for-net#26688; how it fails is not stated) |
| `Microsoft.ContainerRegistry/registries/credentialSets`, other than 2023-07-01 | `UserAssigned`, or both | "The supported types are 'SystemAssigned'." at 2023-07-01 (Azure/azure-rest-api-specs#32154) |
| `Microsoft.DevOpsInfrastructure/pools` | `SystemAssigned` | rejected with CannotSetResourceIdentity, api-version not recorded (Azure/terraform-azurerm-avm-res-devopsinfrastructure-pool#86) |
| `Microsoft.Automation/automationAccounts` | `None` | "'None' is not an allowed value, nor is null" (Azure/bicep-registry-modules#6517, PR #6771) |

Not reported: a value a service is known to accept although its specification lacks it. Azure
Verified Modules deploy both identities on Logic workflows (`SystemAssigned,UserAssigned`, PR #6867:
before it, `SystemAssigned` with identity IDs failed) and on Elastic SAN volume groups
(`SystemAssigned, UserAssigned`) in their end-to-end tests. `idlint --catalog TYPE` lists these
acceptances.

## Why it matters
A warning, not an error: the specifications are generated, and not the services' truth. Values
missing from them are accepted (the Logic workflows above), PostgreSQL's 2024-08-01 enum gained the
combined value inside the same api-version, and Bicep itself reports such type mismatches as
warnings for that reason (Azure/bicep#7710). But a value outside the contract is a value no
documentation promises: some services reject it with `CannotSetResourceIdentity` ("does not support
creation of '…' resource identity"), which is why the failures recorded as evidence are errors
(IDL001).

## Example
In Bicep:
```bicep
resource purviewIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-purview'
}

resource account 'Microsoft.Purview/accounts@2021-12-01' = {
  name: 'pview-catalog'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${purviewIdentity.id}': {}
    }
  }
}
```
In ARM JSON:
```json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Purview/accounts",
      "apiVersion": "2021-12-01",
      "name": "pview-catalog",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned,UserAssigned",
        "userAssignedIdentities": {
          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-purview')]": {}
        }
      }
    }
  ]
}
```
Both give `the specification of Microsoft.Purview/accounts@2021-12-01 does not list
'SystemAssigned,UserAssigned'`, help `the specification lists 'None', 'SystemAssigned',
'UserAssigned'; 'SystemAssigned,UserAssigned' needs api-version 2024-04-01-preview or later; or write
'SystemAssigned, UserAssigned' (accepted by the service at api-version 2021-07-01)`.

## Fix
Use a value the specification lists, or the api-version the help line names:
```bicep
resource purviewIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-purview'
}

resource account 'Microsoft.Purview/accounts@2024-04-01-preview' = {
  name: 'pview-catalog'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${purviewIdentity.id}': {}
    }
  }
}
```
When the service is known to accept the value (you have deployed it), suppress the finding with a
comment that says so: `// idlint-disable-next-line IDL006 -- deployed with both identities since 2025-03`.

## References
- The identity definitions in the Azure REST API specifications (Azure/bicep-types-az 1f896de2).
- Evidence of services accepting values their specifications lack: Azure/bicep-registry-modules
  PR #6867 (Logic workflows), the Elastic SAN module's tests; Bicep's reasoning for warnings:
  Azure/bicep#3000, Azure/bicep#7710.
)",
    &check,
};

}  // namespace idlint
