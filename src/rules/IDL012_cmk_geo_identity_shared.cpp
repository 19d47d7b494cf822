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
```json
"primaryUserAssignedIdentityId": "[variables('keyIdentity')]",
"geoBackupUserAssignedIdentityId": "[variables('keyIdentity')]"
```

## Fix
Create a second user-assigned identity for the geo-backup key, assign it to the server and grant it
access to the key in the paired region.

## References
- Data encryption with customer managed keys, Azure Database for PostgreSQL flexible server.
)",
    &check,
};

}  // namespace idlint
