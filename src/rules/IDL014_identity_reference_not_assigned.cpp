// IDL014: a property that must name one of the resource's own identities (a key vault identity, a
// CMK identity, a registry identity) names one that is provably not assigned to it.
#include <algorithm>

#include "rules/check.h"
#include "rules/rules.h"

namespace idlint {
namespace {

// Items of one array that are checked, and identities compared with each value: a hostile template
// may hold huge ones, and the comparisons are their product. Past them a value is not decided (ARM
// takes at most 150 identities a resource anyway: IDL008).
constexpr size_t kMaxItems = 256;
constexpr size_t kMaxIdentities = 1024;

// A value found at a reference's path, with the path to it (array items by their index).
struct Found {
  std::vector<std::string> path;
  Val value;
};

// The values at path[at…] inside v (reached by `walked`), stepping into every item at "[*]".
void collect(const Val& v, const std::vector<std::string>& path, size_t at, std::vector<std::string>& walked,
             std::vector<Found>& out) {
  if (at == path.size()) {
    out.push_back(Found{walked, v});
    return;
  }
  if (path[at] == "[*]") {
    if (v.kind != Val::Kind::Array) return;  // unknown or not an array: nothing can be told
    for (size_t i = 0; i < v.items.size() && i < kMaxItems; ++i) {
      Val item = v.items[i];
      merge_deps(item, v);
      walked.push_back(std::to_string(i));
      collect(item, path, at + 1, walked, out);
      walked.pop_back();
    }
    return;
  }
  if (!v.is_object()) return;
  Val member = v.member(path[at]);
  if (member.is_absent()) return;
  merge_deps(member, v);
  walked.push_back(path[at]);
  collect(member, path, at + 1, walked, out);
  walked.pop_back();
}

std::vector<Found> values_at(ResourceCheck& r, const IdentityReference& ref) {
  // The written part up to the first array is read as the other rules read properties.
  const auto each = std::find(ref.path.begin(), ref.path.end(), "[*]");
  const Path head(ref.path.begin(), each);
  std::vector<std::string> walked(ref.path.begin(), each);
  std::vector<Found> out;
  collect(r.property(head), ref.path, head.size(), walked, out);
  return out;
}

// How a message names a resource of this type ("the web app"); the last type segment otherwise.
std::string noun(std::string_view type) {
  static const std::pair<std::string_view, std::string_view> kNouns[] = {
      {"Microsoft.Web/sites", "web app"},
      {"Microsoft.Web/sites/slots", "slot"},
      {"Microsoft.Storage/storageAccounts", "storage account"},
      {"Microsoft.DocumentDB/databaseAccounts", "Cosmos DB account"},
      {"Microsoft.ContainerRegistry/registries", "registry"},
      {"Microsoft.AppConfiguration/configurationStores", "App Configuration store"},
      {"Microsoft.ApiManagement/service", "API Management service"},
      {"Microsoft.App/containerApps", "container app"},
      {"Microsoft.App/jobs", "container app job"},
      {"Microsoft.App/managedEnvironments", "environment"},
      {"Microsoft.Sql/servers", "server"},
      {"Microsoft.Sql/managedInstances", "managed instance"},
      {"Microsoft.DBforMySQL/flexibleServers", "server"},
      {"Microsoft.Compute/virtualMachines", "virtual machine"},
      {"Microsoft.Compute/virtualMachineScaleSets", "scale set"},
      {"Microsoft.DataFactory/factories", "data factory"},
      {"Microsoft.EventHub/namespaces", "namespace"},
      {"Microsoft.NetApp/netAppAccounts", "NetApp account"},
      {"Microsoft.Search/searchServices", "search service"},
  };
  for (const auto& [t, n] : kNouns) {
    if (equals_ignore_case(t, type)) return std::string(n);
  }
  const size_t slash = type.rfind('/');
  return std::string(slash == std::string_view::npos ? type : type.substr(slash + 1)) + " resource";
}

// The resource whose identities a reference names: the resource itself, or its parent.
struct Holder {
  const Resource* parent = nullptr;  // null: the resource itself
  std::string name;                  // for messages: "the web app", "the parent API Management service"
  const Val& read(ResourceCheck& r, const Path& path) const {
    return parent ? r.property_of(*parent, path) : r.property(path);
  }
};

bool is_keyword(const Val& v, const IdentityReference& ref) {
  return v.is_string() && std::any_of(ref.system_keywords.begin(), ref.system_keywords.end(),
                                      [&](const std::string& k) { return equals_ignore_case(k, v.str); });
}

void check_system_keyword(ResourceCheck& r, const IdentityReference& ref, const Holder& holder, const Found& f) {
  const Val& identity = holder.read(r, {"identity"});
  const Val& type = holder.read(r, {"identity", "type"});
  if (identity.is_unknown() || type.is_unknown() || type_includes_system_assigned(type)) return;
  // The platform writes its default keyword on every resource (exported templates have it): with no
  // identity at all nothing uses it; with only user identities, what it selects does not exist.
  const bool no_identity = type.is_unset() || (type.is_string() && equals_ignore_case(type.str, "None"));
  if (ref.keyword_is_default && no_identity) return;
  const std::string parents = holder.parent ? " the parent's" : "";
  r.report(kIdentityReferenceNotAssigned, Path(f.path.begin(), f.path.end()), f.value,
           "'" + f.path.back() + "' is " + quote_text(f.value.str) + ", but " + holder.name +
               " has no system-assigned identity",
           "add SystemAssigned to" + parents + " identity.type, or name a user-assigned identity");
}

// The user-assigned identity a value names, or null when it names none that can be compared.
const Val* named_identity(const IdentityReference& ref, const Val& v, Val& scratch) {
  switch (ref.kind) {
    case IdentityReference::Kind::ResourceId:
      return is_user_identity_id(v) ? &v : nullptr;
    case IdentityReference::Kind::ClientId:
      return client_id_identity(v);
    case IdentityReference::Kind::PrefixedResourceId:
      if (v.is_string() && starts_with_ignore_case(v.str, ref.prefix)) {
        scratch = Val::string(v.str.substr(ref.prefix.size()));
        scratch.origin = v.origin;
        scratch.deps = v.deps;
        return is_user_identity_id(scratch) ? &scratch : nullptr;
      }
      if (v.is_unknown() && v.facet == Val::Facet::TextThenResourceId && v.items.size() == 2 &&
          equals_ignore_case(v.items[0].str, ref.prefix) && is_user_identity_id(v.items[1])) {
        return &v.items[1];
      }
      return nullptr;
    case IdentityReference::Kind::KeywordOnly:
      return nullptr;
  }
  return nullptr;
}

void check_user_identity(ResourceCheck& r, const IdentityReference& ref, const Holder& holder, const Found& f,
                         const Val& id) {
  const Val& identity = holder.read(r, {"identity"});
  if (identity.is_unknown()) return;
  const Val& type = holder.read(r, {"identity", "type"});
  const Val& uais = holder.read(r, {"identity", "userAssignedIdentities"});
  // What the value is: the identity by its name, or as the Bicep file writes it.
  std::string subject = "'" + f.path.back() + "' ";
  if (ref.kind == IdentityReference::Kind::ClientId) {
    subject += "is the client ID of " + r.show_user_identity(id);
  } else {
    subject += (ref.kind == IdentityReference::Kind::PrefixedResourceId ? "names " : "is ") + r.show(id);
  }
  const Path path(f.path.begin(), f.path.end());
  const std::string parents = holder.parent ? " the parent's" : "";
  const bool no_user_type = type.is_string() && !type_includes_user_assigned(type);
  const bool no_map = uais.known() && (!uais.is_object() || uais.members.empty());
  if (identity.is_unset() || no_user_type || no_map) {
    r.report(kIdentityReferenceNotAssigned, path, f.value,
             subject + ", but " + holder.name + " has no user-assigned identities",
             "add it to" + parents + " identity.userAssignedIdentities, with a type that includes UserAssigned");
    return;
  }
  if (uais.is_unknown() || uais.members.size() > kMaxIdentities) return;
  for (const ValMember& m : uais.members) {
    if (same_resource(m.key, id) != Tri::No) return;  // assigned, or cannot tell
  }
  r.report(kIdentityReferenceNotAssigned, path, f.value, subject + ", which is not assigned to " + holder.name,
           "add it to" + parents + " identity.userAssignedIdentities");
}

void check(ResourceCheck& r) {
  if (r.type().empty()) return;
  const std::vector<IdentityReference>& refs = IdentityCatalog::builtin().identity_references(r.type());
  if (refs.empty()) return;
  const std::string api = r.api_version();
  for (const IdentityReference& ref : refs) {
    // Older api-versions than the specification has the property at are not checked; newer ones are.
    if (api.empty() || compare_api_versions(api, ref.since) < 0) continue;
    std::vector<Found> found = values_at(r, ref);
    if (found.empty()) continue;
    Holder holder;
    if (!ref.parent_type.empty()) {
      holder.parent = r.deployed_parent(ref.parent_type);
      if (!holder.parent) continue;  // deployed elsewhere, or not known to be deployed: unknown
      holder.name = "the parent " + noun(ref.parent_type);
    } else {
      holder.name = "the " + noun(r.type());
    }
    for (const Found& f : found) {
      if (f.value.is_unset() || (f.value.is_unknown() && f.value.facet == Val::Facet::None)) continue;
      if (is_keyword(f.value, ref)) {
        check_system_keyword(r, ref, holder, f);
        continue;
      }
      Val scratch;
      if (const Val* id = named_identity(ref, f.value, scratch)) check_user_identity(r, ref, holder, f, *id);
    }
  }
}

}  // namespace

const RuleInfo kIdentityReferenceNotAssigned = {
    "IDL014",
    "identity-reference-not-assigned",
    "IdentityReferenceNotAssigned",
    Level::Error,
    "A property that must name one of the resource's own identities names one that is not assigned to it.",
    R"(## What it checks
Properties that select one of a resource's managed identities — a key vault reference identity, the
identity a customer-managed key is read with, a registry or secret identity — must name an identity
the resource has. idlint checks the 75 such properties the identity catalog lists (the rows of the
identity references table marked "must be assigned"; PostgreSQL and MySQL `dataEncryption` are
IDL010's) and reports only what it can prove.

It reports:

- a user-assigned identity (a resource ID, `resourceId(…)`, a Bicep `uami.id`) that is provably not
  a key of `identity.userAssignedIdentities`, or a resource whose `identity.type` has no
  `UserAssigned`;
- a client ID written as `reference(uami).clientId`, `reference(uami, '…', 'Full').properties.clientId`
  or Bicep `uami.properties.clientId` (Container Registry and App Configuration encryption, API
  Management key vault identities) of an identity that is not assigned; a literal GUID cannot be
  matched and is not reported;
- Cosmos DB `defaultIdentity`: `UserAssignedIdentity=<id>` (also built with `concat()`, `format()` or
  interpolation) with an identity that is not assigned, `SystemAssignedIdentity` without a system
  identity; `FirstPartyIdentity` is never reported;
- a keyword for the system identity (`SystemAssigned` for App Service `keyVaultReferenceIdentity`,
  `system` for Container Apps) while `identity.type` has no `SystemAssigned`. App Service writes
  `SystemAssigned` there by default, so a web app with no identity at all is not reported.

Properties of a child that name its parent's identities (API Management named values and
certificates, Event Hubs capture, Container Apps environment certificates, MySQL administrators,
Event Grid event subscriptions) are compared with the parent's identity when the parent is deployed
in the same template (nested, Bicep `parent:`, or named `parent/child`). App Service `config`
resources are not checked: only the one named `web` has `keyVaultReferenceIdentity`, and telling it
from `appsettings` needs the config's name, which Azure Verified Modules compute from their whole
`configs` array (for every config and binding, which doubled the lint time of the largest template
in the corpus); the site's own `keyVaultReferenceIdentity` and `siteConfig.keyVaultReferenceIdentity`
are checked.
Anything not known — the value, the identity, a parent deployed elsewhere — is not reported, nor is
a property at an api-version older than the specification has it at. Client IDs of multi-tenant
applications (`federatedClientId`) and the AKS kubelet identity are never compared with the
resource's identities: they need not be assigned to it.

## Why it matters
The service reaches the key vault, registry or storage with the identity named, as that resource:
an identity it does not have cannot be used. Storage rejects the request
(`InvalidValuesForRequestParameters`, "Values for request parameters are invalid:
properties.encryption.identity", Azure/terraform-azurerm-avm-res-storage-storageaccount#55);
API Management reports "Can not find Managed Identity with provided IdentityClientId" (Azure/apiops#257);
Container Apps needs the registry identity in the app's identity block
(hashicorp/terraform-provider-azurerm#20675, #22498); App Service leaves Key Vault references
unresolved at run time. The specifications say it of most of these properties: "The identity must be
assigned to the managed environment", "ARM Resource ID of one of the user identities associated with
the VM", "It should match key of identity.userAssignedIdentities" (NetApp).

## Example
Key Vault references read with an identity the app does not have, in Bicep:
```bicep
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-app'
}

resource kvIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-kv'
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'plan-orders')
    keyVaultReferenceIdentity: kvIdentity.id
  }
}
```
In ARM JSON:
```json
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "variables": {
    "appIdentity": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-app')]",
    "kvIdentity": "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-kv')]"
  },
  "resources": [
    {
      "type": "Microsoft.Web/sites",
      "apiVersion": "2023-12-01",
      "name": "app-orders",
      "location": "westeurope",
      "identity": {
        "type": "UserAssigned",
        "userAssignedIdentities": { "[variables('appIdentity')]": {} }
      },
      "properties": {
        "serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'plan-orders')]",
        "keyVaultReferenceIdentity": "[variables('kvIdentity')]"
      }
    }
  ]
}
```
The Bicep file gives `'keyVaultReferenceIdentity' is kvIdentity.id, which is not assigned to the web
app`, help `add it to identity.userAssignedIdentities`; the ARM JSON file gives
`'keyVaultReferenceIdentity' is identity 'id-kv', which is not assigned to the web app`, help `add
it to identity.userAssignedIdentities`.

## Fix
Add the identity to `identity.userAssignedIdentities` (with a type that includes `UserAssigned`),
add `SystemAssigned` to `identity.type` when a keyword selects the system identity, or name one of
the identities the resource has:
```bicep
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-app'
}

resource kvIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-kv'
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders'
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
      '${kvIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'plan-orders')
    keyVaultReferenceIdentity: kvIdentity.id
  }
}
```

## References
- Use Key Vault references as app settings in Azure App Service (`keyVaultReferenceIdentity`).
- Customer-managed keys for Azure Storage, Azure Container Registry, App Configuration, Data
  Factory, Event Hubs, Azure Cosmos DB (`defaultIdentity`), SQL TDE (`primaryUserAssignedIdentityId`).
- Azure REST API specifications (as Azure/bicep-types-az 1f896de2 has them): the property
  descriptions quoted above; the full list with each property's source is in the identity
  references table the catalog is generated from.
)",
    &check,
};

}  // namespace idlint
