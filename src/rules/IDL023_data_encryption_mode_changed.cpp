// IDL023: a flexible server's encryption mode (system-managed or customer-managed key) is chosen
// at creation and never changes.
#include "rules/rules.h"
#include "rules/transition.h"

namespace idlint {
namespace {

void check(TransitionCheck& t) {
  ResourceCheck& head = t.head();
  if (!head.is_postgresql_flexible_server() && !head.is_mysql_flexible_server()) return;
  const Val before = data_encryption_mode(t);
  const Val after = data_encryption_mode(head);
  if (!before.is_string() || !after.is_string() || equals_ignore_case(before.str, after.str)) return;
  const bool to_cmk = equals_ignore_case(after.str, "AzureKeyVault");
  const bool from_cmk = equals_ignore_case(before.str, "AzureKeyVault");
  const std::string fixed = "the encryption mode is fixed when a server is created";
  std::string what;
  if (to_cmk)
    what = "customer-managed key encryption is added to a server that has " + describe(before) + " at " +
           t.base_label() + ", but " + fixed;
  else if (from_cmk)
    what = "customer-managed key encryption is removed (" + describe(after) + "), but the server has " +
           describe(before) + " at " + t.base_label() + " and " + fixed;
  else
    what = "dataEncryption.type changes to " + describe(after) + ", but the server has " + describe(before) + " at " +
           t.base_label() + " and " + fixed;
  t.report(kDataEncryptionModeChanged, {"properties", "dataEncryption", "type"}, after,
           {"properties", "dataEncryption", "type"}, before, std::move(what),
           "keep " + describe(before) + " (or create a new server)");
}

}  // namespace

const RuleInfo kDataEncryptionModeChanged = {
    "IDL023",
    "data-encryption-mode-changed",
    "DataEncryptionModeChanged",
    Level::Error,
    "The data encryption mode of a flexible server is fixed when the server is created.",
    R"(## What it checks
A transition rule (`--base REV` or `--base-file OLD`). For Azure Database for PostgreSQL and MySQL
flexible servers, `properties.dataEncryption.type` in the linted version must be the one of the
base version: a server without `dataEncryption` (or with `SystemManaged`) stays system-managed, a
server with `AzureKeyVault` keeps its customer-managed key. The finding points at the new type (or
where `dataEncryption` is missing), with the base value as a related location.

## Why it matters
"The mode can only be selected at server creation time. It can't be changed from one mode to
another for the lifetime of the server." Adding a key to an existing server, or removing it, fails
at deployment.

## Example
A customer-managed key added to a server created without one.

Base version (`old.bicep`, as deployed):
```bicep
resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hr'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentity.id}': {}
    }
  }
}
```
The linted version (`main.bicep`), `idlint --base-file old.bicep main.bicep`:
```bicep
resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hr'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentity.id}': {}
    }
  }
  properties: {
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pg-hr.vault.azure.net/keys/cmk-pg-hr'
      primaryUserAssignedIdentityId: keyIdentity.id
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
        "type": "UserAssigned",
        "userAssignedIdentities": {
          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-key')]": {}
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
          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-key')]": {}
        }
      },
      "properties": {
        "dataEncryption": {
          "type": "AzureKeyVault",
          "primaryKeyURI": "https://kv-pg-hr.vault.azure.net/keys/cmk-pg-hr",
          "primaryUserAssignedIdentityId": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-key')]"
        }
      }
    }
  ]
}
```
The Bicep file gives `customer-managed key encryption is added to a server that has 'SystemManaged'
at old.bicep, but the encryption mode is fixed when a server is created`, help `keep 'SystemManaged'
(or create a new server)`; the ARM JSON file gives `customer-managed key encryption is added to a
server that has 'SystemManaged' at old.json, but the encryption mode is fixed when a server is
created`, help `keep 'SystemManaged' (or create a new server)`.

## Fix
Keep the base's mode. To change it, create a new server (restore or migrate into a server created
with the mode you want): here, a server of another name is a new server, created with the key:
```bicep
resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hr-cmk'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentity.id}': {}
    }
  }
  properties: {
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pg-hr.vault.azure.net/keys/cmk-pg-hr'
      primaryUserAssignedIdentityId: keyIdentity.id
    }
  }
}
```

## References
- Data encryption, Azure Database for PostgreSQL flexible server ("The mode can only be selected at
  server creation time").
- Configure data encryption, Azure Database for PostgreSQL flexible server.
- Customer managed keys for Azure Database for MySQL flexible server.
)",
    nullptr,
    true,
    &check,
};

}  // namespace idlint
