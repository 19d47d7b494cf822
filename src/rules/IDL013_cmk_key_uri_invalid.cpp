// IDL013: a key URI must name a key in a Key Vault or Managed HSM.
#include <regex>

#include "rules/cmk.h"
#include "rules/rules.h"

namespace idlint {
namespace {

bool is_key_uri(const std::string& uri) {
  // A key URI is short; std::regex backtracks recursively and would exhaust the stack on the
  // megabytes a template can hold.
  if (uri.size() > 2048) return false;
  // https://NAME.vault.<cloud suffix>/keys/KEY[/VERSION] or https://NAME.managedhsm.<cloud suffix>/keys/KEY[/VERSION]
  static const std::regex pattern(
      R"(https://[A-Za-z0-9][A-Za-z0-9-]{1,22}[A-Za-z0-9]\.(vault|managedhsm)(\.[A-Za-z0-9-]+)+(:443)?/keys/[A-Za-z0-9-]{1,127}(/[0-9A-Fa-f]{32})?/?)",
      std::regex::ECMAScript | std::regex::icase);
  return std::regex_match(uri, pattern);
}

std::string what_is_wrong(const std::string& uri) {
  if (uri.rfind("https://", 0) != 0 && uri.rfind("HTTPS://", 0) != 0) return "it does not start with https://";
  if (uri.find("/secrets/") != std::string::npos) return "it names a secret, not a key";
  if (uri.find("/certificates/") != std::string::npos) return "it names a certificate, not a key";
  if (uri.find("/keys/") == std::string::npos) return "it has no /keys/KEY path";
  return "it is not https://VAULT.vault.azure.net/keys/KEY[/VERSION] (or a managedhsm.azure.net key)";
}

void check_uri(ResourceCheck& r, std::string_view property) {
  const Val& v = r.property({"properties", "dataEncryption", property});
  if (!v.is_string() || v.str.empty() || is_key_uri(v.str)) return;
  r.report(kCmkKeyUriInvalid, {"properties", "dataEncryption", property}, with_cmk_condition(r, v),
           "'" + std::string(property) + "' " + quote_text(v.str) + " is not a key URI: " + what_is_wrong(v.str));
}

void check(ResourceCheck& r) {
  if (!uses_customer_managed_key(r)) return;
  check_uri(r, "primaryKeyURI");
  check_uri(r, "geoBackupKeyURI");
}

}  // namespace

const RuleInfo kCmkKeyUriInvalid = {
    "IDL013",
    "cmk-key-uri-invalid",
    "CmkKeyUriInvalid",
    Level::Warning,
    "A customer-managed key URI must name a key in a Key Vault or Managed HSM.",
    R"(## What it checks
`primaryKeyURI` and `geoBackupKeyURI` of a PostgreSQL or MySQL flexible server, when idlint knows
their value, must look like `https://NAME.vault.azure.net/keys/KEY[/VERSION]` or
`https://NAME.managedhsm.azure.net/keys/KEY[/VERSION]`. The vault suffixes of other Azure clouds
(`vault.azure.cn`, `vault.usgovcloudapi.net`, …) are accepted; VERSION is 32 hexadecimal digits.

## Why it matters
A secret URI, a vault URI without `/keys/`, or a key name alone is a frequent copy-paste mistake;
it fails at deployment with a Key Vault error that is hard to trace back to the template.

## Example
```json
"primaryKeyURI": "https://kv-prod.vault.azure.net/secrets/pg-key"
```

## Fix
Use the key identifier; omit the version to let the server follow key rotation.

## References
- Data encryption with customer managed keys, Azure Database for PostgreSQL flexible server
  (versionless key URIs).
)",
    &check,
};

}  // namespace idlint
