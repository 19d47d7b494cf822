// Functions whose values exist only at deployment: the deployment's scope (subscription(),
// resourceGroup(), ...), deployed resources (reference(), list*()), hashes and clocks, and a
// .bicepparam file's environment variables and Key Vault secrets. All are Unknown; those fixed within
// one deployment keep a symbol, so that two uses of the same call compare equal.
#include "expr/function_support.h"

namespace idlint::fn {
namespace {

// subscription(), resourceGroup(), ...: objects whose members (subscriptionId, id, location, ...) are
// Unknown with symbols such as "subscription().subscriptionid".
constexpr std::string_view kScope = "known only at deployment";
constexpr std::string_view kDeployed = "the value exists only at deployment";
constexpr std::string_view kHash = "a hash computed at deployment";
constexpr std::string_view kVolatile = "a different value at every deployment";

Function unknown_at_deployment(std::string_view name, size_t min_args, size_t max_args, std::string_view why) {
  return {name, min_args, max_args, {}, [name, why](const Args& a, Origin) {
            return unknown_call(name, a, std::string(name) + "(): " + std::string(why));
          }};
}

}  // namespace

std::vector<Function> deployment_functions() {
  return {
      unknown_at_deployment("subscription", 0, SIZE_MAX, kScope),
      unknown_at_deployment("resourceGroup", 0, SIZE_MAX, kScope),
      unknown_at_deployment("tenant", 0, SIZE_MAX, kScope),
      unknown_at_deployment("managementGroup", 0, SIZE_MAX, kScope),
      unknown_at_deployment("environment", 0, SIZE_MAX, kScope),
      unknown_at_deployment("deployment", 0, 0, kScope),  // differs between deployments of a template: no symbol
      // What the Bicep loader writes for the subscription of `resourceGroup('name')`.
      {"subscriptionId",
       0,
       0,
       {},
       [](const Args&, Origin) {
         return unknown_call("subscription", {}, "subscription(): " + std::string(kScope)).member("subscriptionId");
       }},
      // reference() of a nested deployment in this template: its outputs, as compiled Bicep reads a
      // module's outputs (`reference(resourceId('Microsoft.Resources/deployments', 'm')).outputs.x.value`).
      // Any other resource's properties exist only at deployment.
      {"reference",
       1,
       3,
       [](Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
         Args a = eval_args(ev, ctx, n);
         Val outputs = ev.deployment_reference(ctx, a[0]);
         if (!outputs.is_absent()) return with_deps(std::move(outputs), a);
         Val r = unknown_call("reference", a, "reference(): " + std::string(kDeployed));
         if (is_user_identity_id(a[0])) {
           // Still unknown, but known to be that identity's: its clientId can be matched with it.
           const bool full = a.size() == 3 && a[2].is_string() && equals_ignore_case(a[2].str, "Full");
           r.facet = full ? Val::Facet::IdentityFullReference : Val::Facet::IdentityProperties;
           r.items = {a[0].kind == Val::Kind::ResourceId ? a[0] : parse_resource_id(a[0].str)};
         }
         return r;
       },
       {}},
      // listKeys(), listSecrets(), listAccountSas(), ...
      {"list",
       0,
       SIZE_MAX,
       [](Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
         return unknown_call(n.text, eval_args(ev, ctx, n), std::string(n.text) + "(): " + std::string(kDeployed));
       },
       {},
       /*prefix=*/true},
      unknown_at_deployment("uniqueString", 1, SIZE_MAX, kHash),
      unknown_at_deployment("guid", 1, SIZE_MAX, kHash),
      unknown_at_deployment("newGuid", 0, 0, kVolatile),
      unknown_at_deployment("utcNow", 0, 1, kVolatile),
      {"readEnvironmentVariable",
       1,
       2,
       {},
       [](const Args& a, Origin) {
         return unknown_call("readEnvironmentVariable", a,
                             a[0].is_string() ? "read from environment variable '" + a[0].str + "' at deployment"
                                              : std::string("read from an environment variable at deployment"));
       }},
      {"getSecret",
       1,
       SIZE_MAX,
       {},
       [](const Args& a, Origin) { return unknown_call("getSecret", a, "a Key Vault secret, read at deployment"); }},
  };
}

}  // namespace idlint::fn
