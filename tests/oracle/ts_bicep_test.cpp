// The tree-sitter-bicep oracle itself: what it reports on small Bicep texts whose outline is known
// by hand, so that a difference in the differential test points at idlint's parser, not the oracle.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "oracle/ts_bicep.h"

using idlint::oracle::parse_bicep_with_tree_sitter;
using idlint::oracle::time_tree_sitter_parse;
using idlint::oracle::TsResource;
using idlint::oracle::TsResult;

namespace {

std::string identity_text(std::string_view text, const TsResource& r) {
  REQUIRE(r.has_identity);
  REQUIRE(r.identity_begin <= r.identity_end);
  REQUIRE(r.identity_end <= text.size());
  return std::string(text.substr(r.identity_begin, r.identity_end - r.identity_begin));
}

}  // namespace

TEST_CASE("a decorated top-level resource: name, decoded type, keyword line, identity value span") {
  const std::string_view text =
      "param location string\n"
      "@description('the server')\n"
      "@batchSize(1)\n"
      "resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {\n"
      "  name: 'pg'\n"
      "  identity: {\n"
      "    type: 'SystemAssigned'\n"
      "  }\n"
      "}\n";
  const TsResult r = parse_bicep_with_tree_sitter(text);
  CHECK_FALSE(r.has_error);
  REQUIRE(r.resources.size() == 1);
  CHECK(r.resources[0].symbolic_name == "server");
  CHECK(r.resources[0].type == "Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01");
  CHECK(r.resources[0].line == 4);  // the `resource` keyword, not the decorators above it
  CHECK(identity_text(text, r.resources[0]) == "{\n    type: 'SystemAssigned'\n  }");
}

TEST_CASE("nested child resources come in pre-order, decorated or not") {
  const std::string_view text =
      "resource a 'A/b@1' = {\n"
      "  name: 'a'\n"
      "  @description('child')\n"
      "  resource c1 'c@1' = {\n"
      "    name: 'c1'\n"
      "    resource g 'g@1' existing = {\n"
      "      name: 'g'\n"
      "      identity: gid\n"
      "    }\n"
      "  }\n"
      "  resource c2 'c@1' = {\n"
      "    name: 'c2'\n"
      "  }\n"
      "  identity: aid\n"
      "}\n"
      "resource b 'B/c@2' = {\n"
      "  name: 'b'\n"
      "}\n";
  const TsResult r = parse_bicep_with_tree_sitter(text);
  CHECK_FALSE(r.has_error);
  REQUIRE(r.resources.size() == 5);
  CHECK(r.resources[0].symbolic_name == "a");
  CHECK(r.resources[1].symbolic_name == "c1");
  CHECK(r.resources[1].line == 4);
  CHECK(r.resources[2].symbolic_name == "g");
  CHECK(r.resources[2].type == "g@1");
  CHECK(r.resources[3].symbolic_name == "c2");
  CHECK(r.resources[4].symbolic_name == "b");
  CHECK(r.resources[4].line == 16);
  // A child's identity belongs to the child; the parent's own comes after its children.
  CHECK(identity_text(text, r.resources[0]) == "aid");
  CHECK_FALSE(r.resources[1].has_identity);
  CHECK(identity_text(text, r.resources[2]) == "gid");
  CHECK_FALSE(r.resources[3].has_identity);
  CHECK_FALSE(r.resources[4].has_identity);
}

TEST_CASE("the body after `if (...)`, of a for loop, and of a for loop with `if`") {
  const std::string_view text =
      "resource i 'A/b@1' = if (deploy) {\n"
      "  identity: { type: 'None' }\n"
      "}\n"
      "resource f 'A/b@1' = [for x in xs: {\n"
      "  identity: x.identity\n"
      "}]\n"
      "resource fi 'A/b@1' = [for (x, n) in xs: if (n > 0) {\n"
      "  name: x\n"
      "  identity: null\n"
      "}]\n"
      "resource plain 'A/b@1' = [for x in xs: x]\n";
  const TsResult r = parse_bicep_with_tree_sitter(text);
  CHECK_FALSE(r.has_error);
  REQUIRE(r.resources.size() == 4);
  CHECK(identity_text(text, r.resources[0]) == "{ type: 'None' }");
  CHECK(identity_text(text, r.resources[1]) == "x.identity");
  CHECK(identity_text(text, r.resources[2]) == "null");
  CHECK(r.resources[3].symbolic_name == "plain");
  CHECK_FALSE(r.resources[3].has_identity);  // the loop body is not an object
}

TEST_CASE("only a direct `identity` member counts: bare or plain quoted key, the first of several") {
  const std::string_view text =
      "resource q 'A/b@1' = {\n"
      "  'identity': 'quoted'\n"
      "  identity: 'second'\n"
      "}\n"
      "resource deep 'A/b@1' = {\n"
      "  properties: {\n"
      "    identity: 'not the resource identity'\n"
      "  }\n"
      "  '${key}': 'interpolated key'\n"
      "  identities: 'other name'\n"
      "  Identity: 'other case'\n"
      "}\n"
      "module m 'm.bicep' = {\n"
      "  identity: 'a module is not a resource'\n"
      "}\n";
  const TsResult r = parse_bicep_with_tree_sitter(text);
  CHECK_FALSE(r.has_error);
  REQUIRE(r.resources.size() == 2);
  CHECK(identity_text(text, r.resources[0]) == "'quoted'");
  CHECK_FALSE(r.resources[1].has_identity);
}

TEST_CASE("the type string is decoded; an interpolated one gives an empty type") {
  const std::string_view text =
      "resource e 'A/b\\u{40}2024-01-01\\$x\\'y\\\\z' = {}\n"
      "resource t 'A/${kind}@1' = {}\n"
      "resource m '''A/b@1''' = {}\n";
  const TsResult r = parse_bicep_with_tree_sitter(text);
  CHECK_FALSE(r.has_error);
  REQUIRE(r.resources.size() == 3);
  CHECK(r.resources[0].type == "A/b@2024-01-01$x'y\\z");
  CHECK(r.resources[1].type.empty());
  CHECK(r.resources[2].type == "A/b@1");
}

TEST_CASE("lines: LF, CRLF and a lone CR each end one line; offsets are bytes") {
  const std::string_view crlf = "// é\r\n\r\nresource a 'A/b@1' = {\r\n  identity: x\r\n}\r\n";
  TsResult r = parse_bicep_with_tree_sitter(crlf);
  CHECK_FALSE(r.has_error);
  REQUIRE(r.resources.size() == 1);
  CHECK(r.resources[0].line == 3);
  CHECK(r.resources[0].identity_begin == crlf.find("x\r\n}"));
  CHECK(r.resources[0].identity_end == r.resources[0].identity_begin + 1);

  const std::string_view cr = "param p string\r\rresource a 'A/b@1' = {}\n";
  r = parse_bicep_with_tree_sitter(cr);
  REQUIRE(r.resources.size() == 1);
  CHECK(r.resources[0].line == 3);
}

TEST_CASE("comments between the parts of a declaration are skipped") {
  const std::string_view text =
      "resource /* name */ a 'A/b@1' /* before = */ = // after =\n"
      "  {\n"
      "    // a comment before the property\n"
      "    identity /* key */ : /* value */ ident // trailing\n"
      "  }\n";
  const TsResult r = parse_bicep_with_tree_sitter(text);
  CHECK_FALSE(r.has_error);
  REQUIRE(r.resources.size() == 1);
  CHECK(r.resources[0].symbolic_name == "a");
  CHECK(identity_text(text, r.resources[0]) == "ident");
}

TEST_CASE("errors: broken text is flagged, resources before the damage are still outlined") {
  const TsResult missing_brace = parse_bicep_with_tree_sitter("resource a 'A/b@1' = {\n  name: 'x'\n");
  CHECK(missing_brace.has_error);

  const TsResult garbage = parse_bicep_with_tree_sitter(
      "resource a 'A/b@1' = {\n  identity: x\n}\n"
      "resource = = {\n");
  CHECK(garbage.has_error);
  REQUIRE_FALSE(garbage.resources.empty());
  CHECK(garbage.resources[0].symbolic_name == "a");

  CHECK_FALSE(parse_bicep_with_tree_sitter("").has_error);
  CHECK(parse_bicep_with_tree_sitter("").resources.empty());
}

TEST_CASE("the timing entry point parses the same way") {
  bool has_error = true;
  const double seconds = time_tree_sitter_parse("resource a 'A/b@1' = {}\n", &has_error);
  CHECK_FALSE(has_error);
  CHECK(seconds >= 0);
  time_tree_sitter_parse("resource a 'A/b@1' = {\n", &has_error);
  CHECK(has_error);
}
