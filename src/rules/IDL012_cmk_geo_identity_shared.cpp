// IDL012: geo-backup encryption must use a different identity than the primary key (PostgreSQL).
#include "rules/cmk.h"
#include "rules/rules.h"

namespace idlint {
namespace {

void check(ResourceCheck& r) {
  if (!r.is_postgresql_flexible_server() || !uses_customer_managed_key(r)) return;
  const Val& primary = r.property({"properties", "dataEncryption", "primaryUserAssignedIdentityId"});
  const Val& geo = r.property({"properties", "dataEncryption", "geoBackupUserAssignedIdentityId"});
  if (primary.is_unset() || geo.is_unset()) return;
  if ((primary.is_string() && primary.str.empty()) || (geo.is_string() && geo.str.empty())) return;
  if (same_resource(primary, geo) != Tri::Yes) return;
  r.report(kCmkGeoIdentityShared, {"properties", "dataEncryption", "geoBackupUserAssignedIdentityId"},
           with_cmk_condition(r, geo),
           "'geoBackupUserAssignedIdentityId' is " +
               r.shown({"properties", "dataEncryption", "geoBackupUserAssignedIdentityId"}, geo) +
               ", also the primary key's identity",
           "geo-redundant backup needs a second user-assigned identity: assign one to the server and name it here");
}

}  // namespace

const RuleInfo kCmkGeoIdentityShared = {
    "IDL012",
    "cmk-geo-identity-shared",
    "CmkGeoIdentityShared",
    Level::Error,
    "The geo-backup encryption identity must differ from the primary encryption identity.",
    R"(## What it checks
On a PostgreSQL flexible server with customer-managed keys, `geoBackupUserAssignedIdentityId` must
not be the same identity as `primaryUserAssignedIdentityId`. Only a provable match is reported.

## Why it matters
The documentation states that the same user-managed identity cannot be used for the primary key
vault and the geo-backup key vault: "you need to create two different identities".

## Example
One identity for the key and the geo-backup key, in Bicep:
```bicep
resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-pharma'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentity.id}': {}
    }
  }
  properties: {
    backup: {
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pharma-weu.vault.azure.net/keys/cmk-pharma'
      primaryUserAssignedIdentityId: keyIdentity.id
      geoBackupKeyURI: 'https://kv-pharma-neu.vault.azure.net/keys/cmk-pharma-geo'
      geoBackupUserAssignedIdentityId: keyIdentity.id
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
    "keyIdentity": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-key')]"
  },
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2024-08-01",
      "name": "pg-pharma",
      "location": "westeurope",
      "identity": {
        "type": "UserAssigned",
        "userAssignedIdentities": { "[variables('keyIdentity')]": {} }
      },
      "properties": {
        "backup": { "geoRedundantBackup": "Enabled" },
        "dataEncryption": {
          "type": "AzureKeyVault",
          "primaryKeyURI": "https://kv-pharma-weu.vault.azure.net/keys/cmk-pharma",
          "primaryUserAssignedIdentityId": "[variables('keyIdentity')]",
          "geoBackupKeyURI": "https://kv-pharma-neu.vault.azure.net/keys/cmk-pharma-geo",
          "geoBackupUserAssignedIdentityId": "[variables('keyIdentity')]"
        }
      }
    }
  ]
}
```
The Bicep file gives `'geoBackupUserAssignedIdentityId' is keyIdentity.id, also the primary key's
identity`, help `geo-redundant backup needs a second user-assigned identity: assign one to the
server and name it here`; the ARM JSON file gives `'geoBackupUserAssignedIdentityId' is identity
'id-pg-key', also the primary key's identity`, help `geo-redundant backup needs a second
user-assigned identity: assign one to the server and name it here`.

## Fix
Create a second user-assigned identity for the geo-backup key, assign it to the server and grant it
access to the key in the paired region:
```bicep
resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource geoKeyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-geo-key'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-pharma'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentity.id}': {}
      '${geoKeyIdentity.id}': {}
    }
  }
  properties: {
    backup: {
      geoRedundantBackup: 'Enabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pharma-weu.vault.azure.net/keys/cmk-pharma'
      primaryUserAssignedIdentityId: keyIdentity.id
      geoBackupKeyURI: 'https://kv-pharma-neu.vault.azure.net/keys/cmk-pharma-geo'
      geoBackupUserAssignedIdentityId: geoKeyIdentity.id
    }
  }
}
```

## References
- Data encryption with customer managed keys, Azure Database for PostgreSQL flexible server.
)",
    &check,
};

}  // namespace idlint
