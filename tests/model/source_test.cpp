// Positions: lines and code-point columns through BOMs, CRLF, tabs and multi-byte characters.
#include <doctest/doctest.h>

#include "model/source.h"
#include "rules/rule.h"
#include "support.h"

using namespace idlint;

TEST_CASE("positions are 1-based lines and code-point columns") {
  SourceFile f("x", "ab\ncd\n");
  CHECK(f.position(0).line == 1);
  CHECK(f.position(0).column == 1);
  CHECK(f.position(3).line == 2);
  CHECK(f.position(4).column == 2);
}

TEST_CASE("a UTF-8 byte order mark is not a column") {
  SourceFile f("x", "\xEF\xBB\xBF{\"a\": 1}");
  CHECK(f.had_bom());
  CHECK(f.text().front() == '{');
  const LineColumnRange r = f.range(Span{6, 7});  // the value 1
  CHECK(r.start.line == 1);
  CHECK(r.start.column == 7);
}

TEST_CASE("CRLF line ends count once and are not part of the line text") {
  SourceFile f("x", "{\r\n  \"a\": 1\r\n}\r\n");
  CHECK(f.position(6).line == 2);  // the 'a' after the quote on line 2
  CHECK(f.position(6).column == 4);
  CHECK(f.line_text(2) == "  \"a\": 1");
  CHECK(f.position(static_cast<uint32_t>(f.text().find('}'))).line == 3);
}

TEST_CASE("a tab is one column") {
  SourceFile f("x", "\t\t\"v\"");
  CHECK(f.position(2).column == 3);
}

TEST_CASE("multi-byte characters are one column each, and the last character is inclusive") {
  // "é" is 2 bytes, "€" 3 bytes, "😀" 4 bytes.
  const std::string text = "\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\" x";
  SourceFile f("x", text);
  const size_t x = text.find('x');
  CHECK(f.position(static_cast<uint32_t>(x)).column == 7);  // quote, é, €, 😀, quote, space, x
  const LineColumnRange r = f.range(Span{1, 10});           // é€😀
  CHECK(r.start.column == 2);
  CHECK(r.last.column == 4);
}

TEST_CASE("positions reported for findings follow the same conventions end to end") {
  // A BOM, CRLF, a tab and a multi-byte character before the offending value.
  const std::string text =
      "\xEF\xBB\xBF{\r\n"
      "  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\r\n"
      "  \"resources\": [{\r\n"
      "    \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"apiVersion\": \"2022-12-01\", \"name\": "
      "\"p\xC3\xA9\",\r\n"
      "\t\"identity\": {\"type\": \"SystemAssigned, UserAssigned\"}\r\n"
      "  }]\r\n"
      "}\r\n";
  RuleSelection only_idl001;
  only_idl001.rules = {find_rule("IDL001")};
  const FileResult r = lint_text("t.json", text, true, only_idl001);
  REQUIRE(r.findings.size() == 1);
  const ResolvedFinding& f = r.findings[0];
  CHECK(f.rule->id == "IDL001");
  CHECK(f.primary.range.start.line == 5);
  CHECK(f.primary.range.start.column == 23);
  CHECK(f.primary.range.last.line == 5);
  CHECK(f.primary.range.last.column == 52);
}
