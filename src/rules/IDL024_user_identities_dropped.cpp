// IDL024: switching a PostgreSQL flexible server from user-assigned identities to 'SystemAssigned'
// removes every user-assigned identity.
#include "rules/rules.h"
#include "rules/transition.h"

namespace idlint {
namespace {

void check(TransitionCheck& t) {
  if (!t.head().is_postgresql_flexible_server()) return;
  const Val& before = t.base({"identity", "type"});
  if (!type_includes_user_assigned(before)) return;
  const Val& after = t.head().property({"identity", "type"});
  if (!type_includes_system_assigned(after) || type_includes_user_assigned(after)) return;
  t.report(kUserIdentitiesDropped, {"identity", "type"}, after, {"identity", "type"}, before,
           "identity.type changes from " + describe(before) + " (at " + t.base_label() + ") to " + describe(after) +
               ", which removes every user-assigned identity from the server",
           "to add the system-assigned identity and keep them, write 'SystemAssigned,UserAssigned'");
}

}  // namespace

const RuleInfo kUserIdentitiesDropped = {
    "IDL024",
    "user-identities-dropped",
    "UserIdentitiesDropped",
    Level::Warning,
    "Changing a PostgreSQL flexible server from user-assigned identities to 'SystemAssigned' removes them all.",
    R"(## What it checks
A transition rule (`--base REV` or `--base-file OLD`). When an Azure Database for PostgreSQL
flexible server's `identity.type` includes `UserAssigned` in the base version and is
`SystemAssigned` in the linted version, idlint warns at the new type, with the base value as a
related location.

## Why it matters
The usual intent is to add the system-assigned identity. The documented way keeps the user
identities: the type becomes `SystemAssigned,UserAssigned`. With `SystemAssigned` alone every
user-assigned identity is removed, and whatever used them (Key Vault access, Microsoft Entra
logins) stops working; one used for data encryption cannot be removed at all (IDL022).

## Example
A server's user-assigned identities dropped by a type of `SystemAssigned` alone.

Base version (`old.bicep`, as deployed):
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
The linted version (`main.bicep`), `idlint --base-file old.bicep main.bicep`:
```bicep
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hr'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
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
        "type": "UserAssigned",
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
        "type": "SystemAssigned"
      }
    }
  ]
}
```
The Bicep file gives `identity.type changes from 'UserAssigned' (at old.bicep) to 'SystemAssigned',
which removes every user-assigned identity from the server`, help `to add the system-assigned
identity and keep them, write 'SystemAssigned,UserAssigned'`; the ARM JSON file gives `identity.type
changes from 'UserAssigned' (at old.json) to 'SystemAssigned', which removes every user-assigned
identity from the server`, help `to add the system-assigned identity and keep them, write
'SystemAssigned,UserAssigned'`.

## Fix
Use `SystemAssigned,UserAssigned` and keep `userAssignedIdentities`, unless removing them is what
you mean:
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

## References
- Configure system assigned managed identity, Azure Database for PostgreSQL flexible server (the
  enable script sets `SystemAssigned,UserAssigned` when user-assigned identities are present).
)",
    nullptr,
    true,
    &check,
};

}  // namespace idlint
