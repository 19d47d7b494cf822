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
  std::string_view value;  // what to set it to
};

std::string quoted_names(const std::vector<std::string_view>& names) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) {
    s += i == 0 ? "'" : i + 1 == names.size() ? " and '" : ", '";
    s += std::string(names[i]) + "'";
  }
  return s;
}

// Properties that are absent are reported together at dataEncryption.type (one finding); a property
// written as null or '' is reported where it is written. Unknown values are not reported.
class Requirements {
 public:
  explicit Requirements(ResourceCheck& r) : r_(r), type_(r.property({"properties", "dataEncryption", "type"})) {}

  // geo_condition: geo-redundant backup, which makes these properties required, so that the
  // binding which turns it on is named in the message. Null: the key itself needs them.
  void require(std::initializer_list<Requirement> requirements, const Val* geo_condition = nullptr) {
    const std::string_view needs = geo_condition ? "geo-redundant backup with a customer-managed key needs it"
                                                 : "data encryption with 'AzureKeyVault' needs it";
    for (const Requirement& q : requirements) {
      const Val& v = r_.property({"properties", "dataEncryption", q.property});
      if (v.is_absent()) {
        (geo_condition ? geo_absent_ : absent_).push_back(q.property);
        if (!help_.empty()) help_ += "; ";
        help_ += (help_.empty() ? "set '" : "'") + std::string(q.property) + "' to " + std::string(q.value);
        if (geo_condition) merge_deps(type_, *geo_condition);
      } else if (v.kind == Val::Kind::Null || (v.is_string() && v.str.empty())) {
        Val offending = v;
        if (geo_condition) merge_deps(offending, *geo_condition);
        r_.report(kCmkSettingsIncomplete, {"properties", "dataEncryption", q.property}, offending,
                  "'" + std::string(q.property) + "' is " + (v.kind == Val::Kind::Null ? "null" : "empty") + ", but " +
                      std::string(needs),
                  "set it to " + std::string(q.value));
      }
    }
  }

  void report_absent() {
    if (absent_.empty() && geo_absent_.empty()) return;
    std::string message;
    if (!absent_.empty()) {
      // With the geo-backup properties too, the short form: the message names five properties.
      message = (geo_absent_.empty() ? "data encryption with 'AzureKeyVault' is missing " : "dataEncryption is missing ") +
                quoted_names(absent_);
    }
    if (!geo_absent_.empty()) {
      message += message.empty() ? "geo-redundant backup with a customer-managed key is missing "
                                 : ", and for geo-redundant backup ";
      message += quoted_names(geo_absent_);
    }
    r_.report(kCmkSettingsIncomplete, {"properties", "dataEncryption", "type"}, type_, std::move(message), help_);
  }

 private:
  ResourceCheck& r_;
  Val type_;
  std::vector<std::string_view> absent_;
  std::vector<std::string_view> geo_absent_;
  std::string help_;
};

void check(ResourceCheck& r) {
  if (!uses_customer_managed_key(r)) return;
  Requirements requirements(r);
  requirements.require({{"primaryKeyURI", "the key's URI (https://VAULT.vault.azure.net/keys/KEY)"},
                        {"primaryUserAssignedIdentityId", "the user-assigned identity that reads the key"}});
  // The PostgreSQL documentation requires a second key and identity for geo-redundant backups;
  // api-versions before they existed cannot give them.
  if (r.is_postgresql_flexible_server() && geo_redundant_backup_enabled(r)) {
    const std::string api = r.api_version();
    if (!api.empty() && compare_api_versions(api, kFirstGeoBackupKeyVersion) < 0) {
      r.report(kCmkSettingsIncomplete, {"properties", "backup", "geoRedundantBackup"},
               r.property({"properties", "backup", "geoRedundantBackup"}),
               "geo-redundant backup with a customer-managed key is not supported at api-version " + api,
               "use api-version " + std::string(kFirstGeoBackupKeyVersion) +
                   " or later, which adds geoBackupKeyURI and geoBackupUserAssignedIdentityId, or disable "
                   "geo-redundant backup");
      requirements.report_absent();
      return;
    }
    requirements.require({{"geoBackupKeyURI", "a key in a vault in the paired region"},
                          {"geoBackupUserAssignedIdentityId", "a second user-assigned identity that reads that key"}},
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
Geo-redundant backups with a customer-managed key, but no key and identity for the geo backup, in
Bicep:
```bicep
resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-treasury'
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
      primaryKeyURI: 'https://kv-treasury-weu.vault.azure.net/keys/cmk-treasury'
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
    "keyIdentity": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-pg-key')]"
  },
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2024-08-01",
      "name": "pg-treasury",
      "location": "westeurope",
      "identity": {
        "type": "UserAssigned",
        "userAssignedIdentities": { "[variables('keyIdentity')]": {} }
      },
      "properties": {
        "backup": { "geoRedundantBackup": "Enabled" },
        "dataEncryption": {
          "type": "AzureKeyVault",
          "primaryKeyURI": "https://kv-treasury-weu.vault.azure.net/keys/cmk-treasury",
          "primaryUserAssignedIdentityId": "[variables('keyIdentity')]"
        }
      }
    }
  ]
}
```
Both give `geo-redundant backup with a customer-managed key is missing 'geoBackupKeyURI' and
'geoBackupUserAssignedIdentityId'`, help `set 'geoBackupKeyURI' to a key in a vault in the paired
region; 'geoBackupUserAssignedIdentityId' to a second user-assigned identity that reads that key`.

## Fix
Set the missing key URI and identity; for geo-redundant backups use a key in the paired region and
a second identity:
```bicep
resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource geoKeyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-geo-key'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-treasury'
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
      primaryKeyURI: 'https://kv-treasury-weu.vault.azure.net/keys/cmk-treasury'
      primaryUserAssignedIdentityId: keyIdentity.id
      geoBackupKeyURI: 'https://kv-treasury-neu.vault.azure.net/keys/cmk-treasury-geo'
      geoBackupUserAssignedIdentityId: geoKeyIdentity.id
    }
  }
}
```

## References
- Data encryption with customer managed keys, Azure Database for PostgreSQL flexible server
  (geo-redundant backup requirements).
)",
    &check,
};

}  // namespace idlint
