// IDL022: a user-assigned identity a flexible server uses for data encryption can never be removed.
#include "rules/rules.h"
#include "rules/transition.h"

namespace idlint {
namespace {

void check_identity(TransitionCheck& t, std::string_view property) {
  const Val& used = t.base({"properties", "dataEncryption", property});
  // An identity the base names but that is not known here (a parameter without a default) is
  // still an identity: a head with no user-assigned identity at all removes it, and one that
  // lists the same parameter keeps it (the same deployment parameter is the same value).
  if (!(used.is_string() && !used.str.empty()) && used.kind != Val::Kind::ResourceId && !used.is_unknown()) return;
  ResourceCheck& head = t.head();
  const Val& identity = head.property({"identity"});
  if (!identity.is_object()) return;  // unknown, or not written: nothing is said about identities
  const Val& type = head.property({"identity", "type"});
  const Val& uais = head.property({"identity", "userAssignedIdentities"});
  const std::string which = used.is_unknown() ? "the user-assigned identity" : head.show_user_identity(used);
  const std::string what =
      which + " is used for data encryption ('" + std::string(property) + "' at " + t.base_label() + ")";
  const std::string keep =
      "keep it in identity.userAssignedIdentities; to change the key identity, first switch dataEncryption to the "
      "new identity in a deployment of its own, with both identities assigned";
  const Path base_path = {"properties", "dataEncryption", property};
  if (type.is_string() && !type_includes_user_assigned(type)) {
    t.report(kCmkIdentityRemoved, {"identity", "type"}, type, base_path, used,
             what + " and can never be removed, but identity.type " + describe(type) +
                 " removes every user-assigned identity",
             keep);
    return;
  }
  if (uais.is_unknown() || (!uais.is_object() && !uais.is_unset())) return;
  if (uais.is_object()) {
    for (const ValMember& m : uais.members) {
      if (same_resource(m.key, used) != Tri::No) return;  // still assigned, or cannot tell
    }
  }
  t.report(kCmkIdentityRemoved, {"identity", "userAssignedIdentities"}, uais, base_path, used,
           what + " and can never be removed, but it is not among the server's user-assigned identities here",
           keep);
}

void check(TransitionCheck& t) {
  ResourceCheck& head = t.head();
  if (!head.is_postgresql_flexible_server() && !head.is_mysql_flexible_server()) return;
  const Val& type = t.base({"properties", "dataEncryption", "type"});
  if (!type.is_string() || !equals_ignore_case(type.str, "AzureKeyVault")) return;
  check_identity(t, "primaryUserAssignedIdentityId");
  check_identity(t, "geoBackupUserAssignedIdentityId");
}

}  // namespace

const RuleInfo kCmkIdentityRemoved = {
    "IDL022",
    "cmk-identity-removed",
    "CmkIdentityRemoved",
    Level::Error,
    "A user-assigned identity that a flexible server uses for data encryption can never be removed from it.",
    R"(## What it checks
A transition rule (`--base REV` or `--base-file OLD`). When an Azure Database for PostgreSQL or
MySQL flexible server uses a customer-managed key in the base version (`dataEncryption.type`
`AzureKeyVault`), each identity named in `primaryUserAssignedIdentityId` and
`geoBackupUserAssignedIdentityId` there must still be among the linted version's
`identity.userAssignedIdentities`. idlint reports it when the identity is provably gone: not a key
of `userAssignedIdentities`, or the new `identity.type` has no `UserAssigned`. The finding points
at the linted version's identities, with the base's key identity as a related location.

## Why it matters
The service refuses: "Cannot remove identity … because it's used for data encryption." The
template is valid on its own; only the change fails, at deployment.

## Example
The key moved to another identity, and the key's old identity is no longer assigned.

Base version (`old.bicep`, as deployed):
```bicep
resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-app'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hr'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentity.id}': {}
      '${appIdentity.id}': {}
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
  properties: {
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pg-hr.vault.azure.net/keys/cmk-pg-hr'
      primaryUserAssignedIdentityId: appIdentity.id
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
          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-key')]": {},
          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-app')]": {}
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
          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-app')]": {}
        }
      },
      "properties": {
        "dataEncryption": {
          "type": "AzureKeyVault",
          "primaryKeyURI": "https://kv-pg-hr.vault.azure.net/keys/cmk-pg-hr",
          "primaryUserAssignedIdentityId": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-app')]"
        }
      }
    }
  ]
}
```
The Bicep file gives `user-assigned identity keyIdentity.id is used for data encryption
('primaryUserAssignedIdentityId' at old.bicep) and can never be removed, but it is not among the
server's user-assigned identities here`, help `keep it in identity.userAssignedIdentities; to change
the key identity, first switch dataEncryption to the new identity in a deployment of its own, with
both identities assigned`; the ARM JSON file gives `user-assigned identity 'id-pg-key' is used for
data encryption ('primaryUserAssignedIdentityId' at old.json) and can never be removed, but it is
not among the server's user-assigned identities here`, help `keep it in
identity.userAssignedIdentities; to change the key identity, first switch dataEncryption to the new
identity in a deployment of its own, with both identities assigned`.

## Fix
Keep the identity assigned. To move the key to another identity, first deploy a version that
assigns both identities and switches `dataEncryption` to the new one; the old identity stays
assigned after that too:
```bicep
resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-app'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hr'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${keyIdentity.id}': {}
      '${appIdentity.id}': {}
    }
  }
  properties: {
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-pg-hr.vault.azure.net/keys/cmk-pg-hr'
      primaryUserAssignedIdentityId: appIdentity.id
    }
  }
}
```

## References
- Configure user assigned managed identity, Azure Database for PostgreSQL flexible server ("Cannot
  remove identity <identity> because it's used for data encryption").
- Customer managed keys for Azure Database for MySQL flexible server.
)",
    nullptr,
    true,
    &check,
};

}  // namespace idlint
