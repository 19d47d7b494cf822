// The Bicep parser: every declaration form, operator precedence, strings, spans, error messages,
// recovery after an error, and limits on hostile input.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "load/bicep_syntax.h"

using namespace idlint;
using namespace idlint::bicep;
using EK = Expr::Kind;

namespace {

struct Parsed {
  std::string text;
  Arena arena;
  ParsedFile file;
};

std::unique_ptr<Parsed> parse_text(std::string text, bool params_file = false) {
  auto p = std::make_unique<Parsed>();
  p->text = std::move(text);
  p->file = parse(p->text, p->arena, params_file);
  return p;
}

std::string errors(const Parsed& p) {
  std::string out;
  for (const SyntaxError& e : p.file.errors) out += e.message + " @" + std::to_string(e.span.begin) + "\n";
  return out;
}

// The value of `var x = <expr>` in a one-declaration file.
const Expr* var_value(const Parsed& p) {
  REQUIRE(p.file.decls.size() == 1);
  return p.file.decls[0]->value;
}

// A compact rendering of an expression tree, to assert structure and precedence.
std::string show(const Expr* e) {
  if (!e) return "_";
  switch (e->kind) {
    case EK::Null: return "null";
    case EK::Bool: return e->boolean ? "true" : "false";
    case EK::Number:
    case EK::Identifier: return std::string(e->text);
    case EK::String: {
      std::string s = "'";
      for (uint32_t i = 0; i <= e->count; ++i) {
        s += e->parts[i];
        if (i < e->count) s += "${" + show(e->items[i]) + "}";
      }
      return s + "'";
    }
    case EK::Unary: return "(" + std::string(e->op) + show(e->a[0]) + ")";
    case EK::NonNull: return show(e->a[0]) + "!";
    case EK::Binary: return "(" + show(e->a[0]) + " " + std::string(e->op) + " " + show(e->a[1]) + ")";
    case EK::Ternary: return "(" + show(e->a[0]) + " ? " + show(e->a[1]) + " : " + show(e->a[2]) + ")";
    case EK::Member: return show(e->a[0]) + (e->safe ? ".?" : ".") + std::string(e->text);
    case EK::Index: return show(e->a[0]) + (e->safe ? "[?" : "[") + show(e->a[1]) + "]";
    case EK::ResourceAccess: return show(e->a[0]) + "::" + std::string(e->text);
    case EK::Parenthesized: return show(e->a[0]);
    case EK::Call: {
      std::string s = (e->ns.empty() ? "" : std::string(e->ns) + ".") + std::string(e->text) + "(";
      for (uint32_t i = 0; i < e->count; ++i) s += (i ? ", " : "") + show(e->items[i]);
      return s + ")";
    }
    case EK::Lambda: {
      std::string s = "(";
      for (uint32_t i = 0; i < e->param_count; ++i) s += (i ? ", " : "") + std::string(e->params[i]);
      return s + ") => " + show(e->a[0]);
    }
    case EK::Array: {
      std::string s = "[";
      for (uint32_t i = 0; i < e->count; ++i) s += (i ? ", " : "") + show(e->items[i]);
      return s + "]";
    }
    case EK::Spread: return "..." + show(e->a[0]);
    case EK::Object: {
      std::string s = "{";
      for (uint32_t i = 0; i < e->prop_count; ++i) {
        const Property& p = e->props[i];
        s += (i ? ", " : "") + (p.key ? show(p.key) + ": " + show(p.value) : "..." + show(p.value));
      }
      return s + "}";
    }
    case EK::For: {
      std::string s = "[for ";
      for (uint32_t i = 0; i < e->param_count; ++i) s += (i ? "," : "") + std::string(e->params[i]);
      s += " in " + show(e->a[0]) + ": ";
      if (e->a[2]) s += "if " + show(e->a[2]) + " ";
      return s + show(e->a[1]) + "]";
    }
    default: return "?";
  }
}

std::string expr(const std::string& source) {
  auto p = parse_text("var x = " + source + "\n");
  INFO(source << "\n" << errors(*p));
  REQUIRE(p->file.errors.empty());
  return show(var_value(*p));
}

}  // namespace

TEST_CASE("every declaration form of current Bicep parses") {
  auto p = parse_text(R"(targetScope = 'resourceGroup'
metadata info = { owner: 'team' }
import { naming, helper as h } from 'shared.bicep'
import * as types from 'types.bicep'
extension microsoftGraphV1
extension kubernetes with { namespace: 'default' } as k8s
provider 'sys@1.0.0'

@description('The server identity type.')
@allowed([
  'UserAssigned'
  'SystemAssigned,UserAssigned'
])
param identityType string = 'UserAssigned'
param tags object?
param zones string[] = []
param mode 'Default' | 'PointInTimeRestore'
param shape {
  @description('name') name: string
  size: int?
  *: string
}
param ids (string | int)[]?
param props resourceInput<'Microsoft.Storage/storageAccounts@2023-05-01'>.properties
param kv resource 'Microsoft.KeyVault/vaults@2023-07-01'
param custom types.naming
param createMode
  | 'Default'
  | 'Copy'

var plain = 1
var typed bool = true
@export()
type identityShape = {
  type: 'None' | 'UserAssigned'
  userAssignedIdentities: object?
}
@export()
func prefix(name string, n int) string => '${name}-${n}'

resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'uami'
  scope: resourceGroup('other-rg')
}

@batchSize(2)
resource servers 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = [for (name, i) in ['a', 'b']: if (i > 0) {
  name: name
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${uami.id}': {} } }

  resource db 'databases' = {
    name: 'db'
  }
  @description('config')
  resource cfg 'configurations@2024-08-01' = {
    name: 'cfg'
  }
}]

resource child 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = if (typed) {
  parent: servers[0]
  name: 'db2'
}

module local './pg.bicep' = {
  name: 'pg'
  params: { identityType: identityType }
}
module registry 'br/public:avm/res/db-for-postgre-sql/flexible-server:0.1.0' = if (plain > 0) {
  name: 'reg'
}
module spec 'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0' = [for i in range(0, 2): {
  name: 'spec${i}'
}]

output id string = uami.id
output server resourceOutput<'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01'>? = null
assert positive = plain > 0
)");
  INFO(errors(*p));
  CHECK(p->file.errors.empty());
  std::vector<std::string> names;
  for (const Decl* d : p->file.decls) names.push_back(std::string(d->name));
  const std::vector<std::string> expected = {
      "",     "info",    "",      "types",  "",      "k8s",          "",      "identityType", "tags",  "zones",
      "mode", "shape",   "ids",   "props",  "kv",    "custom",       "createMode", "plain", "typed", "identityShape",
      "prefix", "uami",  "servers", "child", "local", "registry",    "spec",  "id",           "server", "positive"};
  CHECK(names == expected);
  const Decl* servers = p->file.decls[22];
  CHECK(servers->kind == Decl::Kind::Resource);
  CHECK(servers->decorators.size() == 1);
  REQUIRE(servers->children.size() == 2);
  CHECK(servers->children[1]->name == "cfg");
  CHECK(servers->children[1]->parent_decl == servers);
  CHECK(p->file.decls[21]->existing);
  CHECK(p->file.decls[23]->condition != nullptr);
  CHECK(p->file.decls[7]->decorators.size() == 2);
}

TEST_CASE("a .bicepparam file: using, parameter values without types") {
  auto p = parse_text(R"(using './main.bicep'

param identityType = 'UserAssigned'
param ids = [
  'a'
]
param secret = az.getSecret('sub', 'rg', 'kv', 'name')
param fromEnv = readEnvironmentVariable('X', 'default')
)", true);
  INFO(errors(*p));
  CHECK(p->file.errors.empty());
  REQUIRE(p->file.decls.size() == 5);
  CHECK(p->file.decls[0]->kind == Decl::Kind::Using);
  CHECK(show(p->file.decls[3]->value) == "az.getSecret('sub', 'rg', 'kv', 'name')");
}

TEST_CASE("operator precedence follows Bicep") {
  CHECK(expr("a || b && c") == "(a || (b && c))");
  CHECK(expr("a ?? b || c") == "(a ?? (b || c))");
  CHECK(expr("a == b && c != d") == "((a == b) && (c != d))");
  CHECK(expr("a =~ b || c !~ d") == "((a =~ b) || (c !~ d))");
  CHECK(expr("1 + 2 * 3 - 4 % 2") == "((1 + (2 * 3)) - (4 % 2))");
  CHECK(expr("a < b == c >= d") == "((a < b) == (c >= d))");
  CHECK(expr("!a && -b > 0") == "((!a) && ((-b) > 0))");
  CHECK(expr("a ? b : c ? d : e") == "(a ? b : (c ? d : e))");
  CHECK(expr("a ?? b ? c : d") == "((a ?? b) ? c : d)");
  CHECK(expr("x!.y") == "x!.y");
  CHECK(expr("!x!") == "(!x!)");
}

TEST_CASE("postfix access, calls, lambdas, spread and loops") {
  CHECK(expr("a.b.?c[0][?'k']") == "a.b.?c[0][?'k']");
  CHECK(expr("parent::child::grandchild.id") == "parent::child::grandchild.id");
  CHECK(expr("sys.concat('a', az.resourceGroup().location)") == "sys.concat('a', az.resourceGroup().location)");
  CHECK(expr("map(xs, x => x.id)") == "map(xs, (x) => x.id)");
  CHECK(expr("reduce(xs, 0, (cur, next) => cur + next)") == "reduce(xs, 0, (cur, next) => (cur + next))");
  CHECK(expr("filter(xs, () => true)") == "filter(xs, () => true)");
  CHECK(expr("{ a: 1, ...rest, 'b-c': 2 }") == "{a: 1, ...rest, 'b-c': 2}");
  CHECK(expr("[1, ...more, 3]") == "[1, ...more, 3]");
  CHECK(expr("[for (x, i) in xs: if (i > 0) x.id]") == "[for x,i in xs: if (i > 0) x.id]");
  CHECK(expr("array[^1]") == "array[1]");
  CHECK(expr("(a)") == "a");
  // Newline-separated and comma-separated items mix; a leading '-' on a new line is a new item.
  CHECK(expr("[\n  1\n  -1, 2\n]") == "[1, (-1), 2]");
  // An operator starting the next line continues the expression.
  CHECK(expr("cond\n  ? 'a'\n  : 'b'") == "(cond ? 'a' : 'b')");
  CHECK(expr("first(\n  xs,\n  1\n)") == "first(xs, 1)");
}

TEST_CASE("strings: escapes, interpolation, multi-line") {
  CHECK(expr(R"('it\'s \\ \n\t \$ \u{1F600}')") == "'it's \\ \n\t $ \xF0\x9F\x98\x80'");
  CHECK(expr("'${a}-${b.c}x'") == "'${a}-${b.c}x'");
  CHECK(expr("'${'${nested}'}'") == "'${'${nested}'}'");
  CHECK(expr("'''\nline 1\n${not} interpolated\n'''") == "'line 1\n${not} interpolated\n'");
  CHECK(expr("''''quoted''''") == "''quoted''");
  CHECK(expr("$'''\nhello ${name}!\n'''") == "'hello ${name}!\n'");
  CHECK(expr("$$'''a $${x} ${y}'''") == "'a ${x} ${y}'");
}

TEST_CASE("spans are exact byte ranges") {
  const std::string text = "resource s 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {\n"
                           "  name: 's'\n"
                           "  identity: {\n    type: 'UserAssigned'\n  }\n}\n";
  auto p = parse_text(text);
  REQUIRE(p->file.errors.empty());
  const auto outline = outline_resources(p->file, p->text);
  REQUIRE(outline.size() == 1);
  CHECK(outline[0].symbolic_name == "s");
  CHECK(outline[0].type == "Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01");
  CHECK(outline[0].line == 1);
  REQUIRE(outline[0].has_identity);
  CHECK(text.substr(outline[0].identity.begin, outline[0].identity.end - outline[0].identity.begin) ==
        "{\n    type: 'UserAssigned'\n  }");
}

TEST_CASE("every expression's span covers it to its last character") {
  for (const std::string source :
       {"a[0]", "a[?'k']", "(a)", "f(x, y)", "sys.concat('a')", "a.b.?c", "a!", "-1", "!a", "a ?? b", "c ? a : b",
        "[for x in xs: x]", "{ a: 1 }", "[1, 2]", "'${a}b'", "x => x", "(a, b) => a", "parent::child",
        "'''\nmulti\n'''"}) {
    auto p = parse_text("var x = " + source + "\n");
    INFO(source << "\n" << errors(*p));
    REQUIRE(p->file.errors.empty());
    const Expr* e = var_value(*p);
    CHECK(p->text.substr(e->span.begin, e->span.end - e->span.begin) == source);
  }
  auto p = parse_text("resource r 'A.B/c@2020-01-01' = if (on && ready) {\n  name: 'r'\n}\n");
  REQUIRE(p->file.errors.empty());
  const Expr* condition = p->file.decls[0]->condition;
  CHECK(p->text.substr(condition->span.begin, condition->span.end - condition->span.begin) == "(on && ready)");
}

TEST_CASE("#disable-next-line directives and idlint-disable-next-line comments are kept") {
  auto p = parse_text(
      "param a string\n#disable-next-line IDL001 no-unused-params // why\nparam b string\n"
      "var c = {\n  #disable-next-line IDL002\n  d: 1 // idlint-disable-next-line IDL003 -- r\n"
      "  e: '// idlint-disable-next-line IDL004'\n  // idlint-disable-next-lines IDL005\n}\n");
  INFO(errors(*p));
  CHECK(p->file.errors.empty());
  using Kind = Directive::Kind;
  auto text = [&](const Directive& d) { return p->text.substr(d.span.begin, d.span.end - d.span.begin); };
  // A comment inside a string is not a comment; a longer word is a comment, not a directive.
  REQUIRE(p->file.directives.size() == 4);
  CHECK(p->file.directives[0].kind == Kind::DisableNextLine);
  CHECK(p->file.directives[0].line == 2);
  CHECK(text(p->file.directives[0]) == "#disable-next-line IDL001 no-unused-params // why");
  CHECK(p->file.directives[1].line == 5);
  CHECK(p->file.directives[2].kind == Kind::IdlintComment);
  CHECK(p->file.directives[2].line == 6);
  CHECK(text(p->file.directives[2]) == "// idlint-disable-next-line IDL003 -- r");
  CHECK(p->file.directives[3].line == 8);  // kept; the lowering finds that it names no directive
}

TEST_CASE("syntax errors have precise messages and parsing resumes at the next declaration") {
  SUBCASE("missing '=' in a .bicepparam") {
    auto p = parse_text("using 'main.bicep'\nparam x 'value'\n", true);
    REQUIRE(p->file.errors.size() == 1);
    CHECK(p->file.errors[0].message == "expected '=' after the parameter name, found a string");
  }
  SUBCASE("a parameter without a type") {
    auto p = parse_text("param x = 1\nresource r 'A.B/c@2020-01-01' = {\n  name: 'r'\n}\n");
    REQUIRE(p->file.errors.size() == 1);
    CHECK(p->file.errors[0].message == "expected a type after the parameter name, found '='");
    CHECK(p->file.errors[0].span.begin == 8);
    // The resource after the error is still parsed.
    REQUIRE(p->file.decls.size() == 1);
    CHECK(p->file.decls[0]->name == "r");
  }
  SUBCASE("an unterminated string") {
    auto p = parse_text("var a = 'abc\nvar b = 1\n");
    REQUIRE(p->file.errors.size() == 1);
    CHECK(p->file.errors[0].message == "unterminated string: the closing ' is missing");
    CHECK(p->file.errors[0].span.begin == 8);
    CHECK(p->file.decls.size() == 1);
  }
  SUBCASE("an object that is never closed names where it opened") {
    auto p = parse_text("resource r 'A.B/c@2020-01-01' = {\n  name: 'r'\n");
    REQUIRE(p->file.errors.size() == 1);
    CHECK(p->file.errors[0].message == "'{' is never closed: expected '}' to end the object");
    CHECK(p->file.errors[0].span.begin == 32);
  }
  SUBCASE("an unterminated block comment stops the file") {
    auto p = parse_text("var a = 1 /* never\nvar b = 2\n");
    REQUIRE(p->file.errors.size() == 1);
    CHECK(p->file.errors[0].message == "unterminated comment: '/*' has no '*/'");
  }
  SUBCASE("two broken declarations give two errors") {
    auto p = parse_text("var = 1\nvar ok = 2\nparam\nvar ok2 = 3\n");
    CHECK(p->file.errors.size() == 2);
    CHECK(p->file.decls.size() == 2);
  }
  SUBCASE("a property without ':'") {
    auto p = parse_text("var o = {\n  a 1\n}\n");
    REQUIRE(p->file.errors.size() == 1);
    CHECK(p->file.errors[0].message == "expected ':' after the property name, found a number");
  }
}

TEST_CASE("hostile input: deep nesting, garbage, many errors") {
  SUBCASE("nesting deeper than the limit is one error, not a stack overflow") {
    auto p = parse_text("var x = " + std::string(100000, '[') + "\nvar y = 1\n");
    REQUIRE(p->file.errors.size() == 1);
    CHECK(p->file.errors[0].message.find("nesting is too deep") != std::string::npos);
    CHECK(p->file.decls.size() == 1);
  }
  SUBCASE("deep parentheses and unary chains") {
    auto p = parse_text("var x = " + std::string(50000, '(') + "\nvar y = " + std::string(50000, '!') + "a\n");
    CHECK(p->file.errors.size() == 2);
  }
  SUBCASE("binary bytes") {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919) & 0xFF);
    auto p = parse_text(garbage);
    CHECK_FALSE(p->file.errors.empty());
    CHECK(p->file.errors.size() <= 50);
  }
  SUBCASE("the number of errors is capped") {
    std::string many;
    for (int i = 0; i < 1000; ++i) many += "param\n";
    auto p = parse_text(many);
    CHECK(p->file.errors.size() == 50);
  }
}
