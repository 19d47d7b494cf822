// IDL001: identity.type must be exactly one of the values the resource type accepts at its api-version.
#include <algorithm>

#include "rules/check.h"
#include "rules/rules.h"

namespace idlint {
namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string normalized(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return out;
}

// The set of identity kinds a value names, ignoring case, spaces and order ('UserAssigned,SystemAssigned').
std::string kinds_of(std::string_view s) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : normalized(s) + ",") {
    if (c == ',') {
      if (!current.empty()) parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const auto& p : parts) out += p + ",";
  return out;
}

std::string closest(std::string_view value, const std::string& value_kinds, const std::vector<std::string>& accepted) {
  for (const std::string& a : accepted) {
    if (kinds_of(a) == value_kinds) return a;
  }
  std::string best;
  size_t best_distance = SIZE_MAX;
  const std::string v = normalized(value);
  for (const std::string& a : accepted) {
    const std::string n = normalized(a);
    // The distance is at least the difference in length: a long value is no typo of a short one
    // (and a 4 MB value must not cost an edit distance against each accepted value).
    if ((v.size() > n.size() ? v.size() - n.size() : n.size() - v.size()) > 2) continue;
    const size_t d = edit_distance(v, n);
    if (d < best_distance) {
      best_distance = d;
      best = a;
    }
  }
  // Only a typo-sized difference: 'UserAssigned' is no suggestion for 'SystemAssigned'.
  return best_distance <= 2 ? best : std::string();
}

std::string quoted_list(const std::vector<std::string>& values) {
  std::string s;
  for (size_t i = 0; i < values.size(); ++i) s += (i ? ", '" : "'") + values[i] + "'";
  return s;
}

bool accepts(const CatalogVersion& v, std::string_view value) {
  return std::find(v.identity_types.begin(), v.identity_types.end(), value) != v.identity_types.end();
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// Every type with a managed identity, whatever its api-version: each part of the value, split on
// ',' and trimmed, must be None, SystemAssigned or UserAssigned in any case (or a value the type
// alone spells, such as 'SystemAssignedUserAssigned'). Anything else cannot mean what the author
// meant on any resource provider: it fails, or becomes no identity (evidence.md, Q1).
void check_tokens(ResourceCheck& r) {
  if (r.type().empty() || !IdentityCatalog::builtin().has_identity(r.type())) return;
  const Val& type = r.property({"identity", "type"});
  if (!type.is_string() || trimmed(type.str).empty()) return;
  const std::vector<std::string>& literals = IdentityCatalog::builtin().identity_type_literals(r.type());
  std::vector<std::string> words = {"None", "SystemAssigned", "UserAssigned"};
  words.insert(words.end(), literals.begin(), literals.end());
  auto known = [&](std::string_view token) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return equals_ignore_case(w, token); });
  };
  if (known(trimmed(type.str))) return;  // a literal of the type's own, whole
  std::vector<std::string> bad;
  std::string fixed;  // the value with each unknown part replaced by its near spelling, spaces kept
  bool all_fixed = true;
  size_t start = 0;
  while (start <= type.str.size()) {
    size_t comma = type.str.find(',', start);
    if (comma == std::string::npos) comma = type.str.size();
    const std::string segment = type.str.substr(start, comma - start);
    const std::string token = trimmed(segment);
    std::string part = segment;
    if (!token.empty() && !known(token)) {
      bad.push_back(token);
      const std::string near = closest(token, "", words);
      if (near.empty()) all_fixed = false;
      part.replace(segment.find(token), token.size(), near);
    }
    fixed += (start == 0 ? "" : ",") + part;
    start = comma + 1;
  }
  if (bad.empty()) return;
  std::string message = quote_text(type.str) + " is not an identity type: ";
  for (size_t i = 0; i < bad.size() && i < 3; ++i) message += (i ? ", " : "") + quote_text(bad[i], 60);
  message += std::string(bad.size() == 1 ? " is not " : " are not ") + "None, SystemAssigned or UserAssigned";
  std::string help = all_fixed ? "write '" + fixed + "'"
                               : "an identity type is None, SystemAssigned, UserAssigned, or SystemAssigned and "
                                 "UserAssigned together, separated by a comma";
  if (!literals.empty()) {
    help += " (" + r.type() + " also spells " + quoted_list(literals) + ")";
  }
  r.report(kIdentityTypeInvalid, {"identity", "type"}, type, std::move(message), std::move(help));
}

void check(ResourceCheck& r) {
  const CatalogLookup found = r.catalog();
  if (!found.version) {
    check_tokens(r);
    return;
  }
  const Val& type = r.property({"identity", "type"});
  if (type.is_unknown() || type.is_unset()) return;
  const std::string where = r.type() + "@" + r.api_version();
  if (!type.is_string()) {
    r.report(kIdentityTypeInvalid, {"identity", "type"}, type, "identity type " + r.show(type) + " is not a string",
             where + " accepts " + quoted_list(found.version->identity_types));
    return;
  }
  if (accepts(*found.version, type.str)) return;
  const bool no_identity = found.version->identity_types.empty();
  // An api-version without any identity: asking for no identity is harmless there.
  if (no_identity && type.str == "None") return;

  std::string message = quote_text(type.str) + " is not accepted by " + where;
  if (no_identity) message += ", which has no managed identity";

  // Another api-version that takes the value exactly: the nearest later one, else the nearest earlier one.
  const auto& versions = found.type->versions;
  const auto self =
      std::find_if(versions.begin(), versions.end(), [&](const CatalogVersion& v) { return &v == found.version; });
  const CatalogVersion* later = nullptr;
  for (auto it = self + 1; it != versions.end() && !later; ++it) {
    if (accepts(*it, type.str)) later = &*it;
  }
  const CatalogVersion* earlier = nullptr;
  for (auto it = self; it != versions.begin() && !earlier;) {
    --it;
    if (accepts(*it, type.str)) earlier = &*it;
  }
  const std::string type_kinds = kinds_of(type.str);
  const std::string suggestion = closest(type.str, type_kinds, found.version->identity_types);
  // The same identities spelled as a later api-version accepts them ('SystemAssigned,UserAssigned').
  const CatalogVersion* later_spelling = nullptr;
  std::string later_value;
  for (auto it = self + 1; it != versions.end() && !later && !later_spelling && suggestion.empty(); ++it) {
    for (const std::string& v : it->identity_types) {
      if (kinds_of(v) == type_kinds) {
        later_spelling = &*it;
        later_value = v;
        break;
      }
    }
  }
  // The remedy: the spelling to write, or the api-version that takes the value; then what this one accepts.
  std::string help;
  if (later_spelling) {
    help = "these identities need api-version " + later_spelling->api_version + " or later, written '" +
           later_value + "'";
  } else if (later) {
    help = quote_text(type.str) + " needs api-version " + later->api_version + " or later";
    if (!suggestion.empty()) help += ", or write '" + suggestion + "'";
  } else if (!suggestion.empty()) {
    help = "write '" + suggestion + "'";
    if (earlier) help += " (" + quote_text(type.str) + " was accepted up to api-version " + earlier->api_version + ")";
  } else if (earlier) {
    help = quote_text(type.str) + " was accepted up to api-version " + earlier->api_version;
  }
  if (!no_identity) {
    if (!help.empty()) help += "; ";
    help += "accepted";
    if (found.newer_than_known) help += " at " + found.version->api_version + ", the newest version known";
    help += ": " + quoted_list(found.version->identity_types);
  }
  r.report(kIdentityTypeInvalid, {"identity", "type"}, type, std::move(message), std::move(help));
}

}  // namespace

const RuleInfo kIdentityTypeInvalid = {
    "IDL001",
    "identity-type-invalid",
    "IdentityTypeInvalid",
    Level::Error,
    "The identity type must be exactly one of the values the resource type accepts at its api-version.",
    R"(## What it checks
For every resource type whose identity has a type in the Azure REST API specifications (339 types
in idlint's identity catalog), each part of `identity.type`, split at commas and trimmed, must be
`None`, `SystemAssigned` or `UserAssigned` in any case, unless the whole value is one the type
spells its own way (`SystemAssignedUserAssigned` for three Sql types, `SystemAndUserAssigned` for
Dynatrace monitors, `systemAssignedIdentity` and `userAssignedIdentity` for Redis Enterprise).
A part that is none of these (`SystemAsigned`, `ManagedIdentity`) cannot do what the author meant
on any resource provider: the request fails, or the resource gets no identity (Recovery Services
vaults silently created one with type `None`). The message gives the near spelling when there is
one.

For Azure Database for PostgreSQL and MySQL flexible servers, whose values the catalog holds per
api-version, `identity.type` must be exactly one of the values the type accepts at the resource's
`apiVersion`: case, spaces and order count. An api-version newer than the catalog knows is checked
against the newest version the catalog has. At an api-version where the type has no identity at
all (PostgreSQL flexible server 2021-06-01, for example), any type but `None` is reported.

## Why it matters
Resource providers compare the value literally. `SystemAssigned, UserAssigned` (with a space) is the
spelling of some providers and is rejected by others, which write `SystemAssigned,UserAssigned`;
PostgreSQL flexible server accepts `SystemAssigned` only from api-version 2024-08-01, and MySQL
flexible server accepts only `UserAssigned`. The mistake surfaces at deployment, or worse, some
providers silently store a different identity type.

## Example
```json
"apiVersion": "2023-12-01-preview",
"identity": { "type": "SystemAssigned" }
```
`'SystemAssigned' needs api-version 2024-08-01 or later`.

## Fix
Write one of the accepted values exactly as the message lists them, or move to an api-version that
accepts the value.

## References
- Azure REST API specifications for `Microsoft.DBforPostgreSQL/flexibleServers` and
  `Microsoft.DBforMySQL/flexibleServers` (identity definitions per api-version), and the identity
  definitions of every type (Azure/bicep-types-az 1f896de2, generated from the specifications).
- Recovery Services vault created with identity type `None` for a value it could not read:
  Azure/azure-rest-api-specs#27851, hashicorp/terraform-provider-azurerm#24933.
- Configure managed identities in Azure Database for PostgreSQL flexible server.
)",
    &check,
};

}  // namespace idlint
