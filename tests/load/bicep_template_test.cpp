// Lowering Bicep into the model: parameters, allowed values and literal unions, resource IDs of
// declared and existing resources, Bicep operators as ARM functions, and findings at Bicep positions.
#include <doctest/doctest.h>

#include "expr/eval.h"
#include "load/bicep_template.h"
#include "support.h"

using namespace idlint;

namespace {

struct Loaded {
  BicepLoadResult result;
  explicit Loaded(const std::string& text)
      : result(load_bicep(std::make_shared<const SourceFile>("t.bicep", text), false)) {
    REQUIRE(result.tmpl);
    std::string errors;
    for (const SyntaxError& e : result.syntax_errors) errors += e.message + "\n";
    INFO(errors);
    REQUIRE(result.syntax_errors.empty());
  }
  const Template& t() const { return *result.tmpl; }
  // The value of variable `name` under every parameter's default.
  Val var(std::string_view name) const {
    const Variable* v = t().find_variable(name);
    REQUIRE(v);
    Binding binding;
    Evaluator ev(binding);
    return ev.evaluate(t(), *v->value);
  }
};

}  // namespace

TEST_CASE("parameters: defaults, @allowed, literal unions, named types, bool") {
  Loaded l(R"(
type idType = 'None' | 'UserAssigned'
@allowed([
  'a'
  'b'
])
param fromDecorator string = 'a'
param fromUnion 'SystemAssigned' | 'UserAssigned' = 'UserAssigned'
param fromAlias idType
param flag bool = true
param nullable string?
)");
  const Template& t = l.t();
  REQUIRE(t.parameters.size() == 5);
  CHECK(t.parameters[0].allowed_values->size == 2);
  CHECK(t.parameters[0].default_value->text == "a");
  CHECK(t.parameters[1].type == "string");
  REQUIRE(t.parameters[1].allowed_values);
  CHECK(t.parameters[1].allowed_values->items[1].text == "UserAssigned");
  REQUIRE(t.parameters[2].allowed_values);
  CHECK(t.parameters[2].allowed_values->size == 2);
  CHECK(t.parameters[2].default_value == nullptr);
  CHECK(t.parameters[3].is_bool());
  CHECK(t.parameters[3].can_vary());
  CHECK(t.parameters[4].allowed_values == nullptr);
}

TEST_CASE("res.id of declared, existing, child and scoped resources is the ARM resourceId") {
  Loaded l(R"(
param name string = 'uami-pg'
resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: 'westeurope'
}
resource existingUami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg'
}
resource elsewhere 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami-pg'
  scope: resourceGroup('other-rg')
}
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg'
  resource db 'databases' = {
    name: 'app'
  }
}
resource db2 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: 'app'
}
var declared = uami.id
var existing = existingUami.id
var arm = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-pg')
var scoped = elsewhere.id
var nested = server::db.id
var withParent = db2.id
var armChild = resourceId('Microsoft.DBforPostgreSQL/flexibleServers/databases', 'pg', 'app')
var typeName = '${uami.type}@${uami.apiVersion}/${uami.name}'
var principal = uami.properties.principalId
)");
  CHECK(same_resource(l.var("declared"), l.var("arm")) == Tri::Yes);
  CHECK(same_resource(l.var("existing"), l.var("arm")) == Tri::Yes);
  CHECK(same_resource(l.var("scoped"), l.var("arm")) != Tri::Yes);
  CHECK(same_resource(l.var("nested"), l.var("armChild")) == Tri::Yes);
  CHECK(same_resource(l.var("withParent"), l.var("armChild")) == Tri::Yes);
  CHECK(l.var("typeName").str == "Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31/uami-pg");
  CHECK(l.var("principal").is_unknown());
  // Only deployed resources are in the model; the existing ones are references.
  CHECK(l.t().resources.size() == 4);
  CHECK(l.t().resources[2].full_type == "Microsoft.DBforPostgreSQL/flexibleServers/databases");
  CHECK(l.t().resources[2].parent == &l.t().resources[1]);
}

TEST_CASE("Bicep operators lower to the ARM functions") {
  Loaded l(R"(
var on = true
param obj object = { a: { b: 'x' } }
var missing = null
var ternary = on ? 'SystemAssigned,UserAssigned' : 'UserAssigned'
var interpolated = 'System${'Assigned'},{x}${1}'
var coalesced = missing ?? 'fallback'
var safe = obj.?a.?b
var safeMissing = obj.?z
var safeIndex = obj[?'a']
var compare = 'ABC' =~ 'abc' && 'a' != 'b' && !(1 == 2)
var spread = { ...obj, c: 1 }
var arraySpread = [0, ...[1, 2]]
var nonNull = obj!.a.b
)");
  CHECK(l.var("ternary").str == "SystemAssigned,UserAssigned");
  CHECK(l.var("interpolated").str == "SystemAssigned,{x}1");
  CHECK(l.var("coalesced").str == "fallback");
  CHECK(l.var("safe").str == "x");
  CHECK(l.var("safeMissing").kind == Val::Kind::Null);
  CHECK(l.var("safeIndex").member("b").str == "x");
  CHECK(l.var("compare").kind == Val::Kind::Bool);
  CHECK(l.var("compare").boolean);
  CHECK(l.var("spread").member("c").number == 1);
  CHECK(l.var("spread").member("a").member("b").str == "x");
  CHECK(l.var("arraySpread").items.size() == 3);
  CHECK(l.var("nonNull").str == "x");
}

TEST_CASE("loop variables and lambdas are unknown, never guessed") {
  Loaded l(R"(
var names = ['a', 'b']
var ids = [for n in names: n]
var mapped = map(names, n => toUpper(n))
)");
  CHECK(l.var("ids").is_unknown());
  CHECK(l.var("mapped").is_unknown());
}

TEST_CASE("findings point into the .bicep file; a syntax error does not hide later resources") {
  const FileResult r = test::lint(R"(param broken
resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg'
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'u')}': {}
    }
  }
}
resource old 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: 'old'
  identity: { type: 'SystemAssigned' }
}
)",
                                  "t.bicep");
  CHECK(r.status == FileResult::Status::SyntaxError);
  CHECK(test::summary(r) == std::vector<std::string>{"IDL900@1:13", "IDL001@5:11", "IDL001@13:21"});
}

TEST_CASE("a .bicepparam file is parsed for syntax errors only") {
  const FileResult ok = test::lint("using './main.bicep'\nparam identityType = 'UserAssigned'\n", "main.bicepparam");
  CHECK(ok.findings.empty());
  const FileResult bad = test::lint("using './main.bicep'\nparam identityType 'UserAssigned'\n", "main.bicepparam");
  CHECK(test::summary(bad) == std::vector<std::string>{"IDL900@2:20"});
}
