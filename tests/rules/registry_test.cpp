// Meta-test over the rule table: ids, names, summaries, docs, fixtures for every rule.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "cli/app.h"
#include "rules/rule.h"
#include "support.h"

using namespace idlint;
namespace fs = std::filesystem;

TEST_CASE("rule ids are unique, sorted and well-formed") {
  std::set<std::string_view> ids;
  std::string_view previous;
  for (const RuleInfo* r : all_rules()) {
    CHECK(std::regex_match(std::string(r->id), std::regex("IDL[0-9]{3}")));
    CHECK(std::regex_match(std::string(r->name), std::regex("[a-z]+(-[a-z]+)*")));
    CHECK(std::regex_match(std::string(r->sarif_name), std::regex("([A-Z][a-z]+)+")));
    CHECK(ids.insert(r->id).second);
    CHECK(previous < r->id);
    previous = r->id;
    CHECK(find_rule(r->id) == r);
    CHECK(find_rule(r->name) == r);
  }
}

TEST_CASE("summaries are one sentence ending with a period; docs have every section") {
  for (const RuleInfo* r : all_rules()) {
    CAPTURE(r->id);
    CHECK(r->summary.back() == '.');
    for (const char* section : {"## What it checks", "## Why it matters", "## Example", "## Fix", "## References"}) {
      CHECK(r->doc.find(section) != std::string_view::npos);
    }
    // Every rule runs: a check over one resource, a transition over two versions, or the engine
    // (IDL900 syntax errors, IDL902 unused suppressions).
    CHECK((r->check != nullptr || r->transition != nullptr || r->id == "IDL900" || r->id == "IDL902"));
    CHECK(!(r->check && r->transition));
  }
}

namespace {
// Whether a fixture expects a finding of a rule matching rule_pattern that is not suppressed.
bool expects_unsuppressed(const std::string& text, const std::string& rule_pattern) {
  return std::regex_search(text, std::regex("expect:[^\n]*" + rule_pattern + "(?!\\s*\\(suppressed)"));
}
}  // namespace

// In both formats. Failing: a finding of the rule that counts. Passing: nothing that counts (no
// finding, or only suppressed ones). A transition rule's base versions (X.base.json, X.base.bicep)
// are part of the fixture beside them and count as neither.
TEST_CASE("every rule has failing and passing fixtures in both formats") {
  CHECK(expects_unsuppressed("// expect: IDL001 (suppressed), IDL902", "IDL902"));
  CHECK_FALSE(expects_unsuppressed("// expect: IDL001 (suppressed)\n", "IDL[0-9]{3}"));
  for (const RuleInfo* r : all_rules()) {
    CAPTURE(r->id);
    const fs::path dir = fs::path(IDLINT_SOURCE_DIR) / "testdata" / std::string(r->id);
    REQUIRE(fs::is_directory(dir));
    std::map<std::string, int> failing;
    std::map<std::string, int> passing;
    for (const auto& e : fs::directory_iterator(dir)) {
      const fs::path& p = e.path();
      if (p.stem().extension() == ".base") continue;
      const std::string format = p.extension() == ".bicep" ? "bicep" : "json";
      const std::string text = test::read_file(p.string());
      if (expects_unsuppressed(text, std::string(r->id)))
        ++failing[format];
      else if (!expects_unsuppressed(text, "IDL[0-9]{3}"))
        ++passing[format];
    }
    for (const char* format : {"json", "bicep"}) {
      CAPTURE(format);
      CHECK(failing[format] > 0);
      CHECK(passing[format] > 0);
    }
  }
}

TEST_CASE("docs/rules is generated from the rule table and up to date") {
  for (const RuleInfo* r : all_rules()) {
    CAPTURE(r->id);
    const std::string path = std::string(IDLINT_SOURCE_DIR) + "/docs/rules/" + std::string(r->id) + ".md";
    CHECK_MESSAGE(test::read_file(path) == rule_doc_markdown(*r),
                  "regenerate with: build/idlint --write-rule-docs docs/rules");
  }
}
