// IDL005: principalId, tenantId and the contents of userAssignedIdentities entries are set by Azure.
#include "rules/check.h"
#include "rules/rules.h"

namespace idlint {
namespace {

void check(ResourceCheck& r) {
  // A deployed resource's JSON shows what Azure filled in: that is not a mistake there.
  if (r.describes_deployed_resource()) return;
  const Val& identity = r.property({"identity"});
  if (!identity.is_object()) return;
  for (std::string_view name : {"principalId", "tenantId"}) {
    const Val& v = r.property({"identity", name});
    if (v.is_unset()) continue;
    // An unknown value counts only when the property is written in the resource itself.
    if (v.is_unknown() && r.locate({"identity", name}).begin == r.locate({"identity"}).begin) continue;
    r.report(kIdentityOutputPropertySet, {"identity", name}, v,
             "'" + std::string(name) + "' is set by Azure when the identity is created", "remove it from the template");
  }
  const Val& uais = r.property({"identity", "userAssignedIdentities"});
  if (!uais.is_object()) return;
  for (size_t i = 0; i < uais.members.size(); ++i) {
    const Val& v = uais.members[i].value;
    if (v.is_unknown() || v.kind == Val::Kind::Null || (v.is_object() && v.members.empty())) continue;
    const Val& key = uais.members[i].key;
    const std::string label = key.is_string() ? key.str : describe(key);
    // The remedy follows what is written: Azure's own outputs are filled in for the user; anything
    // else is not a property an entry has.
    std::string what;
    std::string remedy;
    if (v.is_object()) {
      what = "sets ";
      bool outputs_only = true;
      for (size_t k = 0; k < v.members.size(); ++k) {
        const Val& name = v.members[k].key;
        outputs_only = outputs_only && name.is_string() &&
                       (equals_ignore_case(name.str, "principalId") || equals_ignore_case(name.str, "clientId"));
        if (k == 8) {
          what += " and " + std::to_string(v.members.size() - k) + " more";
          continue;
        }
        if (k < 8) what += (k ? ", " : "") + (name.is_string() ? quote_text(name.str, 80) : describe(name));
      }
      remedy = outputs_only ? (v.members.size() == 1 ? "Azure fills it in: write {}" : "Azure fills them in: write {}")
                            : "an entry has no properties to set (Azure fills in its principalId and clientId): write {}";
    } else {
      what = "is " + describe(v);
      remedy = "an entry is written {} (Azure fills in its principalId and clientId)";
    }
    std::string message = "the entry for " + r.show(key) + " " + what;
    // Point at the entry as written in the resource when its value comes from elsewhere.
    const Value* map = r.written({"identity", "userAssignedIdentities"});
    const Value* entry = nullptr;
    for (uint32_t k = 0; map && map->is_object() && k < map->size; ++k) {
      if (map->members[k].key->span.begin == uais.members[i].key_span.begin) entry = map->members[k].value;
    }
    if (entry && !entry->is_object()) {
      r.report_at(kIdentityOutputPropertySet, entry->span, {"identity", "userAssignedIdentities", label}, &v,
                  std::move(message), std::move(remedy), r.origin_of(v, entry->span));
    } else {
      r.report(kIdentityOutputPropertySet, {"identity", "userAssignedIdentities", label}, v, std::move(message),
               std::move(remedy));
    }
  }
}

}  // namespace

const RuleInfo kIdentityOutputPropertySet = {
    "IDL005",
    "identity-output-property-set",
    "IdentityOutputPropertySet",
    Level::Warning,
    "The template writes identity properties that Azure sets and returns, not ones it accepts.",
    R"(## What it checks
`identity.principalId` and `identity.tenantId`, and anything inside a `userAssignedIdentities`
entry (whose value must be `{}`), are output-only: Azure fills them in and returns them.

## Why it matters
Templates copied from `az resource show` or the portal's JSON view carry these values. Depending on
the resource provider they are ignored or rejected, and a hard-coded principal ID is wrong in every
other environment.

## Example
In Bicep:
```bicep
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-app')

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-entries'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {
        principalId: '7c1e4b2a-9d3f-4e8a-b5c6-2f0d1a9e8b47'
      }
    }
  }
}
```
In ARM JSON:
```json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "variables": {
    "identityId": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-app')]"
  },
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2024-08-01",
      "name": "pg-entries",
      "location": "westeurope",
      "identity": {
        "type": "UserAssigned",
        "userAssignedIdentities": {
          "[variables('identityId')]": { "principalId": "7c1e4b2a-9d3f-4e8a-b5c6-2f0d1a9e8b47" }
        }
      }
    }
  ]
}
```
The Bicep file gives `the entry for identityId sets 'principalId'`, help `Azure fills it in: write
{}`; the ARM JSON file gives `the entry for identity 'id-app' sets 'principalId'`, help `Azure fills
it in: write {}`.

## Fix
Remove `principalId` and `tenantId`; write `{}` as the value of each user-assigned identity. The
message names what the entry holds: Azure's own outputs (`principalId`, `clientId`), which it fills
in, another property, which an entry does not have, or a value that is not an object.
```bicep
var identityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-app')

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-entries'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}
```

## References
- Azure REST API specifications: ManagedServiceIdentity (principalId, tenantId and
  UserAssignedIdentity properties are read-only).
)",
    &check,
};

}  // namespace idlint
