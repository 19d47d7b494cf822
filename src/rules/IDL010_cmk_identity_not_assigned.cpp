// IDL010: the identity a flexible server uses to reach its encryption key must be assigned to it.
#include "rules/cmk.h"
#include "rules/rules.h"

namespace idlint {
namespace {

void check_identity(ResourceCheck& r, std::string_view property) {
  const Val& id = r.property({"properties", "dataEncryption", property});
  if (id.is_unset() || id.is_unknown()) return;
  if (id.is_string() && id.str.empty()) return;  // missing settings are IDL011's
  const Val& uais = r.property({"identity", "userAssignedIdentities"});
  const Val& identity = r.property({"identity"});
  if (uais.is_unknown() || identity.is_unknown()) return;
  const std::string what = "'" + std::string(property) + "' is " + r.show(id);
  if (!uais.is_object() || uais.members.empty()) {
    r.report(kCmkIdentityNotAssigned, {"properties", "dataEncryption", property}, with_cmk_condition(r, id),
             what + ", but the server has no user-assigned identities",
             "add it to identity.userAssignedIdentities, with a type that includes UserAssigned");
    return;
  }
  for (const ValMember& m : uais.members) {
    if (same_resource(m.key, id) != Tri::No) return;  // assigned, or cannot tell
  }
  r.report(kCmkIdentityNotAssigned, {"properties", "dataEncryption", property}, with_cmk_condition(r, id),
           what + ", which is not assigned to the server", "add it to identity.userAssignedIdentities");
}

void check(ResourceCheck& r) {
  if (!uses_customer_managed_key(r)) return;
  check_identity(r, "primaryUserAssignedIdentityId");
  check_identity(r, "geoBackupUserAssignedIdentityId");
}

}  // namespace

const RuleInfo kCmkIdentityNotAssigned = {
    "IDL010",
    "cmk-identity-not-assigned",
    "CmkIdentityNotAssigned",
    Level::Error,
    "The identity used for customer-managed-key encryption must be one of the server's user-assigned identities.",
    R"(## What it checks
On Azure Database for PostgreSQL and MySQL flexible servers with `properties.dataEncryption.type`
`AzureKeyVault`, `primaryUserAssignedIdentityId` and `geoBackupUserAssignedIdentityId` must each be
one of the keys of `identity.userAssignedIdentities`. idlint reports only what it can prove: an
identity it cannot resolve is not reported.

## Why it matters
The server reaches its key through that identity. The portal only offers identities the server
has, and the Azure CLI adds them for you, but ARM and Bicep do not: the deployment fails, and a
later attempt to drop the identity fails with "Cannot remove identity … because it's used for data
encryption".

## Example
The key's identity is not among the server's identities, in Bicep:
```bicep
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-app'
}

resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-secure'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pg-secure.vault.azure.net/keys/cmk-pg'
      primaryUserAssignedIdentityId: keyIdentity.id
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
    "appIdentity": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-app')]",
    "keyIdentity": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-key')]"
  },
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2024-08-01",
      "name": "pg-secure",
      "location": "westeurope",
      "identity": {
        "type": "UserAssigned",
        "userAssignedIdentities": { "[variables('appIdentity')]": {} }
      },
      "properties": {
        "dataEncryption": {
          "type": "AzureKeyVault",
          "primaryKeyURI": "https://kv-pg-secure.vault.azure.net/keys/cmk-pg",
          "primaryUserAssignedIdentityId": "[variables('keyIdentity')]"
        }
      }
    }
  ]
}
```
The Bicep file gives `'primaryUserAssignedIdentityId' is keyIdentity.id, which is not assigned to
the server`, help `add it to identity.userAssignedIdentities`; the ARM JSON file gives
`'primaryUserAssignedIdentityId' is identity 'id-pg-key', which is not assigned to the server`, help
`add it to identity.userAssignedIdentities`.

## Fix
Add the key identity to `identity.userAssignedIdentities`, or use one of the assigned identities:
```bicep
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-app'
}

resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-secure'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
      '${keyIdentity.id}': {}
    }
  }
  properties: {
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pg-secure.vault.azure.net/keys/cmk-pg'
      primaryUserAssignedIdentityId: keyIdentity.id
    }
  }
}
```

## References
- Data encryption with customer managed keys, Azure Database for PostgreSQL flexible server.
- Customer managed keys for Azure Database for MySQL flexible server.
)",
    &check,
};

}  // namespace idlint
