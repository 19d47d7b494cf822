// IDL004: userAssignedIdentities keys must be user-assigned identity resource IDs, each listed once.
#include "rules/check.h"
#include "rules/rules.h"

namespace idlint {
namespace {

constexpr std::string_view kIdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";

void check(ResourceCheck& r) {
  const Val& uais = r.property({"identity", "userAssignedIdentities"});
  if (!uais.is_object()) return;
  const Span fallback = r.locate({"identity", "userAssignedIdentities"});
  for (size_t i = 0; i < uais.members.size(); ++i) {
    Val key = uais.members[i].key;
    if (key.is_unknown()) continue;
    merge_deps(key, uais);  // the key exists only because of what built the map
    std::string problem;
    std::string help;
    // A full ID as the user writes one in this format.
    auto example = [&](const std::string& name) {
      const std::string call = "resourceId('" + std::string(kIdentityType) + "', '" + name + "')";
      return r.shows_bicep() ? call + " (or the .id of the identity's resource)" : "[" + call + "]";
    };
    if (key.kind == Val::Kind::ResourceId) {
      if (!equals_ignore_case(key.str, kIdentityType)) {
        problem = "refers to a resource of type " + quote_text(key.str) + ", not a user-assigned identity";
        help = "use the ID of a user-assigned identity, for example " + example("NAME");
      }
    } else if (key.is_string()) {
      const Val id = parse_resource_id(key.str);
      if (key.str.empty()) {
        problem = "is an empty string";
        help = "write the resource ID of a user-assigned identity, for example " + example("NAME");
      } else if (id.kind != Val::Kind::ResourceId) {
        problem = quote_text(key.str) + " is not a resource ID";
        help = "write the identity's full ID, for example " +
               example(key.str.find('/') == std::string::npos ? shortened(key.str) : std::string("NAME"));
      } else if (!equals_ignore_case(id.str, kIdentityType)) {
        problem = r.show(key) + " is the ID of a " + quote_text(id.str) + ", not of a user-assigned identity";
        help = "use the ID of a user-assigned identity, for example " + example("NAME");
      }
    } else {
      problem = "is not a string";
      help = "write the resource ID of a user-assigned identity";
    }
    // Point at the key as written in the resource; otherwise at userAssignedIdentities.
    Span at = fallback;
    const ValMember& written = uais.members[i];
    if (written.key_file == r.resource().owner->file.get() && !written.key_span.empty() &&
        written.key_span.begin >= r.resource().body->span.begin &&
        written.key_span.end <= r.resource().body->span.end) {
      at = written.key_span;
    }
    const std::string label = key.is_string() ? key.str : describe(key);
    if (!problem.empty()) {
      r.report_at(kUserIdentityReferenceInvalid, at, {"identity", "userAssignedIdentities", label}, &key,
                  "user-assigned identity key " + problem, std::move(help), r.origin_of(key, at));
      continue;
    }
    for (size_t j = 0; j < i; ++j) {
      if (same_resource(uais.members[j].key, key) == Tri::Yes) {
        std::vector<Location> related = r.origin_of(key, at);
        const ValMember& first = uais.members[j];
        const Span first_at = first.key_span.empty() ? first.key.origin.span : first.key_span;
        if (!first_at.empty()) related.push_back(Location{r.resource().owner->file, first_at, "first listed here"});
        r.report_at(kUserIdentityReferenceInvalid, at, {"identity", "userAssignedIdentities", label}, &key,
                    r.show_user_identity(key) + " is listed twice", "keep one entry",
                    std::move(related));
        break;
      }
    }
  }
}

}  // namespace

const RuleInfo kUserIdentityReferenceInvalid = {
    "IDL004",
    "user-identity-reference-invalid",
    "UserIdentityReferenceInvalid",
    Level::Error,
    "Each userAssignedIdentities key must be the resource ID of a user-assigned identity, listed once.",
    R"(## What it checks
Every key of `identity.userAssignedIdentities` must be a resource ID of the form
`/subscriptions/S/resourceGroups/G/providers/Microsoft.ManagedIdentity/userAssignedIdentities/N`
(the provider name in any case) or a `resourceId()` of that type. A name alone, the ID of another
resource type, and the same identity listed twice (IDs compare case-insensitively) are reported.

## Why it matters
Azure Resource Manager rejects keys that are not identity resource IDs; a duplicate is at best
redundant and usually a copy-paste slip that hides the identity that was meant.

## Example
An identity's name where its resource ID belongs, in Bicep:
```bicep
param identityName string = 'id-reports'

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-reports'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityName}': {}
    }
  }
  properties: {}
}
```
In ARM JSON:
```json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "identityName": { "type": "string", "defaultValue": "id-reports" }
  },
  "resources": [
    {
      "type": "Microsoft.Web/sites",
      "apiVersion": "2023-12-01",
      "name": "app-reports",
      "location": "westeurope",
      "identity": {
        "type": "UserAssigned",
        "userAssignedIdentities": { "[parameters('identityName')]": {} }
      },
      "properties": {}
    }
  ]
}
```
The Bicep file gives `user-assigned identity key 'id-reports' is not a resource ID`, help `write the
identity's full ID, for example resourceId('Microsoft.ManagedIdentity/userAssignedIdentities',
'id-reports') (or the .id of the identity's resource)`; the ARM JSON file gives `user-assigned
identity key 'id-reports' is not a resource ID`, help `write the identity's full ID, for example
[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-reports')]`.

## Fix
Use `resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', name)` (or the identity's `id`)
as the key:
```bicep
param identityName string = 'id-reports'

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-reports'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', identityName)}': {}
    }
  }
  properties: {}
}
```

## References
- ARM template reference: `userAssignedIdentities` keys are ARM resource IDs.
)",
    &check,
};

}  // namespace idlint
