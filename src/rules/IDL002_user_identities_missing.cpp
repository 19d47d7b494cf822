// IDL002: an identity type that includes UserAssigned needs at least one user-assigned identity.
#include "rules/check.h"
#include "rules/rules.h"

namespace idlint {
namespace {

void check(ResourceCheck& r) {
  const Val& type = r.property({"identity", "type"});
  if (!type_includes_user_assigned(type)) return;
  const Val& uais = r.property({"identity", "userAssignedIdentities"});
  if (uais.is_unknown()) return;
  const std::string help = "list the user-assigned identities there, or remove UserAssigned from the type";
  if (uais.is_absent()) {
    r.report(kUserIdentitiesMissing, {"identity", "type"}, type,
             "identity type " + quote_text(type.str) + " includes UserAssigned, but 'userAssignedIdentities' is not set",
             help);
    return;
  }
  const bool empty = uais.kind == Val::Kind::Null || (uais.is_object() && uais.members.empty());
  if (!empty) return;
  r.report(kUserIdentitiesMissing, {"identity", "userAssignedIdentities"}, uais,
           "identity type " + quote_text(type.str) + " includes UserAssigned, but 'userAssignedIdentities' is " +
               (uais.kind == Val::Kind::Null ? "null" : "empty"),
           help);
}

}  // namespace

const RuleInfo kUserIdentitiesMissing = {
    "IDL002",
    "user-identities-missing",
    "UserIdentitiesMissing",
    Level::Error,
    "An identity type that includes UserAssigned must list at least one user-assigned identity.",
    R"(## What it checks
When `identity.type` includes `UserAssigned`, `identity.userAssignedIdentities` must be present and
hold at least one identity. Absent, `null` and `{}` are reported. Values idlint cannot determine
are not.

## Why it matters
Azure Resource Manager rejects a user-assigned identity type without identities, and templates that
build the map conditionally (for example from an empty parameter array) often produce exactly that.

## Example
In Bicep:
```bicep
resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-booking'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'plan-booking')
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
      "type": "Microsoft.Web/sites",
      "apiVersion": "2023-12-01",
      "name": "app-booking",
      "location": "westeurope",
      "identity": { "type": "UserAssigned" },
      "properties": {
        "serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'plan-booking')]"
      }
    }
  ]
}
```
Both give `identity type 'UserAssigned' includes UserAssigned, but 'userAssignedIdentities' is not
set`, help `list the user-assigned identities there, or remove UserAssigned from the type`.

## Fix
Add the identity resource IDs as keys with `{}` values, or drop `UserAssigned` from the type:
```bicep
resource bookingIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-booking'
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-booking'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${bookingIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'plan-booking')
  }
}
```

## References
- Managed identities for Azure resources: user-assigned identity in ARM templates.
)",
    &check,
};

}  // namespace idlint
