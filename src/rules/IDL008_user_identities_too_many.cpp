// IDL008: more user-assigned identities than the service takes (AKS 1, Event Hubs namespaces 4, App
// Configuration stores 10, any resource 150 in one request), each limit with its source in the
// catalog (rules/identity-evidence.json).
#include <algorithm>

#include "rules/check.h"
#include "rules/rules.h"

namespace idlint {
namespace {

void check(ResourceCheck& r) {
  if (r.type().empty()) return;
  const UserIdentityLimit* limit = IdentityCatalog::builtin().user_identity_limit(r.type());
  if (!limit) return;
  const Val& uais = r.property({"identity", "userAssignedIdentities"});
  if (!uais.is_object() || uais.members.size() <= limit->max) return;
  // The identities assigned: an entry set to null assigns none, and the same identity written
  // twice (IDL004's finding) is one.
  std::vector<const Val*> assigned;
  for (const ValMember& m : uais.members) {
    if (m.value.kind == Val::Kind::Null) continue;
    const bool again = std::any_of(assigned.begin(), assigned.end(),
                                   [&](const Val* k) { return same_resource(*k, m.key) == Tri::Yes; });
    if (!again) assigned.push_back(&m.key);
  }
  if (assigned.size() <= limit->max) return;
  const std::string who = limit->type == "*" ? std::string("Azure Resource Manager") : r.type();
  r.report(kUserIdentitiesTooMany, {"identity", "userAssignedIdentities"}, uais,
           "'userAssignedIdentities' lists " + std::to_string(assigned.size()) + " user-assigned identities, but " +
               who + " takes at most " + std::to_string(limit->max) + (limit->type == "*" ? " in one request" : ""),
           limit->help);
}

}  // namespace

const RuleInfo kUserIdentitiesTooMany = {
    "IDL008",
    "user-identities-too-many",
    "UserIdentitiesTooMany",
    Level::Error,
    "A resource lists more user-assigned identities than its service accepts.",
    R"(## What it checks
The number of user-assigned identities in `identity.userAssignedIdentities` (entries set to `null`
assign none; the same identity written twice counts once) against the limit of the resource type:

| resource type | at most | source |
|---|---|---|
| `Microsoft.ContainerService/managedClusters` | 1 | service error quoted in hashicorp/terraform-provider-azurerm#16890: "The count of user assigned identity specified in identity.userAssignedIdentities is 2, while expected value is 1."; the REST specification: "Only one user assigned identity is allowed." |
| `Microsoft.EventHub/namespaces` | 4 | Event Hubs documentation (configure-customer-managed-key.md): "You can assign up to 4 user identities to a namespace." |
| `Microsoft.AppConfiguration/configurationStores` | 10 | App Configuration documentation (MicrosoftDocs/azure-docs PR #117464): "You can add up to 10 user assigned managed identities" |
| any other type | 150 | Azure Resource Manager's error, quoted in Azure/bicep#16559 and Azure/aad-pod-identity#813: "User Assigned Identities Number '151' Assign exceed limit '150' in one request." |

The limits are data in the identity catalog (`rules/identity-evidence.json`, each with its source).
A map whose size is not known (a loop over a parameter) is not reported.

## Why it matters
The deployment fails: AKS and Azure Resource Manager reject the request with the errors quoted
above, and Event Hubs and App Configuration document their limits.

## Example
Two user-assigned identities on an AKS cluster, which takes one, in Bicep:
```bicep
resource controlPlane 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-aks-control'
}

resource kubelet 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-aks-kubelet'
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  name: 'aks-ledger'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${controlPlane.id}': {}
      '${kubelet.id}': {}
    }
  }
  properties: {
    dnsPrefix: 'aks-ledger'
  }
}
```
In ARM JSON:
```json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.ContainerService/managedClusters",
      "apiVersion": "2024-09-01",
      "name": "aks-ledger",
      "location": "westeurope",
      "identity": {
        "type": "UserAssigned",
        "userAssignedIdentities": {
          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-aks-control')]": {},
          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-aks-kubelet')]": {}
        }
      },
      "properties": { "dnsPrefix": "aks-ledger" }
    }
  ]
}
```
Both give `'userAssignedIdentities' lists 2 user-assigned identities, but
Microsoft.ContainerService/managedClusters takes at most 1`, help `keep one: the control plane takes
a single user-assigned identity (the kubelet identity goes in identityProfile.kubeletidentity)`.

## Fix
Keep as many identities as the service takes. On AKS the control plane has one user-assigned
identity; the kubelet identity goes in `properties.identityProfile.kubeletidentity`:
```bicep
resource controlPlane 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-aks-control'
}

resource kubelet 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-aks-kubelet'
}

resource aks 'Microsoft.ContainerService/managedClusters@2024-09-01' = {
  name: 'aks-ledger'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${controlPlane.id}': {}
    }
  }
  properties: {
    dnsPrefix: 'aks-ledger'
    identityProfile: {
      kubeletidentity: {
        resourceId: kubelet.id
        clientId: kubelet.properties.clientId
        objectId: kubelet.properties.principalId
      }
    }
  }
}
```

## References
- Use a managed identity in Azure Kubernetes Service (use-managed-identity.md).
- Configure customer-managed keys for Azure Event Hubs.
- Use customer-managed keys to encrypt your App Configuration data.
)",
    &check,
};

}  // namespace idlint
