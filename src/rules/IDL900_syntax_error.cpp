// IDL900: the file cannot be parsed. Raised by the loaders, not by a check.
#include "rules/rules.h"

namespace idlint {

const RuleInfo kSyntaxError = {
    "IDL900",
    "syntax-error",
    "SyntaxError",
    Level::Error,
    "The file cannot be parsed.",
    R"(## What it checks
The file is read as an ARM JSON template (with the `//` and `/* */` comments and trailing commas
Azure Resource Manager accepts). When it cannot be read, idlint reports the first error with its
exact position and lints nothing else in that file.

## Why it matters
A template that does not parse cannot be deployed, and none of its other problems can be checked.

## Example
```json
"identity": { "type": "UserAssigned" }
"properties": {}
```
(a comma is missing after the first member)

## Fix
Correct the syntax at the position given.

## References
- RFC 8259, The JavaScript Object Notation (JSON) Data Interchange Format.
)",
    nullptr,
};

}  // namespace idlint
