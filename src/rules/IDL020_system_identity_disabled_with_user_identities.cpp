// IDL020: a PostgreSQL flexible server's system-assigned identity cannot be switched off while
// user-assigned identities are assigned.
#include "rules/rules.h"
#include "rules/transition.h"

namespace idlint {
namespace {

void check(TransitionCheck& t) {
  if (!t.head().is_postgresql_flexible_server()) return;
  const Val& before = t.base({"identity", "type"});
  if (!type_includes_system_assigned(before) || !type_includes_user_assigned(before)) return;
  const Val& after = t.head().property({"identity", "type"});
  if (!after.is_string() || type_includes_system_assigned(after)) return;
  t.report(kSystemIdentityDisabledWithUserIdentities, {"identity", "type"}, after, {"identity", "type"}, before,
           "identity.type changes from " + describe(before) + " (at " + t.base_label() + ") to " + describe(after) +
               ", but the system-assigned identity cannot be disabled while user-assigned identities are assigned",
           "keep 'SystemAssigned,UserAssigned'");
}

}  // namespace

const RuleInfo kSystemIdentityDisabledWithUserIdentities = {
    "IDL020",
    "system-identity-disabled-with-user-identities",
    "SystemIdentityDisabledWithUserIdentities",
    Level::Error,
    "The system-assigned identity of a PostgreSQL flexible server cannot be disabled while user-assigned identities are assigned.",
    R"(## What it checks
A transition rule: it compares the linted template with its base version (`--base REV`, or
`--base-file OLD`, which may be the deployed server's JSON). When an Azure Database for
PostgreSQL flexible server has `identity.type` `SystemAssigned,UserAssigned` in the base and the
linted version drops the system-assigned identity (`UserAssigned` or `None`), idlint reports it at
the new `identity.type`, with the base value as a related location.

## Why it matters
The service refuses the change: "System Assigned Managed identity cannot be disabled as the
server has User Assigned Managed identities assigned." The template looks valid on its own and
fails only when it is deployed over the existing server.

## Example
The system-assigned identity dropped from a server that has user-assigned identities.

Base version (`old.bicep`, as deployed):
```bicep
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-app'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hr'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
}
```
The linted version (`main.bicep`), `idlint --base-file old.bicep main.bicep`:
```bicep
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-app'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hr'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
}
```

In ARM JSON, `idlint --base-file old.json main.json`.
Base version (`old.json`):
```json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2024-08-01",
      "name": "pg-hr",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned,UserAssigned",
        "userAssignedIdentities": {
          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-app')]": {}
        }
      }
    }
  ]
}
```
The linted version (`main.json`):
```json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2024-08-01",
      "name": "pg-hr",
      "location": "westeurope",
      "identity": {
        "type": "UserAssigned",
        "userAssignedIdentities": {
          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-app')]": {}
        }
      }
    }
  ]
}
```
The Bicep file gives `identity.type changes from 'SystemAssigned,UserAssigned' (at old.bicep) to
'UserAssigned', but the system-assigned identity cannot be disabled while user-assigned identities
are assigned`, help `keep 'SystemAssigned,UserAssigned'`; the ARM JSON file gives `identity.type
changes from 'SystemAssigned,UserAssigned' (at old.json) to 'UserAssigned', but the system-assigned
identity cannot be disabled while user-assigned identities are assigned`, help `keep
'SystemAssigned,UserAssigned'`.

## Fix
Keep `SystemAssigned,UserAssigned`. If the system-assigned identity really has to go, remove the
user-assigned identities first, in a deployment of its own (an identity used for data encryption
can never be removed, see IDL022).

## References
- Configure system assigned managed identity, Azure Database for PostgreSQL flexible server
  (the disable script: "System Assigned Managed identity cannot be disabled as the server has User
  Assigned Managed identities assigned").
)",
    nullptr,
    true,
    &check,
};

}  // namespace idlint
