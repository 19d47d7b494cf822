// IDL021: once a PostgreSQL flexible server uses a customer-managed key, its system-assigned
// identity cannot be disabled.
#include "rules/rules.h"
#include "rules/transition.h"

namespace idlint {
namespace {

void check(TransitionCheck& t) {
  if (!t.head().is_postgresql_flexible_server()) return;
  const Val& before = t.base({"identity", "type"});
  if (!type_includes_system_assigned(before)) return;
  const Val mode = data_encryption_mode(t);
  if (!mode.is_string() || !equals_ignore_case(mode.str, "AzureKeyVault")) return;
  const Val& after = t.head().property({"identity", "type"});
  if (!after.is_string() || type_includes_system_assigned(after)) return;
  t.report(kSystemIdentityDisabledWithCmk, {"identity", "type"}, after, {"identity", "type"}, before,
           "identity.type changes from " + describe(before) + " (at " + t.base_label() + ") to " + describe(after) +
               ", but a server with a customer-managed key cannot disable its system-assigned identity",
           "keep the system-assigned identity in identity.type");
}

}  // namespace

const RuleInfo kSystemIdentityDisabledWithCmk = {
    "IDL021",
    "system-identity-disabled-with-cmk",
    "SystemIdentityDisabledWithCmk",
    Level::Error,
    "The system-assigned identity of a PostgreSQL flexible server with a customer-managed key cannot be disabled.",
    R"(## What it checks
A transition rule (`--base REV` or `--base-file OLD`). When an Azure Database for PostgreSQL
flexible server has a system-assigned identity and `properties.dataEncryption.type`
`AzureKeyVault` in the base version, and the linted version's `identity.type` no longer includes
`SystemAssigned`, idlint reports it at the new `identity.type`, with the base value as a related
location.

## Why it matters
"If the server has data encryption configured to use customer managed keys, you can't disable the
system assigned managed identity of the server after you enable it." The deployment fails.

## Example
Base: `type: 'SystemAssigned,UserAssigned'` with `dataEncryption: { type: 'AzureKeyVault', … }`;
linted version: `type: 'UserAssigned'`.

## Fix
Keep `SystemAssigned` in `identity.type` (`SystemAssigned,UserAssigned` when user-assigned
identities are assigned, as they are with a customer-managed key).

## References
- Configure system assigned managed identity, Azure Database for PostgreSQL flexible server.
- Data encryption with customer managed keys, Azure Database for PostgreSQL flexible server.
)",
    nullptr,
    true,
    &check,
};

}  // namespace idlint
