// The ARM expression parser: IR shape, spans inside the JSON string, and errors.
#include <doctest/doctest.h>

#include "expr/arm_expression_parser.h"

using namespace idlint;

namespace {
struct Parsed {
  Arena arena;
  ExpressionParseResult r;
  explicit Parsed(std::string_view text, uint32_t offset = 100)
      : r(parse_arm_expression(text, offset, Span{0, 1}, arena)) {}
};
}  // namespace

TEST_CASE("parameters() and variables() with literal names become references") {
  Parsed p("parameters('identityType')");
  REQUIRE(p.r.node);
  CHECK(p.r.node->kind == ir::Node::Kind::Parameter);
  CHECK(p.r.node->text == "identityType");
  Parsed v("variables( 'x' )");
  REQUIRE(v.r.node);
  CHECK(v.r.node->kind == ir::Node::Kind::Variable);
}

TEST_CASE("calls, member and index access, literals") {
  Parsed p("if(equals(parameters('a'), 'it''s'), createObject('k', 1), variables('o').prop[0]['x'])");
  REQUIRE(p.r.node);
  const ir::Node& call = *p.r.node;
  CHECK(call.kind == ir::Node::Kind::Call);
  CHECK(call.text == "if");
  REQUIRE(call.arg_count == 3);
  CHECK(call.args[0]->args[1]->text == "it's");
  const ir::Node& access = *call.args[2];
  CHECK(access.kind == ir::Node::Kind::Index);
  CHECK(access.args[1]->text == "x");
  CHECK(access.args[0]->kind == ir::Node::Kind::Index);
  CHECK(access.args[0]->args[0]->kind == ir::Node::Kind::Member);
  CHECK(access.args[0]->args[0]->text == "prop");
}

TEST_CASE("spans are file offsets of each node") {
  Parsed p("concat('a', parameters('b'))", 100);
  REQUIRE(p.r.node);
  const ir::Node* a = p.r.node->args[0];
  CHECK(a->span.begin == 107);
  CHECK(a->span.end == 110);
  CHECK(p.r.node->span.begin == 100);
}

TEST_CASE("namespaced user functions and member access after a call") {
  Parsed p("contoso.uniqueName('x').length");
  REQUIRE(p.r.node);
  CHECK(p.r.node->kind == ir::Node::Kind::Member);
  CHECK(p.r.node->args[0]->text == "contoso.uniqueName");
  Parsed q("resourceGroup().location");
  REQUIRE(q.r.node);
  CHECK(q.r.node->kind == ir::Node::Kind::Member);
}

TEST_CASE("malformed expressions report what is wrong") {
  CHECK(Parsed("concat('a'").r.error.find("','") != std::string::npos);
  CHECK(Parsed("'unterminated").r.error.find("unterminated") != std::string::npos);
  CHECK_FALSE(Parsed("concat('a') extra").r.node);
  CHECK_FALSE(Parsed("").r.node);
  std::string deep;
  for (int i = 0; i < 500; ++i) deep += "concat(";
  CHECK_FALSE(Parsed(deep).r.node);
}

TEST_CASE("lambda() is a call whose leading arguments name the variables and whose last is the body") {
  Parsed p("map(parameters('a'), lambda('x', 'i', lambdaVariables('x')))");
  REQUIRE(p.r.node);
  REQUIRE(p.r.node->arg_count == 2);
  const ir::Node& l = *p.r.node->args[1];
  CHECK(l.kind == ir::Node::Kind::Call);
  CHECK(l.text == "lambda");
  REQUIRE(l.arg_count == 3);
  CHECK(l.args[0]->kind == ir::Node::Kind::String);
  CHECK(l.args[0]->text == "x");
  CHECK(l.args[1]->text == "i");
  CHECK(l.args[2]->kind == ir::Node::Kind::Call);
  CHECK(l.args[2]->text == "lambdaVariables");
  CHECK(l.args[2]->args[0]->text == "x");
}
