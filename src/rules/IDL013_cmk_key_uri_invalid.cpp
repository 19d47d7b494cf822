// IDL013: a key URI must name a key in a Key Vault or Managed HSM.
#include <algorithm>
#include <cctype>
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

bool name_characters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; });
}

// The first thing wrong with a URI that is not a key URI, read left to right as a user fixes it.
std::string what_is_wrong(const std::string& uri) {
  if (starts_with_ignore_case(uri, "http://")) return "it uses http://, not https://";
  if (!starts_with_ignore_case(uri, "https://")) return "it does not start with https://";
  const std::string_view rest = std::string_view(uri).substr(8);
  const std::string_view authority = rest.substr(0, rest.find('/'));
  const std::string_view host = authority.substr(0, authority.find(':'));
  const std::string_view path = rest.substr(authority.size());
  const size_t dot = host.find('.');
  const std::string_view vault = host.substr(0, dot);
  const std::string_view suffix = dot == std::string_view::npos ? std::string_view{} : host.substr(dot + 1);
  if (!starts_with_ignore_case(suffix, "vault.") && !starts_with_ignore_case(suffix, "managedhsm.")) {
    return "the host " + quote_text(host) + " is not a Key Vault or a Managed HSM";
  }
  if (!name_characters(vault)) {
    return "the vault name " + quote_text(vault) + " holds a character other than a letter, digit or hyphen";
  }
  if (vault.front() == '-' || vault.back() == '-') {
    return "the vault name " + quote_text(vault) + " starts or ends with a hyphen";
  }
  if (vault.size() < 3 || vault.size() > 24) {
    return "the vault name " + quote_text(vault) + " is " + std::to_string(vault.size()) +
           " characters long, not 3 to 24";
  }
  if (path.find("/secrets/") != std::string_view::npos) return "it names a secret, not a key";
  if (path.find("/certificates/") != std::string_view::npos) return "it names a certificate, not a key";
  if (!starts_with_ignore_case(path, "/keys/")) return "it has no /keys/KEY path";
  std::string_view key = path.substr(6);
  if (!key.empty() && key.back() == '/') key.remove_suffix(1);
  const size_t slash = key.find('/');
  const std::string_view name = key.substr(0, slash);
  if (name.empty()) return "it names no key after /keys/";
  if (!name_characters(name) || name.size() > 127) {
    return "the key name " + quote_text(name) + " may hold only letters, digits and hyphens (1 to 127)";
  }
  if (slash != std::string_view::npos) {
    const std::string_view version = key.substr(slash + 1);
    if (version.find('/') != std::string_view::npos) return "it has more path after the key version";
    if (version.size() != 32 || !std::all_of(version.begin(), version.end(),
                                             [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
      return "the key version " + quote_text(version) + " is not 32 hexadecimal digits";
    }
  }
  return "it is not https://VAULT.vault.azure.net/keys/KEY[/VERSION] (or a managedhsm.azure.net key)";
}

void check_uri(ResourceCheck& r, std::string_view property) {
  const Val& v = r.property({"properties", "dataEncryption", property});
  if (!v.is_string() || v.str.empty() || is_key_uri(v.str)) return;
  const std::string wrong = what_is_wrong(v.str);
  r.report(kCmkKeyUriInvalid, {"properties", "dataEncryption", property}, with_cmk_condition(r, v),
           // A diagnosis that quotes the part at fault ("the vault name 'kv'") needs no whole URI before it.
           "'" + std::string(property) + "' " + (wrong.rfind("the ", 0) == 0 ? std::string() : quote_text(v.str) + " ") +
               "is not a key URI: " + wrong,
           "write the key's URI: https://VAULT.vault.azure.net/keys/KEY[/VERSION], or NAME.managedhsm.azure.net for a "
           "Managed HSM key");
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

The message says the first thing wrong, left to right: `http://`, a host that is not a vault or
HSM, the vault name (3 to 24 letters, digits and hyphens), a `secrets/` or `certificates/` path,
no `/keys/`, no key name after it, or a version that is not 32 hexadecimal digits.

## Why it matters
A secret URI, a vault URI without `/keys/`, or a key name alone is a frequent copy-paste mistake;
it fails at deployment with a Key Vault error that is hard to trace back to the template.

## Example
A secret's URI where the key's belongs, in Bicep:
```bicep
resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-pg-key'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-prod'
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
      primaryKeyURI: 'https://kv-prod.vault.azure.net/secrets/pg-key'
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
      "name": "pg-prod",
      "location": "westeurope",
      "identity": {
        "type": "UserAssigned",
        "userAssignedIdentities": { "[variables('keyIdentity')]": {} }
      },
      "properties": {
        "dataEncryption": {
          "type": "AzureKeyVault",
          "primaryKeyURI": "https://kv-prod.vault.azure.net/secrets/pg-key",
          "primaryUserAssignedIdentityId": "[variables('keyIdentity')]"
        }
      }
    }
  ]
}
```
Both give `'primaryKeyURI' 'https://kv-prod.vault.azure.net/secrets/pg-key' is not a key URI: it
names a secret, not a key`, help `write the key's URI:
https://VAULT.vault.azure.net/keys/KEY[/VERSION], or NAME.managedhsm.azure.net for a Managed HSM
key`.

## Fix
Use the key identifier; omit the version to let the server follow key rotation:
`primaryKeyURI: 'https://kv-prod.vault.azure.net/keys/pg-key'`.

## References
- Data encryption with customer managed keys, Azure Database for PostgreSQL flexible server
  (versionless key URIs).
)",
    &check,
};

}  // namespace idlint
