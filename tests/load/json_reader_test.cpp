// The JSON reader: values with spans, ARM comments, expressions, and exact syntax error positions.
#include <doctest/doctest.h>

#include "load/json_reader.h"
#include "model/source.h"

using namespace idlint;

namespace {
struct Read {
  Arena arena;
  JsonReadResult result;
  explicit Read(std::string_view text) : result(read_json(text, arena)) {}
};

Position error_position(std::string_view text) {
  Read r(text);
  REQUIRE(r.result.error.has_value());
  SourceFile f("x", std::string(text));
  return f.position(r.result.error->span.begin);
}
}  // namespace

TEST_CASE("objects, arrays and scalars keep their spans") {
  const std::string_view text = R"({"a": [1, true, null, "s"], "b": {"c": -2.5e3}})";
  Read r(text);
  REQUIRE(r.result.root);
  const Value* a = r.result.root->find("A");  // property names are case-insensitive
  REQUIRE(a);
  REQUIRE(a->is_array());
  CHECK(a->size == 4);
  CHECK(text.substr(a->span.begin, a->span.end - a->span.begin) == R"([1, true, null, "s"])");
  CHECK(a->items[3].text == "s");
  CHECK(text.substr(a->items[3].span.begin, 3) == "\"s\"");
  CHECK(r.result.root->find("b")->find("c")->text == "-2.5e3");
}

TEST_CASE("ARM expressions and the [[ escape") {
  Read r(R"({"e": "[parameters('x')]", "lit": "[[not an expression]", "plain": "[abc"})");
  REQUIRE(r.result.root);
  const Value* e = r.result.root->find("e");
  CHECK(e->is_expr());
  CHECK(e->text == "parameters('x')");
  CHECK(e->text_offset == e->span.begin + 2);
  CHECK(r.result.root->find("lit")->is_string());
  CHECK(r.result.root->find("lit")->text == "[not an expression]");
  CHECK(r.result.root->find("plain")->is_string());
}

TEST_CASE("escapes are decoded; an escaped expression loses exact inner offsets") {
  Read r(R"({"s": "a\"b\u00e9\n", "e": "[concat('\u0041', 'b')]"})");
  REQUIRE(r.result.root);
  CHECK(r.result.root->find("s")->text == "a\"b\xC3\xA9\n");
  CHECK(r.result.root->find("e")->is_expr());
  CHECK(r.result.root->find("e")->text_offset == Value::kNoOffset);
}

TEST_CASE("each JSON escape decodes to its own character, and \\u escapes in either case") {
  Read r(R"({"s": "<\"|\\|\/|\b|\f|\n|\r|\t>", "u": "\u0041\u00e9\u00E9\u20aC\u0009"})");
  REQUIRE(r.result.root);
  CHECK(r.result.root->find("s")->text == "<\"|\\|/|\b|\f|\n|\r|\t>");
  CHECK(r.result.root->find("u")->text == "A\xC3\xA9\xC3\xA9\xE2\x82\xAC\t");
}

TEST_CASE("line and block comments and trailing commas are accepted, as ARM does") {
  Read r("// header\n{ /* a */ \"a\": 1, // x\n \"b\": [1, 2,], }\n");
  REQUIRE(r.result.root);
  CHECK(r.result.root->find("b")->size == 2);
}

TEST_CASE("syntax errors point at the first offending character") {
  SUBCASE("missing comma: the next member") {
    const Position p = error_position("{\n  \"a\": 1\n  \"b\": 2\n}");
    CHECK(p.line == 3);
    CHECK(p.column == 3);
  }
  SUBCASE("unterminated string: its opening quote") {
    const Position p = error_position("{\n  \"a\": \"abc\n}");
    CHECK(p.line == 2);
    CHECK(p.column == 8);
  }
  SUBCASE("unterminated block comment: its start") {
    const Position p = error_position("{\"a\": 1} /* never closed");
    CHECK(p.column == 10);
  }
  SUBCASE("garbage after the value") {
    const Position p = error_position("{\"a\": 1}\n]");
    CHECK(p.line == 2);
    CHECK(p.column == 1);
  }
  SUBCASE("truncated file: the end") {
    Read r("{\"a\": [1, 2");
    REQUIRE(r.result.error);
    CHECK(r.result.error->message == "unexpected end of file: the '[' opened on line 1 is not closed");
    CHECK(r.result.error->span.begin == 11);
  }
  SUBCASE("single quotes are not JSON strings") {
    Read r("{'a': 1}");
    REQUIRE(r.result.error);
    CHECK(r.result.error->message.find("double quotes") != std::string::npos);
  }
  SUBCASE("binary content") {
    Read r(std::string_view("{\"a\": \0\1\2", 9));
    REQUIRE(r.result.error);
    CHECK(r.result.error->message.find("NUL byte") != std::string::npos);
  }
  SUBCASE("empty file") {
    Read r("  \n");
    REQUIRE(r.result.error);
    CHECK(r.result.error->message.find("empty") != std::string::npos);
  }
}

TEST_CASE("deep nesting is an error, not a stack overflow") {
  const std::string deep(100000, '[');
  Read r(deep);
  REQUIRE(r.result.error);
  CHECK(r.result.error->message.find("nesting") != std::string::npos);
}
