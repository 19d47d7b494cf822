// IDL003: user-assigned identities listed while the identity type does not include UserAssigned.
#include "rules/check.h"
#include "rules/rules.h"

namespace idlint {
namespace {

void check(ResourceCheck& r) {
  const Val& type = r.property({"identity", "type"});
  if (!type.is_string() || type_includes_user_assigned(type)) return;
  const Val& uais = r.property({"identity", "userAssignedIdentities"});
  if (!uais.is_object() || uais.members.empty()) return;
  std::string fix = "'UserAssigned'";
  if (type_includes_system_assigned(type)) {
    // The combined value as this resource type spells it, when the catalog knows the type.
    fix =
        "the combined type as the resource type spells it ('SystemAssigned,UserAssigned' or 'SystemAssigned, "
        "UserAssigned')";
    if (const CatalogLookup found = r.catalog(); found.version) {
      fix = "'UserAssigned' (" + r.type() + "@" + r.api_version() + " accepts no combined type)";
      for (const std::string& v : found.version->identity_types) {
        if (v.find(',') != std::string::npos) fix = "'" + v + "'";
      }
    }
  }
  const size_t n = uais.members.size();
  r.report(kUserIdentitiesWithoutUserType, {"identity", "type"}, type,
           "identity type " + quote_text(type.str) + " does not include UserAssigned, but 'userAssignedIdentities' lists " +
               std::to_string(n) + (n == 1 ? " identity" : " identities"),
           "write " + fix + ", or remove 'userAssignedIdentities'");
}

}  // namespace

const RuleInfo kUserIdentitiesWithoutUserType = {
    "IDL003",
    "user-identities-without-user-type",
    "UserIdentitiesWithoutUserType",
    Level::Error,
    "User-assigned identities are listed but the identity type does not include UserAssigned.",
    R"(## What it checks
`identity.userAssignedIdentities` has entries while `identity.type` does not include
`UserAssigned` (for example `SystemAssigned` or `None`).

## Why it matters
The request is rejected, or the identities are not assigned, so anything that relies on them (Key
Vault access for customer-managed keys, storage access) fails later.

## Example
In Bicep:
```bicep
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-app'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-fleet'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
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
      "name": "pg-fleet",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned",
        "userAssignedIdentities": {
          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-app')]": {}
        }
      }
    }
  ]
}
```
Both give `identity type 'SystemAssigned' does not include UserAssigned, but
'userAssignedIdentities' lists 1 identity`, help `write 'SystemAssigned,UserAssigned', or remove
'userAssignedIdentities'`.

## Fix
Use the type that includes user identities (the exact spelling the resource type accepts, see
IDL001), or remove the map:
```bicep
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-app'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-fleet'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
}
```

## References
- Managed identities for Azure resources: identity types.
)",
    &check,
};

}  // namespace idlint
