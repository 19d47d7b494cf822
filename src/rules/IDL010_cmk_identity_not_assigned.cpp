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
```json
"identity": { "type": "UserAssigned", "userAssignedIdentities": { "[variables('appIdentity')]": {} } },
"properties": { "dataEncryption": { "type": "AzureKeyVault",
  "primaryUserAssignedIdentityId": "[variables('keyIdentity')]", "primaryKeyURI": "…" } }
```

## Fix
Add the key identity to `identity.userAssignedIdentities`, or use one of the assigned identities.

## References
- Data encryption with customer managed keys, Azure Database for PostgreSQL flexible server.
- Customer managed keys for Azure Database for MySQL flexible server.
)",
    &check,
};

}  // namespace idlint
