// IDL011: customer-managed-key encryption needs a key URI and an identity (and both again for geo-backups).
#include "rules/cmk.h"
#include "rules/rules.h"

namespace idlint {
namespace {

// The first PostgreSQL flexible server api-version with dataEncryption.geoBackupKeyURI and
// geoBackupUserAssignedIdentityId (../shared/specs/postgresql: 2022-03-08-preview and 2022-12-01
// have the primary key only).
constexpr std::string_view kFirstGeoBackupKeyVersion = "2023-03-01-preview";

struct Requirement {
  std::string_view property;
  std::string_view why;
};

// Properties that are absent are reported together at dataEncryption.type (one finding); a property
// written as null or '' is reported where it is written. Unknown values are not reported.
class Requirements {
 public:
  explicit Requirements(ResourceCheck& r) : r_(r), type_(r.property({"properties", "dataEncryption", "type"})) {}

  // condition: what makes these properties required (geo-redundant backup), so that the binding
  // which turns it on is named in the message.
  void require(std::initializer_list<Requirement> requirements, const Val* condition = nullptr) {
    for (const Requirement& q : requirements) {
      const Val& v = r_.property({"properties", "dataEncryption", q.property});
      if (v.is_absent()) {
        if (!absent_.empty()) absent_ += "; ";
        absent_ += "'" + std::string(q.property) + "' is missing: " + std::string(q.why);
        if (condition) merge_deps(type_, *condition);
      } else if (v.kind == Val::Kind::Null || (v.is_string() && v.str.empty())) {
        Val offending = v;
        if (condition) merge_deps(offending, *condition);
        r_.report(kCmkSettingsIncomplete, {"properties", "dataEncryption", q.property}, offending,
                  "'" + std::string(q.property) + "' is " + (v.kind == Val::Kind::Null ? "null" : "empty") + ": " +
                      std::string(q.why));
      }
    }
  }

  void report_absent() {
    if (absent_.empty()) return;
    r_.report(kCmkSettingsIncomplete, {"properties", "dataEncryption", "type"}, type_, absent_);
  }

 private:
  ResourceCheck& r_;
  Val type_;
  std::string absent_;
};

void check(ResourceCheck& r) {
  if (!uses_customer_managed_key(r)) return;
  Requirements requirements(r);
  requirements.require({{"primaryKeyURI", "data encryption with 'AzureKeyVault' needs the key's URI"},
                        {"primaryUserAssignedIdentityId",
                         "data encryption with 'AzureKeyVault' needs the user-assigned identity that reads the key"}});
  // The PostgreSQL documentation requires a second key and identity for geo-redundant backups;
  // api-versions before they existed cannot give them.
  if (r.is_postgresql_flexible_server() && geo_redundant_backup_enabled(r)) {
    const std::string api = r.api_version();
    if (!api.empty() && compare_api_versions(api, kFirstGeoBackupKeyVersion) < 0) {
      r.report(kCmkSettingsIncomplete, {"properties", "backup", "geoRedundantBackup"},
               r.property({"properties", "backup", "geoRedundantBackup"}),
               "geo-redundant backup with customer-managed keys is not supported at api-version " + api +
                   ": its key and identity (geoBackupKeyURI, geoBackupUserAssignedIdentityId) exist from " +
                   std::string(kFirstGeoBackupKeyVersion));
      requirements.report_absent();
      return;
    }
    requirements.require(
        {{"geoBackupKeyURI", "geo-redundant backup with customer-managed keys needs a key in the paired region"},
         {"geoBackupUserAssignedIdentityId",
          "geo-redundant backup with customer-managed keys needs its own user-assigned identity"}},
        &r.property({"properties", "backup", "geoRedundantBackup"}));
  }
  requirements.report_absent();
}

}  // namespace

const RuleInfo kCmkSettingsIncomplete = {
    "IDL011",
    "cmk-settings-incomplete",
    "CmkSettingsIncomplete",
    Level::Error,
    "Customer-managed-key encryption is configured without its key URI or identity.",
    R"(## What it checks
With `properties.dataEncryption.type` `AzureKeyVault` on a PostgreSQL or MySQL flexible server,
`primaryKeyURI` and `primaryUserAssignedIdentityId` must be set (not absent, `null` or `''`). On a
PostgreSQL flexible server with `properties.backup.geoRedundantBackup` `Enabled`,
`geoBackupKeyURI` and `geoBackupUserAssignedIdentityId` must be set as well; at an api-version
before 2023-03-01-preview, which has neither, geo-redundant backup with customer-managed keys is
reported as not supported at that api-version.

## Why it matters
The encryption mode is fixed when the server is created: a server created without complete CMK
settings cannot be switched to customer-managed keys later. The PostgreSQL documentation requires a
separate key and identity for geo-redundant backups.

## Example
```json
"backup": { "geoRedundantBackup": "Enabled" },
"dataEncryption": { "type": "AzureKeyVault", "primaryKeyURI": "…", "primaryUserAssignedIdentityId": "…" }
```

## Fix
Set the missing key URI and identity; for geo-redundant backups use a key in the paired region and
a second identity.

## References
- Data encryption with customer managed keys, Azure Database for PostgreSQL flexible server
  (geo-redundant backup requirements).
)",
    &check,
};

}  // namespace idlint
