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
In Bicep, the members of an object written on one line need commas:
```bicep
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-orders'
  location: 'westeurope'
  sku: { name: 'Standard_D2ds_v5' tier: 'GeneralPurpose' }
  identity: {
    type: 'SystemAssigned'
  }
}
```
In ARM JSON a comma is missing after `identity`:
```json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2024-08-01",
      "name": "pg-orders",
      "location": "westeurope",
      "identity": { "type": "UserAssigned" }
      "properties": {}
    }
  ]
}
```
The Bicep file gives `expected ',', a new line or '}' after the property value, found 'tier'`; the
ARM JSON file gives `expected ',' or '}' after an object member, found '"'`.

## Fix
Correct the syntax at the position given.

## References
- RFC 8259, The JavaScript Object Notation (JSON) Data Interchange Format.
)",
    nullptr,
};

}  // namespace idlint
