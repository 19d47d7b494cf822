// ARM template functions: strings, arrays and objects, numbers, values known only at deployment,
// lambdas and Bicep for-expressions, and ARM copy loops over properties and variables.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "expr/eval_fixture.h"

using namespace idlint;
using Fixture = test::EvalFixture;

namespace {

const char* const kParams = R"("parameters": {"free": {"type": "string"}})";

std::vector<std::string> strings(const Val& v) {
  std::vector<std::string> out;
  for (const Val& i : v.items) out.push_back(i.is_string() ? i.str : describe(i));
  return out;
}

std::vector<long long> numbers(const Val& v) {
  std::vector<long long> out;
  for (const Val& i : v.items) out.push_back(i.kind == Val::Kind::Number ? i.number : -999);
  return out;
}

bool mentions(const Val& v, const std::string& text) { return v.is_unknown() && v.str.find(text) != std::string::npos; }

}  // namespace

TEST_CASE("string() and format() render nested values as ARM does, and unknowns inside stay unknown") {
  Fixture f(kParams);
  CHECK(f.eval("string(createArray(true, null(), 1, 'a'))").str == R"([true,null,1,"a"])");
  CHECK(f.eval(R"(string(createObject('a', createArray('x\"y'))))").str == R"({"a":["x\"y"]})");
  CHECK(f.eval("string(false)").str == "False");
  CHECK(mentions(f.eval("string(createArray(parameters('free')))"), "no default"));
  CHECK(mentions(f.eval("format('{0}', createArray(parameters('free')))"), "no default"));
  // A resource ID is not text here: contains() does not guess (nor recurse forever).
  CHECK(f.eval("contains('abc', resourceId('A.B/c', 'n'))").is_unknown());
}

TEST_CASE("text functions: split, join, replace, substring, startsWith, endsWith, trim, padLeft") {
  Fixture f(kParams);
  CHECK(strings(f.eval("split('a,b;c', ',')")) == std::vector<std::string>{"a", "b;c"});
  CHECK(strings(f.eval("split('a,b;c', createArray(',', ';'))")) == std::vector<std::string>{"a", "b", "c"});
  CHECK(strings(f.eval("split('a,,b', ',')")) == std::vector<std::string>{"a", "", "b"});
  CHECK(f.eval("join(createArray('a', 'b', 1), '-')").str == "a-b-1");
  CHECK(f.eval("replace('123-123-1234', '-', '')").str == "1231231234");
  CHECK(mentions(f.eval("replace('abc', '', 'x')"), "empty"));
  CHECK(f.eval("substring('one two three', 4, 3)").str == "two");
  CHECK(f.eval("substring('one two', 4)").str == "two");
  CHECK(f.eval("substring('abc', 3)").str.empty());
  CHECK(mentions(f.eval("substring('1234567890', 0, 11)"), "outside the string"));
  CHECK(mentions(f.eval("substring('abc', 4)"), "outside the string"));
  CHECK(mentions(f.eval("substring('abc', 1, -1)"), "outside the string"));
  CHECK(f.eval("startsWith('abcdef', 'AB')").boolean);
  CHECK(f.eval("endsWith('abcdef', 'DEF')").boolean);
  CHECK_FALSE(f.eval("endsWith('abcdef', 'abcdefg')").boolean);
  CHECK(f.eval(R"(trim('  one two\t\n'))").str == "one two");
  CHECK(f.eval("padLeft('123', 6, '0')").str == "000123");
  CHECK(f.eval("padLeft(7, 3)").str == "  7");
  CHECK(f.eval("padLeft('abcdef', 3, '0')").str == "abcdef");
  CHECK(f.eval("toLower('AbC')").str == "abc");
  // Positions and case rules beyond ASCII are not guessed; length counts UTF-16 units.
  CHECK(mentions(f.eval("toUpper('stra\xc3\x9f"
                        "e')"),
                 "non-ASCII"));
  CHECK(f.eval("length('a\xc3\xa9\xf0\x9f\x99\x82')").number == 4);
  CHECK(f.eval("split(parameters('free'), ',')").is_unknown());
}

TEST_CASE("first, last, skip, take, indexOf and lastIndexOf work on strings and arrays") {
  Fixture f(R"("variables": {"arr": ["one", "two", "three"]})");
  CHECK(f.eval("first('One')").str == "O");
  CHECK(f.eval("last('One')").str == "e");
  CHECK(f.eval("first(variables('arr'))").str == "one");
  CHECK(f.eval("last(variables('arr'))").str == "three");
  CHECK(f.eval("first(createArray())").kind == Val::Kind::Null);
  CHECK(f.eval("first('')").str.empty());
  // The item keeps where it was written: a rule can point at the variable's literal.
  const Val item = f.eval("first(variables('arr'))");
  CHECK(item.origin.kind == Origin::Kind::Variable);
  CHECK(item.origin.name == "arr");
  CHECK(strings(f.eval("skip(variables('arr'), 2)")) == std::vector<std::string>{"three"});
  CHECK(strings(f.eval("skip(variables('arr'), -1)")).size() == 3);
  CHECK(strings(f.eval("take(variables('arr'), 2)")) == std::vector<std::string>{"one", "two"});
  CHECK(strings(f.eval("take(variables('arr'), 9)")).size() == 3);
  CHECK(f.eval("skip('one two three', 4)").str == "two three");
  CHECK(f.eval("take('one two three', 2)").str == "on");
  CHECK(f.eval("indexOf('test', 'T')").number == 0);
  CHECK(f.eval("lastIndexOf('test', 't')").number == 3);
  CHECK(f.eval("indexOf('abcdef', 'CD')").number == 2);
  CHECK(f.eval("indexOf('abcdef', 'z')").number == -1);
  CHECK(f.eval("indexOf(variables('arr'), 'two')").number == 1);
  CHECK(f.eval("lastIndexOf(createArray(1, 2, 1), 1)").number == 2);
  CHECK(f.eval("indexOf(variables('arr'), 'TWO')").number == -1);
}

TEST_CASE("objects and arrays: union, intersection, items, objectKeys, shallowMerge, flatten") {
  Fixture f(kParams);
  CHECK(strings(f.eval("union(createArray('a', 'a', 'b'), createArray('b', 'c'))")) ==
        std::vector<std::string>{"a", "b", "c"});
  // Nested arrays are replaced, not merged.
  const Val nested = f.eval("union(createObject('n', createArray(1, 2)), createObject('n', createArray(3)))");
  CHECK(numbers(nested.member("n")) == std::vector<long long>{3});
  // Identity maps keyed by resource IDs still merge.
  Fixture ids(R"("variables": {"ids": {"[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'a')]": {}}})");
  CHECK(ids.eval("union(variables('ids'), createObject('x', 1))").members.size() == 2);
  // Whether an unknown item is a duplicate is not known.
  CHECK(f.eval("union(createArray('a'), createArray(parameters('free')))").is_unknown());

  const Val common = f.eval(
      "intersection(createObject('one', 'a', 'two', 'b', 'three', 'c'), createObject('one', 'a', 'two', 'z', 'three', "
      "'c'))");
  REQUIRE(common.is_object());
  CHECK(common.members.size() == 2);
  CHECK(common.member("three").str == "c");
  CHECK(strings(f.eval("intersection(createArray('one', 'two', 'three'), createArray('two', 'three'))")) ==
        std::vector<std::string>{"two", "three"});

  const Val items = f.eval("items(createObject('item002', 2, 'Item001', 1))");
  REQUIRE(items.items.size() == 2);
  CHECK(items.items[0].member("key").str == "Item001");
  CHECK(items.items[0].member("value").number == 1);
  CHECK(items.items[1].member("key").str == "item002");
  CHECK(strings(f.eval("objectKeys(createObject('b', 1, 'a', 2))")) == std::vector<std::string>{"b", "a"});

  const Val merged = f.eval(
      "shallowMerge(createArray(createObject('a', createObject('x', 1)), createObject('a', createObject('y', 2), "
      "'b', 3)))");
  CHECK(merged.member("a").member("x").is_absent());  // shallow: the later object replaces
  CHECK(merged.member("a").member("y").number == 2);
  CHECK(merged.member("b").number == 3);
  CHECK(numbers(f.eval("flatten(createArray(createArray(1, 2), createArray(), createArray(3)))")) ==
        std::vector<long long>{1, 2, 3});
  CHECK(f.eval("flatten(createArray(1))").is_unknown());
}

TEST_CASE("json() parses JSON text; anything else is Unknown") {
  Fixture f(kParams);
  const Val o = f.eval_json(R"("[json('{\"a\": [1, true, null], \"b\": {\"c\": \"d\"}}')]")");
  REQUIRE(o.is_object());
  CHECK(o.members[0].key.str == "a");  // written order is kept
  CHECK(numbers(o.member("a")).at(0) == 1);
  CHECK(o.member("a").items[1].boolean);
  CHECK(o.member("a").items[2].kind == Val::Kind::Null);
  CHECK(o.member("b").member("c").str == "d");
  CHECK(f.eval("json('null')").kind == Val::Kind::Null);
  CHECK(f.eval("json('3')").number == 3);
  CHECK(mentions(f.eval("json('{oops')"), "not valid JSON"));
  CHECK(f.eval("json('1.5')").is_unknown());
}

TEST_CASE("numbers: arithmetic, comparisons, min and max, int(), bool(), range()") {
  Fixture f(kParams);
  CHECK(f.eval("add(2, 3)").number == 5);
  CHECK(f.eval("sub(2, 3)").number == -1);
  CHECK(f.eval("mul(4, -3)").number == -12);
  CHECK(f.eval("div(-7, 2)").number == -3);
  CHECK(f.eval("mod(-7, 2)").number == -1);
  CHECK(mentions(f.eval("div(1, 0)"), "division by zero"));
  CHECK(mentions(f.eval("mod(1, 0)"), "division by zero"));
  CHECK(f.eval("add(9223372036854775807, 1)").is_unknown());
  CHECK(f.eval("less(1, 2)").boolean);
  CHECK(f.eval("less('A', 'a')").boolean);  // ordinal, as ARM compares strings
  CHECK(f.eval("lessOrEquals(2, 2)").boolean);
  CHECK_FALSE(f.eval("greater(2, 2)").boolean);
  CHECK(f.eval("greaterOrEquals('b', 'a')").boolean);
  CHECK(f.eval("less(1, 'a')").is_unknown());
  CHECK(f.eval("min(0, 3, -2)").number == -2);
  CHECK(f.eval("max(createArray(0, 3, 2, 5, 4))").number == 5);
  CHECK(f.eval("int(' 42 ')").number == 42);
  CHECK(f.eval("int('-4')").number == -4);
  CHECK(f.eval("int('4x')").is_unknown());
  CHECK(f.eval("bool('TRUE')").boolean);
  CHECK_FALSE(f.eval("bool(0)").boolean);
  CHECK(f.eval("bool('yes')").is_unknown());
  CHECK(numbers(f.eval("range(5, 3)")) == std::vector<long long>{5, 6, 7});
  CHECK(f.eval("range(0, 0)").items.empty());
  CHECK(mentions(f.eval("range(0, 1001)"), "too many items"));
  CHECK(f.eval("range(0, -1)").is_unknown());
}

TEST_CASE("values known only at deployment are Unknown, and equal calls have equal symbols") {
  Fixture f(kParams);
  const Val s1 = f.eval("subscription().subscriptionId");
  REQUIRE(s1.is_unknown());
  CHECK(s1.symbol == "subscription().subscriptionid");
  CHECK(f.eval("subscriptionId()").symbol == s1.symbol);
  CHECK(f.eval("resourceGroup().location").symbol == "resourcegroup().location");
  CHECK(f.eval("tenant().tenantId").symbol == "tenant().tenantid");
  CHECK(f.eval("deployment().name").symbol.empty());  // differs between deployments
  // So two uses do not compare equal (README, "Functions"): a base version was another deployment.
  CHECK(values_equal(f.eval("deployment().name"), f.eval("deployment().name")) == Tri::Unknown);
  CHECK(values_equal(f.eval("uniqueString(resourceGroup().id)"), f.eval("uniqueString(resourceGroup().id)")) ==
        Tri::Yes);
  CHECK(values_equal(f.eval("guid('a')"), f.eval("guid('b')")) == Tri::Unknown);
  CHECK(f.eval("newGuid()").symbol.empty());
  CHECK(f.eval("utcNow()").symbol.empty());
  const Val ref = f.eval("reference('x').principalId");
  CHECK(mentions(ref, "only at deployment"));
  CHECK(ref.symbol == f.eval("reference('x').principalId").symbol);
  const Val keys = f.eval("listKeys(resourceId('Microsoft.Storage/storageAccounts', 's'), '2023-01-01')");
  CHECK(mentions(keys, "listKeys(): the value exists only at deployment"));
  CHECK_FALSE(keys.symbol.empty());
  CHECK(f.eval("readEnvironmentVariable('TOKEN', 'x')").str == "read from environment variable 'TOKEN' at deployment");
  CHECK(f.eval("getSecret('sub', 'rg', 'kv', 'name')").str == "a Key Vault secret, read at deployment");
  CHECK(f.eval("notAFunction(1)").str == "function 'notAFunction' is not evaluated");
  // An unknown before the first set argument leaves coalesce() unknown, with a symbol for the call.
  CHECK(values_equal(f.eval("coalesce(parameters('free'), 'x')"), f.eval("coalesce(parameters('free'), 'x')")) ==
        Tri::Yes);
}

TEST_CASE("lambda functions: map, filter, reduce, sort, toObject, groupBy, mapValues") {
  Fixture f(R"("variables": {"dogs": [{"name": "Evie", "age": 5}, {"name": "Casper", "age": 3},
                                      {"name": "Indy", "age": 2}, {"name": "Kira", "age": 8}]},
               "parameters": {"free": {"type": "array"}})");
  CHECK(strings(f.eval("map(variables('dogs'), lambda('dog', lambdaVariables('dog').name))")) ==
        std::vector<std::string>{"Evie", "Casper", "Indy", "Kira"});
  CHECK(strings(f.eval("map(createArray('a', 'b'), lambda('x', 'i', concat(lambdaVariables('x'), "
                       "string(lambdaVariables('i')))))")) == std::vector<std::string>{"a0", "b1"});
  CHECK(strings(f.eval("map(filter(variables('dogs'), lambda('dog', greaterOrEquals(lambdaVariables('dog').age, 5))), "
                       "lambda('d', lambdaVariables('d').name))")) == std::vector<std::string>{"Evie", "Kira"});
  CHECK(numbers(f.eval("filter(range(0, 10), lambda('i', equals(0, mod(lambdaVariables('i'), 2))))")) ==
        std::vector<long long>{0, 2, 4, 6, 8});
  CHECK(numbers(f.eval("filter(createArray(7, 8, 9), lambda('x', 'i', greater(lambdaVariables('i'), 0)))")) ==
        std::vector<long long>{8, 9});
  CHECK(f.eval("reduce(map(variables('dogs'), lambda('d', lambdaVariables('d').age)), 1, lambda('cur', 'next', "
               "add(lambdaVariables('cur'), lambdaVariables('next'))))")
            .number == 19);
  CHECK(strings(f.eval("map(sort(variables('dogs'), lambda('a', 'b', less(lambdaVariables('a').age, "
                       "lambdaVariables('b').age))), lambda('d', lambdaVariables('d').name))")) ==
        std::vector<std::string>{"Indy", "Casper", "Evie", "Kira"});
  const Val by_name = f.eval(
      "toObject(variables('dogs'), lambda('e', lambdaVariables('e').name), lambda('e', lambdaVariables('e').age))");
  CHECK(by_name.member("casper").number == 3);
  CHECK(by_name.members.size() == 4);
  const Val groups =
      f.eval("groupBy(createArray('apple', 'avocado', 'banana'), lambda('x', first(lambdaVariables('x'))))");
  CHECK(strings(groups.member("a")) == std::vector<std::string>{"apple", "avocado"});
  CHECK(strings(groups.member("b")) == std::vector<std::string>{"banana"});
  CHECK(f.eval("mapValues(createObject('a', 1, 'b', 2), lambda('v', mul(lambdaVariables('v'), 10)))")
            .member("b")
            .number == 20);
  // A lambda variable is only bound while its lambda runs.
  CHECK(f.eval("lambdaVariables('dog')").is_unknown());
  // A body that is not a bool, an unknown input, or too many items leave the result Unknown.
  CHECK(mentions(f.eval("filter(createArray(1), lambda('x', 'yes'))"), "does not return a bool"));
  CHECK(f.eval("map(parameters('free'), lambda('x', 1))").is_unknown());
  CHECK(mentions(f.eval("map(concat(range(0, 1000), range(0, 1)), lambda('x', 1))"), "too many items"));
  CHECK(f.eval("map(createArray(1), 'not a lambda')").is_unknown());
}

TEST_CASE("a lambda function on an unknown input is named by its input and the lambda as written") {
  Fixture f(R"("parameters": {"free": {"type": "array"}})");
  // One written expression, evaluated twice (as under two bindings), is the same value.
  const Value& once =
      f.parse(R"(["[map(parameters('free'), lambda('x', 1))]", "[map(parameters('free'), lambda('x', 1))]"])");
  const Binding binding;
  Evaluator ev1(binding);
  Evaluator ev2(binding);
  const Val a = ev1.evaluate(*f.loaded.tmpl, once.items[0]);
  const Val b = ev2.evaluate(*f.loaded.tmpl, once.items[0]);
  REQUIRE(a.is_unknown());
  CHECK_FALSE(a.symbol.empty());
  CHECK(a.symbol == b.symbol);
  CHECK(a.deps.size() == 1);
  // The same text written elsewhere is another lambda: not claimed equal.
  CHECK(ev1.evaluate(*f.loaded.tmpl, once.items[1]).symbol != a.symbol);
}

TEST_CASE("forLoop: the bodies of the items whose condition holds, with the item's position as index") {
  Fixture f(R"("parameters": {"free": {"type": "array"}})");
  CHECK(strings(f.eval("forLoop(createArray('a', 'b', 'c'), lambda('x', 'i', concat(loopVariable('x'), "
                       "string(loopVariable('i')))), lambda('x', 'i', not(equals(loopVariable('i'), 1))))")) ==
        std::vector<std::string>{"a0", "c2"});
  CHECK(numbers(f.eval("forLoop(range(1, 3), lambda('n', mul(loopVariable('n'), 2)))")) ==
        std::vector<long long>{2, 4, 6});
  CHECK(strings(f.eval("forLoop(items(createObject('b', 2, 'a', 1)), lambda('e', loopVariable('e').key))")) ==
        std::vector<std::string>{"a", "b"});
  // Nested loops see the outer variable.
  const Val nested = f.eval(
      "forLoop(createArray('x', 'y'), lambda('o', forLoop(createArray(1, 2), lambda('i', concat(loopVariable('o'), "
      "string(loopVariable('i')))))))");
  REQUIRE(nested.items.size() == 2);
  CHECK(strings(nested.items[1]) == std::vector<std::string>{"y1", "y2"});
  const Val unknown = f.eval("forLoop(parameters('free'), lambda('x', loopVariable('x')))");
  CHECK(unknown.is_unknown());
  CHECK_FALSE(unknown.symbol.empty());
  CHECK(f.eval("forLoop(createArray(1), lambda('x', 1), lambda('x', parameters('free')))").is_unknown());
}

TEST_CASE("ARM property copy loops define array properties; malformed ones stay as written") {
  Fixture f(R"("parameters": {"n": {"type": "int"}})");
  const Val disks = f.eval_json(R"({"other": 1, "copy": [
      {"name": "dataDisks", "count": 3, "input": {"lun": "[copyIndex('dataDisks')]", "size": 8}},
      {"name": "tags", "count": "[add(1, 1)]", "input": "[concat('t', string(copyIndex('TAGS', 1)))]"}]})");
  REQUIRE(disks.is_object());
  CHECK(disks.member("copy").is_absent());
  CHECK(disks.member("other").number == 1);
  const Val d = disks.member("dataDisks");
  REQUIRE(d.items.size() == 3);
  CHECK(d.items[2].member("lun").number == 2);
  CHECK(d.items[2].member("size").number == 8);
  CHECK(strings(disks.member("tags")) == std::vector<std::string>{"t1", "t2"});
  // An unknown count leaves that property unknown.
  CHECK(f.eval_json(R"({"copy": [{"name": "p", "count": "[parameters('n')]", "input": 1}]})").member("p").is_unknown());
  CHECK(mentions(f.eval_json(R"({"copy": [{"name": "p", "count": 1001, "input": 1}]})").member("p"), "too many items"));
  // Not a property loop: kept as written.
  const Val plain = f.eval_json(R"({"copy": [{"name": "p", "count": 2}]})");
  CHECK(plain.member("copy").items.size() == 1);
  CHECK(f.eval_json(R"({"copy": {"name": "p", "count": 2}})").member("copy").is_object());
}

TEST_CASE("ARM variable copy loops define variables") {
  Fixture f(R"("variables": {"copy": [
      {"name": "names", "count": 2, "input": "[concat('n', string(copyIndex('names')))]"},
      {"name": "objs", "count": "[length(variables('names'))]", "input": {"i": "[copyIndex('objs')]"}}],
    "plain": "p"})");
  CHECK(strings(f.eval("variables('names')")) == std::vector<std::string>{"n0", "n1"});
  const Val objs = f.eval("variables('objs')");
  REQUIRE(objs.items.size() == 2);
  CHECK(objs.items[1].member("i").number == 1);
  CHECK(objs.items[1].origin.kind == Origin::Kind::Variable);
  CHECK(f.eval("variables('plain')").str == "p");
  CHECK(f.eval("variables('copy')").is_unknown());
  CHECK(mentions(f.eval("variables('missing')"), "not declared"));
}

TEST_CASE("split(id, '/') of a built resource ID gives its segments, so last() is the name") {
  Fixture f(kParams);
  const Val parts = f.eval("split(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-a'), '/')");
  REQUIRE(parts.kind == Val::Kind::Array);
  REQUIRE(parts.items.size() == 9);
  CHECK(parts.items[1].str == "subscriptions");
  CHECK(parts.items[2].is_unknown());
  CHECK(parts.items[6].str == "Microsoft.ManagedIdentity");
  CHECK(f.eval("last(split(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-a'), '/'))").str ==
        "uami-a");
  CHECK(f.eval("split(resourceId('sub', 'rg', 'Microsoft.Sql/servers/databases', 'srv', 'db'), '/')[4]").str == "rg");
  CHECK(f.eval("last(split(resourceId('sub', 'rg', 'Microsoft.Sql/servers/databases', 'srv', 'db'), '/'))").str ==
        "db");
  // The deployment's subscription is the same unknown however it is written.
  CHECK(values_equal(f.eval("split(resourceId('Microsoft.Web/sites', 'a'), '/')[2]"),
                     f.eval("subscription().subscriptionId")) == Tri::Yes);
  // Split at anything else, the ID is not rendered.
  CHECK(f.eval("split(resourceId('Microsoft.Web/sites', 'a'), '-')").is_unknown());
}
