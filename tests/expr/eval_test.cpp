// The evaluator: functions, parameters and bindings, variables with cycles, identity comparison.
#include <doctest/doctest.h>

#include <map>

#include "engine/bindings.h"
#include "engine/possibilities.h"
#include "expr/eval.h"
#include "expr/eval_fixture.h"
#include "load/arm_template.h"

using namespace idlint;

using Fixture = test::EvalFixture;

TEST_CASE("literals and string functions") {
  Fixture f(R"("parameters": {})");
  CHECK(f.eval("concat('System', 'Assigned')").str == "SystemAssigned");
  CHECK(f.eval("format('{0},{1}', 'SystemAssigned', 'UserAssigned')").str == "SystemAssigned,UserAssigned");
  CHECK(f.eval("format('{{{0}}}', 'x')").str == "{x}");
  CHECK(f.eval("format('{99999999999999999999}', 'x')").is_unknown());
  CHECK(f.eval("toLower('AbC')").str == "abc");
  CHECK(f.eval("toUpper('AbC')").str == "ABC");
  CHECK(f.eval("string(true)").str == "True");
  CHECK(f.eval("string(createObject('a', 1))").str == "{\"a\":1}");
}

TEST_CASE("logic: if, equals, not, and, or, empty, contains, coalesce") {
  Fixture f(R"("parameters": {})");
  CHECK(f.eval("if(equals(1, 1), 'yes', 'no')").str == "yes");
  CHECK(f.eval("if(not(true), 'yes', 'no')").str == "no");
  CHECK(f.eval("and(true, false)").boolean == false);
  CHECK(f.eval("or(false, true)").boolean == true);
  CHECK(f.eval("empty('')").boolean);
  CHECK(f.eval("empty(createObject())").boolean);
  CHECK_FALSE(f.eval("empty(createArray(1))").boolean);
  CHECK(f.eval("contains('SystemAssigned,UserAssigned', 'UserAssigned')").boolean);
  CHECK(f.eval("contains(createArray('a', 'b'), 'b')").boolean);
  CHECK(f.eval("contains(createObject('Key', 1), 'key')").boolean);
  CHECK(f.eval("coalesce(null(), 'x')").str == "x");
  // A case-only difference is not decided: ARM's rule for it is not pinned down here.
  CHECK(f.eval("equals('a', 'A')").is_unknown());
}

TEST_CASE("union merges objects recursively and arrays without duplicates") {
  Fixture f(R"("parameters": {})");
  Val u = f.eval(
      "union(createObject('type', 'None', 'x', createObject('a', 1)), createObject('type', 'UserAssigned', 'x', "
      "createObject('b', 2)))");
  REQUIRE(u.is_object());
  CHECK(u.member("type").str == "UserAssigned");
  CHECK(u.member("x").member("a").number == 1);
  CHECK(u.member("x").member("b").number == 2);
  CHECK(f.eval("union(createArray(1, 2), createArray(2, 3))").items.size() == 3);
}

TEST_CASE("unknown functions are Unknown with the function named, and never guessed") {
  Fixture f(R"("parameters": {})");
  Val v = f.eval("reference('x').principalId");
  CHECK(v.is_unknown());
  Val w = f.eval("concat('a', utcNow())");
  CHECK(w.is_unknown());
  CHECK(w.str.find("utcNow") != std::string::npos);
}

TEST_CASE("parameters: defaults, missing defaults, and declared-but-absent") {
  Fixture f(R"("parameters": {"withDefault": {"type": "string", "defaultValue": "UserAssigned"},
                               "noDefault": {"type": "string"}})");
  CHECK(f.eval("parameters('withDefault')").str == "UserAssigned");
  Val v = f.eval("parameters('noDefault')");
  CHECK(v.is_unknown());
  CHECK(v.str.find("no default") != std::string::npos);
  CHECK(f.eval("parameters('undeclared')").is_unknown());
  REQUIRE(f.eval("parameters('withDefault')").deps.size() == 1);
}

TEST_CASE("a placeholder given for a parameter is unknown; the same text written elsewhere is a value") {
  Fixture f(R"("parameters": {"id": {"type": "string", "defaultValue": "<IDENTITY_RESOURCE_ID>"},
                               "ids": {"type": "object", "defaultValue": {"<your-identity>": {}}},
                               "open": {"type": "string", "defaultValue": "<IDENTITY_RESOURCE_ID"},
                               "markup": {"type": "string", "defaultValue": "<a></a>"}},
               "variables": {"v": "<IDENTITY_RESOURCE_ID>"})");
  Val id = f.eval("parameters('id')");
  CHECK(id.is_unknown());
  CHECK(id.str == "'<IDENTITY_RESOURCE_ID>' is a placeholder, filled in before deployment");
  CHECK(f.eval("parameters('ids')").members.at(0).key.is_unknown());  // inside an object, as a key
  CHECK(f.eval("concat('x', parameters('id'))").is_unknown());
  CHECK(f.eval("parameters('open')").str == "<IDENTITY_RESOURCE_ID");
  CHECK(f.eval("parameters('markup')").str == "<a></a>");
  CHECK(f.eval("variables('v')").str == "<IDENTITY_RESOURCE_ID>");
  CHECK(f.eval("'<x>'").str == "<x>");
  CHECK(is_placeholder("<your-vault>"));
  CHECK_FALSE(is_placeholder("<>"));
  CHECK_FALSE(is_placeholder("< >"));
  CHECK_FALSE(is_placeholder("x<y>"));
  CHECK_FALSE(is_placeholder("<a\nb>"));
}

TEST_CASE("a string built with a literal part is not empty, though its value is unknown") {
  Fixture f(R"("parameters": {"p": {"type": "string"}})");
  const std::string name = "concat(parameters('p'), '-id')";  // at least 3 long, as '${p}-id' in Bicep
  CHECK(f.eval("empty(" + name + ")").boolean == false);
  CHECK(f.eval("empty(" + name + ")").known());
  CHECK(f.eval("empty(format('{0}-id-web', parameters('p')))").boolean == false);
  CHECK(f.eval("empty(format('{0}-id-web', parameters('p')))").known());
  CHECK(f.eval("empty(concat(" + name + ", parameters('p')))").boolean == false);  // bounds add up
  CHECK(f.eval("equals(" + name + ", '')").boolean == false);
  CHECK(f.eval("equals(" + name + ", '')").known());
  CHECK(f.eval("equals(" + name + ", 'ab')").known());
  CHECK(f.eval("equals(" + name + ", '-id')").is_unknown());  // p may be ''
  CHECK(f.eval("greater(length(" + name + "), 2)").boolean == true);
  CHECK(f.eval("greater(length(" + name + "), 2)").known());
  CHECK(f.eval("greaterOrEquals(length(" + name + "), 3)").known());
  CHECK(f.eval("less(length(" + name + "), 3)").boolean == false);
  CHECK(f.eval("less(length(" + name + "), 3)").known());
  CHECK(f.eval("less(0, length(" + name + "))").boolean == true);
  CHECK(f.eval("less(length(" + name + "), 4)").is_unknown());
  CHECK(f.eval("equals(length(" + name + "), 0)").boolean == false);
  CHECK(f.eval("equals(length(" + name + "), 0)").known());
  CHECK(f.eval("equals(length(" + name + "), 3)").is_unknown());
  // Nothing is known of the string alone, nor of what a function makes of a bounded string.
  CHECK(f.eval("empty(parameters('p'))").is_unknown());
  CHECK(f.eval("empty(concat(parameters('p')))").is_unknown());
  CHECK(f.eval("empty(format('{0}', parameters('p')))").is_unknown());
  CHECK(f.eval("empty(substring(" + name + ", 0, 0))").is_unknown());
  CHECK(f.eval("empty(replace(" + name + ", '-id', ''))").is_unknown());
  CHECK(f.eval("empty(toLower(" + name + "))").is_unknown());
}

TEST_CASE("variables: references, and cycles are Unknown rather than a hang") {
  Fixture f(
      R"("variables": {"a": "[variables('b')]", "b": "[concat('x', variables('a'))]", "c": "[variables('d')]", "d": "ok"})");
  CHECK(f.eval("variables('c')").str == "ok");
  Val cyc = f.eval("variables('a')");
  CHECK(cyc.is_unknown());
  CHECK(cyc.str.find("refers to itself") != std::string::npos);
}

TEST_CASE("bindings: defaults, every allowed value and both bools, combined jointly") {
  ArmLoadResult loaded = load_arm_template(std::make_shared<const SourceFile>("t.json", R"({
    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    "parameters": {
      "kind": {"type": "string", "defaultValue": "UserAssigned", "allowedValues": ["None", "UserAssigned", "SystemAssigned"]},
      "sys": {"type": "bool", "defaultValue": true},
      "unused": {"type": "string", "allowedValues": ["a", "b"]}
    },
    "resources": [{"type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01", "name": "p",
      "identity": {"type": "[if(parameters('sys'), 'SystemAssigned', parameters('kind'))]"}}]})"));
  REQUIRE(loaded.tmpl);
  const ResourceBindings b = enumerate_bindings(loaded.tmpl->resources[0]);
  CHECK(b.bindings.size() == 6);  // sys {true,false} x kind {UserAssigned, None, SystemAssigned}
  CHECK(b.varying.size() == 2);
  // The first binding is every default.
  for (const Choice& c : b.bindings[0].choices) CHECK(c.kind == Origin::Kind::ParameterDefault);
  std::set<std::string> seen;
  for (const Binding& binding : b.bindings) {
    Evaluator ev(binding);
    Val v = ev.evaluate(*loaded.tmpl, *loaded.tmpl->resources[0].body->find("identity")->find("type"));
    seen.insert(v.str);
  }
  CHECK(seen == std::set<std::string>{"SystemAssigned", "UserAssigned", "None"});
}

TEST_CASE("past the cap, bindings vary one parameter at a time from the defaults") {
  std::string params;
  std::string expr = "concat(''";
  for (int i = 0; i < 10; ++i) {
    params += std::string(i ? "," : "") + "\"p" + std::to_string(i) +
              R"(": {"type": "string", "defaultValue": "a", "allowedValues": ["a", "b", "c"]})";
    expr += ", parameters('p" + std::to_string(i) + "')";
  }
  ArmLoadResult loaded = load_arm_template(std::make_shared<const SourceFile>(
      "t.json",
      R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "parameters": {)" +
          params +
          R"(}, "resources": [{"type": "X.Y/z", "apiVersion": "2024-01-01", "name": "n", "identity": {"type": ")" +
          "[" + expr + ")]" + R"("}}]})"));
  REQUIRE(loaded.tmpl);
  const ResourceBindings b = enumerate_bindings(loaded.tmpl->resources[0]);
  // 3^10 combinations exceed the cap: the defaults, then each parameter's two other values alone.
  CHECK(b.bindings.size() == 1 + 10 * 2);
  CHECK(b.varying.size() == 10);
  std::set<std::string> tried;
  for (const Binding& binding : b.bindings) {
    size_t changed = 0;
    for (const Choice& c : binding.choices) {
      if (c.kind == Origin::Kind::ParameterDefault) continue;
      ++changed;
      tried.insert(std::string(c.parameter->name) + "=" + std::string(c.value->text));
    }
    CHECK(changed <= 1);
  }
  CHECK(tried.size() == 20);
  CHECK(tried.count("p9=c"));
}

TEST_CASE("identity comparison is three-valued") {
  Fixture f(R"("parameters": {"name": {"type": "string"}, "other": {"type": "string"}})");
  const Val a = f.eval("resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-a')");
  const Val a2 = f.eval("resourceId('microsoft.managedidentity/userAssignedIdentities', 'ID-A')");
  const Val b = f.eval("resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-b')");
  const Val p = f.eval("resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('name'))");
  const Val p2 = f.eval("resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('name'))");
  const Val q = f.eval("resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('other'))");
  const Val lit =
      Val::string("/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-a");
  const Val lit_b =
      Val::string("/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-b");
  CHECK(same_resource(a, a2) == Tri::Yes);
  CHECK(same_resource(a, b) == Tri::No);
  CHECK(same_resource(p, p2) == Tri::Yes);
  CHECK(same_resource(f.eval("format('{0}', parameters('name'))"), f.eval("parameters('name')")) == Tri::Yes);
  CHECK(same_resource(p, q) == Tri::Unknown);
  CHECK(same_resource(p, a) == Tri::Unknown);
  CHECK(same_resource(lit, lit_b) == Tri::No);
  CHECK(same_resource(lit, a) == Tri::Unknown);  // same name; the resource group is implicit on one side
  CHECK(same_resource(lit_b, a) == Tri::No);
  // An unknown resource group before the type is scope, not the type.
  const Val scoped = f.eval("resourceId(parameters('other'), 'Microsoft.ManagedIdentity/userAssignedIdentities', 'id-b')");
  CHECK(scoped.kind == Val::Kind::ResourceId);
  CHECK(same_resource(scoped, a) == Tri::No);
  CHECK(same_resource(scoped, b) == Tri::Unknown);
  CHECK(same_resource(f.eval("reference('x').id"), a) == Tri::Unknown);
  // Compiled Bicep wraps identity keys in format('{0}', ...): still the same identity.
  CHECK(same_resource(f.eval("format('{0}', resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-a'))"),
                      a) == Tri::Yes);
  CHECK(same_resource(f.eval("string(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-b'))"), a) ==
        Tri::No);
}

TEST_CASE("a property is Known, OneOf with the bindings leading to each value, or Unknown with a reason") {
  ArmLoadResult loaded = load_arm_template(std::make_shared<const SourceFile>("t.json", R"({
    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    "parameters": {
      "kind": {"type": "string", "defaultValue": "UserAssigned", "allowedValues": ["None", "UserAssigned"]},
      "sys": {"type": "bool", "defaultValue": false},
      "free": {"type": "string"}
    },
    "resources": [
      {"type": "T.T/a", "apiVersion": "2024-08-01", "name": "known", "identity": {"type": "[concat('User', 'Assigned')]"}},
      {"type": "T.T/b", "apiVersion": "2024-08-01", "name": "oneof",
       "identity": {"type": "[if(parameters('sys'), 'SystemAssigned', parameters('kind'))]"}},
      {"type": "T.T/c", "apiVersion": "2024-08-01", "name": "unknown", "identity": {"type": "[parameters('free')]"}},
      {"type": "T.T/d", "apiVersion": "2024-08-01", "name": "conditional", "condition": "[parameters('sys')]",
       "identity": {"type": "[if(parameters('sys'), 'SystemAssigned', 'None')]"}}
    ]})"));
  REQUIRE(loaded.tmpl);
  const auto& rs = loaded.tmpl->resources;
  const Path type_path = {"identity", "type"};

  const Possibilities known = possible_values(rs[0], enumerate_bindings(rs[0]), type_path);
  CHECK(known.kind == Possibilities::Kind::Known);
  CHECK(known.alternatives.at(0).value.str == "UserAssigned");

  const ResourceBindings b = enumerate_bindings(rs[1]);
  const Possibilities oneof = possible_values(rs[1], b, type_path);
  REQUIRE(oneof.kind == Possibilities::Kind::OneOf);
  REQUIRE(oneof.alternatives.size() == 3);
  std::map<std::string, std::vector<std::string>> by_value;
  for (const Alternative& a : oneof.alternatives) {
    for (const Binding* binding : a.bindings) by_value[a.value.str].push_back(describe_binding(*binding, b.varying));
  }
  CHECK(by_value["SystemAssigned"].size() == 2);  // sys=true, whatever kind is
  CHECK(by_value["None"] == std::vector<std::string>{"parameter 'sys' is false and parameter 'kind' is 'None'"});
  CHECK(by_value["UserAssigned"] ==
        std::vector<std::string>{"parameter 'sys' is false and parameter 'kind' is 'UserAssigned'"});

  const Possibilities unknown = possible_values(rs[2], enumerate_bindings(rs[2]), type_path);
  CHECK(unknown.kind == Possibilities::Kind::Unknown);
  CHECK(unknown.unknown_reason.find("'free' has no default") != std::string::npos);

  // Bindings under which the resource is not deployed do not count.
  const Possibilities conditional = possible_values(rs[3], enumerate_bindings(rs[3]), type_path);
  CHECK(conditional.kind == Possibilities::Kind::Known);
  CHECK(conditional.alternatives.at(0).value.str == "SystemAssigned");
}

TEST_CASE("a very long chain of variables ends in Unknown, not a stack overflow") {
  std::string vars = R"("variables": {)";
  const int n = 20000;
  for (int i = 0; i < n; ++i)
    vars += "\"v" + std::to_string(i) + "\": \"[variables('v" + std::to_string(i + 1) + "')]\",";
  vars += "\"v" + std::to_string(n) + "\": \"end\"}";
  Fixture f(vars);
  const Val v = f.eval("variables('v0')");
  CHECK(v.is_unknown());
  CHECK(v.str.find("too deeply") != std::string::npos);
  CHECK(f.eval("variables('v19990')").str == "end");  // a short chain is still followed
}
