// IDL007: identity.type names a combination the type's specification lists, spelled otherwise
// (space after the comma, case, order); the judgement is shared in identity_type.cpp.
#include "rules/identity_type.h"
#include "rules/rules.h"

namespace idlint {
namespace {

void check(ResourceCheck& r) { report_identity_type(r, IdentityTypeVerdict::Kind::Spelling, kIdentityTypeSpelling); }

}  // namespace

const RuleInfo kIdentityTypeSpelling = {
    "IDL007",
    "identity-type-spelling",
    "IdentityTypeSpelling",
    Level::Warning,
    "The identity type is spelled otherwise than the resource type's specification spells it.",
    R"(## What it checks
`identity.type` that names a combination the resource type's REST API specification lists at the
resource's `apiVersion`, but is not spelled as the specification spells it: a space after the comma
or none (`SystemAssigned, UserAssigned` where the specification writes
`SystemAssigned,UserAssigned`, or the reverse), another case (`systemAssigned`), another order
(`UserAssigned,SystemAssigned`). The message gives the exact spelling to write.

Not reported where a service is known to accept the other spelling: the spellings Azure Verified
Modules deploy in their end-to-end tests with both identities (`SystemAssigned,UserAssigned` where
the specification writes it with a space, for API Management, App Configuration, Automation, Azure
Cache for Redis, disk encryption sets, Dev Center dev centers and projects, Event Grid namespaces,
Recovery Services vaults and Search; `SystemAssigned, UserAssigned` for Machine Learning
registries). `idlint --catalog TYPE` lists them. Where a spelling is known to fail, the finding is
not this warning but IDL001 (Recovery Services vaults at 2022-10-01, Media Services at 2021-11-01)
or IDL006 (storage accounts).

## Why it matters
Most services read either spelling: Azure Resource Manager's own error for identity types prints
the combined value as `SystemAssigned, UserAssigned` whatever was sent, and Azure Verified Modules
deploy the spelling their specification does not use on a dozen types. So this is a warning about
the contract, not a predicted failure. But some services parse the value themselves and misread the
other spelling: Recovery Services created a vault with identity type `None` for `SystemAssigned,
UserAssigned` (Azure/azure-rest-api-specs#27851, Azure/bicep#9662), Media Services answered HTTP 500
(Azure/azure-rest-api-specs#21905), and storage accounts are reported not to work with it
(Azure/azure-sdk-for-net#26688). The specification's spelling is the one every service of the type
is tested with.

## Example
In Bicep:
```bicep
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-app'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-orders'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
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
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2024-08-01",
      "name": "pg-orders",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned, UserAssigned",
        "userAssignedIdentities": {
          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-app')]": {}
        }
      }
    }
  ]
}
```
Both give `'SystemAssigned, UserAssigned' is spelled 'SystemAssigned,UserAssigned' by the
specification of Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01`, help `write
'SystemAssigned,UserAssigned'`.

## Fix
Write the value as the help line spells it (`type: 'SystemAssigned,UserAssigned'` above). When the
type's specification changes spelling between api-versions (Cdn profiles, Dev Center, Maps and
others do), the message follows the resource's own `apiVersion`.

## References
- The identity definitions in the Azure REST API specifications (Azure/bicep-types-az 1f896de2);
  common-types v3, v5 and v6 spell the combined value without a space, v4 with one.
- Azure/azure-rest-api-specs#27851, Azure/bicep#9662, Azure/azure-rest-api-specs#21905,
  Azure/azure-sdk-for-net#26688 (spellings misread); Azure/bicep-registry-modules (spellings
  accepted); PSRule.Rules.Azure #1415 and #2235 (a linter that had to accept both).
)",
    &check,
};

}  // namespace idlint
