// IDL021: once a PostgreSQL flexible server uses a customer-managed key, its system-assigned
// identity cannot be disabled.
#include "rules/rules.h"
#include "rules/transition.h"

namespace idlint {
namespace {

void check(TransitionCheck& t) {
  if (!t.head().is_postgresql_flexible_server()) return;
  const Val& before = t.base({"identity", "type"});
  if (!type_includes_system_assigned(before)) return;
  const Val mode = data_encryption_mode(t);
  if (!mode.is_string() || !equals_ignore_case(mode.str, "AzureKeyVault")) return;
  const Val& after = t.head().property({"identity", "type"});
  if (!after.is_string() || type_includes_system_assigned(after)) return;
  t.report(kSystemIdentityDisabledWithCmk, {"identity", "type"}, after, {"identity", "type"}, before,
           "identity.type changes from " + describe(before) + " (at " + t.base_label() + ") to " + describe(after) +
               ", but a server with a customer-managed key cannot disable its system-assigned identity",
           "keep the system-assigned identity in identity.type");
}

}  // namespace

const RuleInfo kSystemIdentityDisabledWithCmk = {
    "IDL021",
    "system-identity-disabled-with-cmk",
    "SystemIdentityDisabledWithCmk",
    Level::Error,
    "The system-assigned identity of a PostgreSQL flexible server with a customer-managed key cannot be disabled.",
    R"(## What it checks
A transition rule (`--base REV` or `--base-file OLD`). When an Azure Database for PostgreSQL
flexible server has a system-assigned identity and `properties.dataEncryption.type`
`AzureKeyVault` in the base version, and the linted version's `identity.type` no longer includes
`SystemAssigned`, idlint reports it at the new `identity.type`, with the base value as a related
location.

## Why it matters
"If the server has data encryption configured to use customer managed keys, you can't disable the
system assigned managed identity of the server after you enable it." The deployment fails.

## Example
The system-assigned identity dropped from a server that uses a customer-managed key (IDL020 reports
it too: the server has user-assigned identities).

Base version (`old.bicep`, as deployed):
```bicep
resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hr'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
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
        "type": "SystemAssigned,UserAssigned",
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
The Bicep file gives `identity.type changes from 'SystemAssigned,UserAssigned' (at old.bicep) to
'UserAssigned', but a server with a customer-managed key cannot disable its system-assigned
identity`, help `keep the system-assigned identity in identity.type`; the ARM JSON file gives
`identity.type changes from 'SystemAssigned,UserAssigned' (at old.json) to 'UserAssigned', but a
server with a customer-managed key cannot disable its system-assigned identity`, help `keep the
system-assigned identity in identity.type`.

## Fix
Keep `SystemAssigned` in `identity.type` (`SystemAssigned,UserAssigned` when user-assigned
identities are assigned, as they are with a customer-managed key):
```bicep
resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hr'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned,UserAssigned'
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
- Configure system assigned managed identity, Azure Database for PostgreSQL flexible server.
- Data encryption with customer managed keys, Azure Database for PostgreSQL flexible server.
)",
    nullptr,
    true,
    &check,
};

}  // namespace idlint
