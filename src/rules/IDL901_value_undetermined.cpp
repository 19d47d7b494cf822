// IDL901: a property the rules check could not be evaluated (note level, off by default). It makes
// the linter's blind spots visible: which parameter, function or file left the value Unknown.
#include "rules/check.h"
#include "rules/rules.h"

namespace idlint {
namespace {

// A reason that says what to do ("…: give it a default, or …") has its remedy on the help line:
// returns the remedy and leaves the statement in reason.
std::string split_remedy(std::string& reason) {
  std::string help;
  if (const size_t at = reason.find(": give it a default"); at != std::string::npos) {
    help = reason.substr(at + 2);
    reason.resize(at);
  }
  return help;
}

void undetermined(ResourceCheck& r, const Path& path, const Val& v, const char* what) {
  std::string name;
  for (std::string_view p : path) name += (name.empty() ? "" : ".") + std::string(p);
  std::string reason = v.str.empty() ? "no reason recorded" : v.str;
  std::string help = split_remedy(reason);
  r.report(kValueUndetermined, path, v, name + " " + what + ": " + reason, std::move(help));
}

void check_value(ResourceCheck& r, const Path& path) {
  const Val& v = r.property(path);
  if (v.is_unknown()) undetermined(r, path, v, "could not be determined");
}

void check(ResourceCheck& r) {
  const Val& identity = r.property({"identity"});
  if (identity.is_unknown()) {
    undetermined(r, {"identity"}, identity, "could not be determined");
  } else if (identity.is_object()) {
    check_value(r, {"identity", "type"});
    const Path uai = {"identity", "userAssignedIdentities"};
    const Val& ids = r.property(uai);
    if (ids.is_unknown()) {
      undetermined(r, uai, ids, "could not be determined");
    } else if (ids.is_object()) {
      for (const ValMember& m : ids.members) {
        if (!m.key.is_unknown()) continue;
        std::string reason = m.key.str;
        std::string help = split_remedy(reason);
        const std::string message = "identity.userAssignedIdentities has a key that could not be determined: " + reason;
        if (m.key_file == r.resource().owner->file.get()) {
          r.report_at(kValueUndetermined, m.key_span, uai, &m.key, message, std::move(help));  // at the key itself
        } else {
          r.report(kValueUndetermined, uai, m.key, message, std::move(help));
        }
      }
    }
  }
  if (!r.is_postgresql_flexible_server() && !r.is_mysql_flexible_server()) return;
  const Path encryption = {"properties", "dataEncryption"};
  const Val& de = r.property(encryption);
  if (de.is_unknown()) {
    undetermined(r, encryption, de, "could not be determined");
    return;
  }
  if (!de.is_object()) return;
  for (const char* member : {"type", "primaryUserAssignedIdentityId", "geoBackupUserAssignedIdentityId"}) {
    check_value(r, {"properties", "dataEncryption", member});
  }
}

}  // namespace

const RuleInfo kValueUndetermined = {
    "IDL901",
    "value-undetermined",
    "ValueUndetermined",
    Level::Note,
    "A checked identity or encryption property could not be evaluated, so no rule could decide it.",
    R"(## What it checks
Off by default; `--explain-unknown` or `--rule IDL901` turns it on. For every property the other
rules check (`identity`, `identity.type`, `identity.userAssignedIdentities` and, on PostgreSQL and
MySQL flexible servers, `properties.dataEncryption` and its `type`, `primaryUserAssignedIdentityId`
and `geoBackupUserAssignedIdentityId`) whose value idlint could not work out, it says why: a
parameter without a default or a value, a function idlint does not evaluate (named), a value known
only at deployment (`reference()`, `listKeys()`, a Key Vault reference, an environment variable), or
a module file that could not be read.

## Why it matters
idlint reports only what it can prove. A property it cannot evaluate is not checked, and this note
shows where that happens so coverage is visible instead of silently missing.

## Example
With `--explain-unknown`, in Bicep (no parameter file):
```bicep
param identityType string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-notes'
  location: 'westeurope'
  identity: {
    type: identityType
  }
}
```
In ARM JSON:
```json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "identityType": { "type": "string" }
  },
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2024-08-01",
      "name": "pg-notes",
      "location": "westeurope",
      "identity": { "type": "[parameters('identityType')]" }
    }
  ]
}
```
Both give `identity.type could not be determined: parameter 'identityType' has no default value and
no allowed values`, help `give it a default, or list its values with @allowed (allowedValues in ARM
JSON) to have each checked`: a free-form parameter that decides a checked property is checked for
each value its `@allowed` list names.

## Fix
Nothing is wrong in the template. Give the parameter a value (a parameter file, a `.bicepparam`, a
default), make the module file or the registry module cache available (`--module-cache`), or accept
the note.

Listing the values has each one checked:
```bicep
@allowed([
  'SystemAssigned'
  'None'
])
param identityType string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-notes'
  location: 'westeurope'
  identity: {
    type: identityType
  }
}
```

## References
- idlint README, "How values are followed".
)",
    &check,
    false,
};

}  // namespace idlint
