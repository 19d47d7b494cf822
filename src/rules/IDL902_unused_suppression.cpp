// IDL902: an in-source suppression that suppresses nothing. Raised by the engine after the other
// rules have run (engine/suppressions.cpp), not by a check.
#include "rules/rules.h"

namespace idlint {

const RuleInfo kUnusedSuppression = {
    "IDL902",
    "unused-suppression",
    "UnusedSuppression",
    Level::Warning,
    "A suppression names a rule that has no finding where it applies, or names no idlint rule.",
    R"(## What it checks
Each rule named by an in-source suppression: `// idlint-disable-next-line IDL001 -- reason` (ARM
JSON and Bicep), Bicep's own `#disable-next-line IDL001`, or an entry of a resource's
`metadata.idlint.suppress` object. It is reported when the rule ran but has no finding where the
suppression applies (the line it covers, or the resource object that carries the metadata), when
the id or name is not an idlint rule, and when it names IDL900 or IDL902, which cannot be
suppressed. A suppression for a rule that did not run (not chosen with `--rule`, turned off with
`--disable`, IDL901 without `--explain-unknown`) is not reported, nor are the Bicep compiler's
and linter's own codes in `#disable-next-line` (`BCP036`, `no-unused-params`): only codes of the
form `IDL` and three digits, and idlint's rule names, are idlint's. Where the findings are not
known, nothing is reported: in a file with a syntax error, in a `.bicepparam` whose template cannot
be read, and inside a module call whose module cannot be read. The finding points at the rule id
in the directive, or at the key of the metadata entry.

## Why it matters
A suppression outlives the problem it was written for: once the template is fixed, a stale
directive stays in place and would silently hide the same mistake if it came back. A misspelled id
suppresses nothing while looking as if it does, and a directive one line too high covers the wrong
line.

## Example
A directive left above a value that has no finding, in Bicep:
```bicep
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-billing'
  location: 'westeurope'
  identity: {
    // idlint-disable-next-line IDL001 -- the old server keeps its identity until the migration
    type: 'SystemAssigned'
  }
}
```
(`'SystemAssigned'` is accepted at 2024-08-01, so the directive suppresses nothing). In ARM JSON, a
metadata entry on a resource that has no IDL010 finding:
```json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2024-08-01",
      "name": "pg-billing",
      "location": "westeurope",
      "metadata": { "idlint": { "suppress": { "IDL010": "the key identity is assigned by policy" } } },
      "identity": { "type": "SystemAssigned" }
    }
  ]
}
```
The Bicep file gives `'IDL001' suppresses nothing: there is no IDL001 (identity-type-invalid)
finding on the line this directive covers`, help `remove it, or put the directive right above the
finding`; the ARM JSON file gives `'IDL010' suppresses nothing: there is no IDL010
(cmk-identity-not-assigned) finding in this resource`, help `remove the entry`.

## Fix
Remove the id from the directive, the directive itself when it names nothing else, or the
metadata entry. Correct a misspelled id (`idlint --list-rules` lists ids and names), and put a
directive directly above the line of the finding.

## References
- Bicep linter, "Silence false positives" (`#disable-next-line`).
- SARIF 2.1.0, section 3.34, suppression object (`kind` `inSource`, `justification`).
)",
    nullptr,
};

}  // namespace idlint
