// Lowering Bicep into the model: parameters, allowed values and literal unions, resource IDs of
// declared and existing resources, Bicep operators as ARM functions, and findings at Bicep positions.
#include <doctest/doctest.h>

#include "expr/eval.h"
#include "expr/ir.h"
#include "load/bicep_template.h"
#include "support.h"

using namespace idlint;

namespace {

// The IR as compact text: calls and references as ARM writes them, embedded values by their source.
std::string show(const ir::Node& n, std::string_view source) {
  using K = ir::Node::Kind;
  switch (n.kind) {
    case K::Null: return "null";
    case K::Bool: return n.boolean ? "true" : "false";
    case K::Number: return std::string(n.text);
    case K::String: return "'" + std::string(n.text) + "'";
    case K::Parameter: return "parameters('" + std::string(n.text) + "')";
    case K::Variable: return "variables('" + std::string(n.text) + "')";
    case K::Call: {
      std::string s = std::string(n.text) + "(";
      for (uint32_t i = 0; i < n.arg_count; ++i) s += (i ? ", " : "") + show(*n.args[i], source);
      return s + ")";
    }
    case K::Member: return show(*n.args[0], source) + "." + std::string(n.text);
    case K::Index: return show(*n.args[0], source) + "[" + show(*n.args[1], source) + "]";
    case K::Value: return "value(" + std::string(source.substr(n.span.begin, n.span.end - n.span.begin)) + ")";
  }
  return "?";
}

struct Loaded {
  BicepLoadResult result;
  explicit Loaded(const std::string& text, bool params_file = false)
      : result(load_bicep(std::make_shared<const SourceFile>(params_file ? "t.bicepparam" : "t.bicep", text),
                          params_file)) {
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
  std::string text(Span s) const { return std::string(t().file->text().substr(s.begin, s.end - s.begin)); }
  std::string show(const ir::Node* n) const { return n ? ::show(*n, t().file->text()) : "(none)"; }
  // A lowered value: an expression's IR, other values by their source.
  std::string show(const Value* v) const {
    if (!v) return "(none)";
    return v->is_expr() ? show(v->expr) : "value(" + text(v->span) + ")";
  }
  // The IR of variable `name`.
  std::string show_var(std::string_view name) const {
    const Variable* v = t().find_variable(name);
    REQUIRE(v);
    return show(v->value);
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

TEST_CASE("each comparison and arithmetic operator lowers to its own ARM function, equal operands included") {
  Loaded l(R"(
var atEqual = [1 <= 1, 1 < 1, 1 >= 1, 1 > 1, 1 == 1, 1 != 1, 'a' =~ 'A', 'a' !~ 'A']
var below = [0 <= 1, 0 < 1, 0 >= 1, 0 > 1, 0 == 1, 0 != 1, 'a' =~ 'b', 'a' !~ 'b']
var arithmetic = [7 + 2, 7 - 2, 7 * 2, 7 / 2, 7 % 2]
)");
  auto booleans = [&](const char* name) {
    std::string s;
    for (const Val& v : l.var(name).items) s += v.kind == Val::Kind::Bool ? (v.boolean ? 'T' : 'F') : '?';
    return s;
  };
  //                               <=   <    >=   >    ==   !=   =~   !~
  CHECK(booleans("atEqual") == std::string("T") + "F" + "T" + "F" + "T" + "F" + "T" + "F");
  CHECK(booleans("below") == std::string("T") + "T" + "F" + "F" + "F" + "T" + "F" + "T");
  std::vector<long long> numbers;
  for (const Val& v : l.var("arithmetic").items) numbers.push_back(v.number);
  CHECK(numbers == std::vector<long long>{9, 5, 14, 3, 1});
}

TEST_CASE("for-expressions and lambdas are evaluated item by item; over an unknown array they are unknown") {
  Loaded l(R"(
param unknownNames array
var names = ['a', 'b']
var ids = [for (n, i) in names: '${n}${i}']
var filtered = [for n in names: if (n != 'a') n]
var mapped = map(names, n => toUpper(n))
var fromUnknown = [for n in unknownNames: n]
)");
  REQUIRE(l.var("ids").items.size() == 2);
  CHECK(l.var("ids").items[1].str == "b1");
  REQUIRE(l.var("filtered").items.size() == 1);
  CHECK(l.var("filtered").items[0].str == "b");
  REQUIRE(l.var("mapped").items.size() == 2);
  CHECK(l.var("mapped").items[0].str == "A");
  CHECK(l.var("fromUnknown").is_unknown());
}

TEST_CASE("findings point into the .bicep file; a syntax error does not hide later resources") {
  const FileResult r = test::lint(R"(param broken
resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
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

TEST_CASE("module declarations: path, body, params, condition and loop") {
  Loaded l(R"(
param location string = 'westeurope'
param names array = ['a', 'b']
module pg './pg.bicep' = {
  name: 'pg-deploy'
  params: {
    location: location
  }
}
module onlyHere 'br/public:avm/res/x:0.4.0' = if (location == 'westeurope') {
  name: 'only-here'
}
module perName './item.bicep' = [for (n, i) in names: if (i > 0) {
  name: 'item-${n}'
  params: { index: i, location: location }
}]
module fromSpec 'ts:sub/rg/spec:1.0' = [for n in names: {
  name: n
}]
var n = 'not the loop variable'
)");
  const std::vector<ModuleCall>& m = l.t().modules;
  REQUIRE(m.size() == 4);
  CHECK(m[0].symbolic_name == "pg");
  CHECK(l.text(m[0].name_span) == "pg");
  CHECK(m[0].path == "./pg.bicep");
  CHECK(l.text(m[0].path_span) == "'./pg.bicep'");
  CHECK(l.text(m[0].span).rfind("module pg './pg.bicep' = {", 0) == 0);
  CHECK(l.text(m[0].span).back() == '}');
  REQUIRE(m[0].body);
  CHECK(m[0].body->find("name")->text == "pg-deploy");
  REQUIRE(m[0].params);
  CHECK(m[0].params == m[0].body->find("params"));
  CHECK(l.show(m[0].params->find("location")) == "parameters('location')");
  CHECK(m[0].condition == nullptr);
  CHECK_FALSE(m[0].loop.loops());

  CHECK(m[1].path == "br/public:avm/res/x:0.4.0");
  CHECK(m[1].params == nullptr);
  CHECK(l.show(m[1].condition) == "equals(parameters('location'), 'westeurope')");

  // Inside the loop the item and index are loop variables; the source and outer names are not.
  CHECK(m[2].loop.loops());
  CHECK_FALSE(m[2].loop.arm_copy);
  CHECK(l.show(m[2].loop.source) == "parameters('names')");
  CHECK(m[2].loop.item == "n");
  CHECK(m[2].loop.index == "i");
  CHECK(l.show(m[2].condition) == "greater(loopVariable('i'), 0)");
  CHECK(l.show(m[2].body->find("name")) == "format('item-{0}', loopVariable('n'))");
  CHECK(l.show(m[2].params->find("index")) == "loopVariable('i')");
  CHECK(l.show(m[2].params->find("location")) == "parameters('location')");

  CHECK(m[3].loop.item == "n");
  CHECK(m[3].loop.index.empty());
  CHECK(m[3].condition == nullptr);
  CHECK(l.show(m[3].body->find("name")) == "loopVariable('n')");
  CHECK(l.show_var("n") == "value('not the loop variable')");
}

TEST_CASE("module outputs and names") {
  Loaded l(R"(
param names array = ['a']
module pg './pg.bicep' = {
  name: 'pg-deploy'
}
module unnamed './pg.bicep' = {}
module perName './item.bicep' = [for n in names: {
  name: n
}]
var principal = pg.outputs.principalId
var deeper = pg.outputs.obj.a[0]
var indexed = pg.outputs['principalId']
var safe = pg.outputs.?principalId
var all = pg.outputs
var deployName = pg.name
var noName = unnamed.name
var element = perName[0].outputs.x
)");
  CHECK(l.show_var("principal") == "moduleOutput('pg', 'principalId')");
  const ir::Node* principal = l.t().find_variable("principal")->value->expr;
  CHECK(l.text(principal->span) == "pg.outputs.principalId");
  CHECK(l.text(principal->args[0]->span) == "pg");
  CHECK(l.text(principal->args[1]->span) == "principalId");
  // Access beyond the output stays ordinary member and index access.
  CHECK(l.show_var("deeper") == "moduleOutput('pg', 'obj').a[0]");
  CHECK(l.show_var("indexed") == "moduleOutput('pg', 'principalId')");
  CHECK(l.text(l.t().find_variable("indexed")->value->expr->args[1]->span) == "'principalId'");
  CHECK(l.show_var("safe") == "tryGet(reference('pg.outputs'), 'principalId')");
  CHECK(l.show_var("all") == "reference('pg.outputs')");
  CHECK(l.show_var("deployName") == "'pg-deploy'");
  CHECK(l.var("deployName").str == "pg-deploy");
  CHECK(l.show_var("noName") == "reference('unnamed.name')");
  // An element of a module loop is not one module's outputs.
  CHECK(l.show_var("element").find("moduleOutput") == std::string::npos);
  // Nothing binds the module's template here: its outputs are unknown.
  CHECK(l.var("principal").is_unknown());
}

TEST_CASE("resource loops: source, item, index and filter; the loop as a forLoop") {
  Loaded l(R"(
param names array = ['a']
resource ids 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = [for (n, i) in names: if (i < 2) {
  name: n
}]
resource counted 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = [for k in range(0, 2): {
  name: 'u${k}'
}]
resource plain 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'p'
}
)");
  const std::vector<Resource>& r = l.t().resources;
  REQUIRE(r.size() == 3);
  CHECK(r[0].loop.loops());
  CHECK_FALSE(r[0].loop.arm_copy);
  CHECK(l.show(r[0].loop.source) == "parameters('names')");
  CHECK(r[0].loop.item == "n");
  CHECK(r[0].loop.index == "i");
  CHECK(l.show(r[0].condition) == "less(loopVariable('i'), 2)");
  CHECK(l.show(r[0].name) == "loopVariable('n')");
  CHECK(l.show(r[0].copy) ==
        "forLoop(parameters('names'), lambda('n', 'i', value({\n  name: n\n})), "
        "lambda('n', 'i', less(loopVariable('i'), 2)))");
  CHECK(l.text(r[0].copy->span).rfind("[for (n, i) in names", 0) == 0);

  CHECK(l.show(r[1].loop.source) == "range(0, 2)");
  CHECK(r[1].loop.item == "k");
  CHECK(r[1].loop.index.empty());
  CHECK(r[1].condition == nullptr);
  CHECK(l.show(r[1].copy) == "forLoop(range(0, 2), lambda('k', value({\n  name: 'u${k}'\n})))");

  CHECK_FALSE(r[2].loop.loops());
  CHECK(r[2].copy == nullptr);
}

TEST_CASE("outputs") {
  Loaded l(R"(
param prefix string = 'p'
output id string = '${prefix}-id'
output upper array = [for n in ['a']: toUpper(n)]
)");
  const std::vector<Output>& o = l.t().outputs;
  REQUIRE(o.size() == 2);
  CHECK(o[0].name == "id");
  CHECK(l.text(o[0].name_span) == "id");
  CHECK(l.show(o[0].value) == "format('{0}-id', parameters('prefix'))");
  CHECK(o[1].name == "upper");
  CHECK(l.show(o[1].value) == "forLoop(value(['a']), lambda('n', toUpper(loopVariable('n'))))");
}

TEST_CASE("a .bicepparam file names its template with using") {
  Loaded with_path("using './main.bicep'\nparam identityType = 'UserAssigned'\n", true);
  CHECK(with_path.t().using_path == "./main.bicep");
  CHECK(with_path.text(with_path.t().using_span) == "'./main.bicep'");
  CHECK_FALSE(with_path.t().using_none);
  REQUIRE(with_path.t().parameters.size() == 1);
  CHECK(with_path.t().parameters[0].default_value->text == "UserAssigned");

  Loaded none("using none\nparam identityType = 'UserAssigned'\n", true);
  CHECK(none.t().using_none);
  CHECK(none.t().using_path.empty());
}

TEST_CASE("lambdas bind their variables; other names keep their meaning") {
  Loaded l(R"(
param n string = 'outer'
param name string = 'uami'
var names = ['a', 'b']
var mapped = map(names, n => toUpper(n))
var joined = reduce(names, '', (acc, n) => '${acc}${n}')
var afterwards = n
var captures = filter(names, x => x != n)
resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
}
var ids = map(names, name => uami.id)
)");
  CHECK(l.show_var("mapped") == "map(variables('names'), lambda('n', toUpper(loopVariable('n'))))");
  const ir::Node* lambda = l.t().find_variable("mapped")->value->expr->args[1];
  CHECK(l.text(lambda->span) == "n => toUpper(n)");
  CHECK(l.text(lambda->args[0]->span) == "n");
  CHECK(l.show_var("joined") ==
        "reduce(variables('names'), '', lambda('acc', 'n', format('{0}{1}', loopVariable('acc'), loopVariable('n'))))");
  CHECK(l.show_var("afterwards") == "parameters('n')");
  CHECK(l.show_var("captures") ==
        "filter(variables('names'), lambda('x', not(equals(loopVariable('x'), parameters('n')))))");
  // uami's name is read where uami is declared: the lambda's `name` does not reach it.
  CHECK(l.show_var("ids") ==
        "map(variables('names'), lambda('name', resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', "
        "parameters('name'))))");
}

TEST_CASE("for-expressions lower to forLoop over lambdas") {
  Loaded l(R"(
param src array = [1, 2]
var plain = [for x in src: x]
var indexed = [for (x, i) in src: if (i > 0) { value: x, at: i }]
var nested = [for x in src: [for y in range(0, x): y + x]]
var shadow = [for src in src: src]
)");
  CHECK(l.show_var("plain") == "forLoop(parameters('src'), lambda('x', loopVariable('x')))");
  const ir::Node* plain = l.t().find_variable("plain")->value->expr;
  CHECK(l.text(plain->span) == "[for x in src: x]");
  CHECK(l.text(plain->args[1]->args[0]->span) == "x");
  CHECK(l.show_var("indexed") ==
        "forLoop(parameters('src'), lambda('x', 'i', value({ value: x, at: i })), "
        "lambda('x', 'i', greater(loopVariable('i'), 0)))");
  const ir::Node* body = l.t().find_variable("indexed")->value->expr->args[1]->args[2];
  REQUIRE(body->kind == ir::Node::Kind::Value);
  CHECK(l.show(body->value->find("at")) == "loopVariable('i')");
  CHECK(l.show_var("nested") ==
        "forLoop(parameters('src'), lambda('x', forLoop(range(0, loopVariable('x')), lambda('y', "
        "add(loopVariable('y'), loopVariable('x'))))))");
  // The source is read outside the loop, even when the item has the same name.
  CHECK(l.show_var("shadow") == "forLoop(parameters('src'), lambda('src', loopVariable('src')))");
}

TEST_CASE("suppression directives: codes with their spans, the reason, the line covered") {
  Loaded l(R"(param a string
#disable-next-line IDL001 no-unused-params // why
param b string
var c = {
  // idlint-disable-next-line IDL002, identity-type-invalid -- kept until the migration // a comment after the reason

  // a comment between the directive and the line it covers
  #disable-next-line BCP036
  d: 1
  // idlint-disable-next-line IDL003 -- see https://example.com/x
  e: 2
}
)");
  const std::vector<DisableDirective>& d = l.t().disable_next_line;
  REQUIRE(d.size() == 4);
  CHECK(d[0].form == DisableDirective::Form::Bicep);
  CHECK(d[0].line == 2);
  CHECK(d[0].target_line == 3);  // Bicep's own directive covers the very next line
  REQUIRE(d[0].codes.size() == 2);
  CHECK(d[0].codes[0].text == "IDL001");
  CHECK(l.text(d[0].codes[0].span) == "IDL001");
  CHECK(d[0].codes[1].text == "no-unused-params");
  CHECK(d[0].reason.empty());
  CHECK(d[1].form == DisableDirective::Form::Idlint);
  CHECK(d[1].line == 5);
  CHECK(d[1].target_line == 9);  // past the blank line, the comment and Bicep's directive
  REQUIRE(d[1].codes.size() == 2);
  CHECK(l.text(d[1].codes[1].span) == "identity-type-invalid");
  CHECK(d[1].reason == "kept until the migration");
  CHECK(d[2].form == DisableDirective::Form::Bicep);
  CHECK(d[2].target_line == 9);
  CHECK(d[3].target_line == 11);
  CHECK(d[3].reason == "see https://example.com/x");  // `//` inside a word does not start a comment
}
