// The annotated-fixture runner: every template under testdata/<RULE>/ is linted with that rule (and
// IDL900); each `// expect: ID ["message part"]` must be matched by a finding starting on that line,
// each `// related: ID` by a related location on that line, and no other finding may appear.
#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <map>
#include <regex>

#include "engine/lint.h"
#include "rules/rule.h"
#include "support.h"

using namespace idlint;
namespace fs = std::filesystem;

namespace {

struct Expectation {
  uint32_t line;
  std::string rule;
  std::string message_part;
};

std::vector<Expectation> parse_expectations(const std::string& text, const char* marker) {
  std::vector<Expectation> out;
  uint32_t line = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ++line;
    const std::string l = text.substr(start, end - start);
    const size_t at = l.find(marker);
    if (at != std::string::npos && l.rfind("//", at) != std::string::npos) {
      // IDs separated by commas, each optionally followed by a "quoted message part".
      static const std::regex item(R"re((IDL[0-9]{3})(\s+"([^"]*)")?)re");
      const std::string rest = l.substr(at + std::strlen(marker));
      for (std::sregex_iterator it(rest.begin(), rest.end(), item), e; it != e; ++it) {
        out.push_back({line, (*it)[1], (*it)[3]});
      }
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("annotated fixtures produce exactly the expected findings") {
  const fs::path root = fs::path(IDLINT_SOURCE_DIR) / "testdata";
  size_t files = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    const RuleInfo* rule = find_rule(dir.path().filename().string());
    REQUIRE_MESSAGE(rule, "testdata folder not named after a rule: " << dir.path());
    RuleSelection selection;
    selection.rules = {rule};
    std::vector<fs::path> paths;
    for (const auto& e : fs::directory_iterator(dir.path())) {
      const std::string ext = e.path().extension().string();
      if (ext == ".json" || ext == ".jsonc") paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const fs::path& path : paths) {
      ++files;
      const std::string text = test::read_file(path.string());
      const std::string rel = fs::relative(path, root).string();
      CAPTURE(rel);
      const FileResult result = lint_file(path.string(), true, selection);
      std::vector<Expectation> expected;
      for (Expectation& e : parse_expectations(text, "expect:")) {
        if (e.rule == rule->id || e.rule == "IDL900") expected.push_back(e);
      }
      std::vector<bool> matched(result.findings.size(), false);
      for (const Expectation& e : expected) {
        bool found = false;
        for (size_t i = 0; i < result.findings.size() && !found; ++i) {
          const ResolvedFinding& f = result.findings[i];
          if (matched[i] || f.rule->id != e.rule || f.primary.range.start.line != e.line) continue;
          if (!e.message_part.empty() && f.message.find(e.message_part) == std::string::npos) continue;
          matched[i] = found = true;
        }
        CHECK_MESSAGE(found, "missing " << e.rule << " at " << rel << ":" << e.line
                                        << (e.message_part.empty() ? "" : " with \"" + e.message_part + "\""));
      }
      for (size_t i = 0; i < result.findings.size(); ++i) {
        const ResolvedFinding& f = result.findings[i];
        CHECK_MESSAGE(matched[i], "unexpected " << f.rule->id << " at " << rel << ":" << f.primary.range.start.line
                                                << ":" << f.primary.range.start.column << ": " << f.message);
      }
      for (const Expectation& e : parse_expectations(text, "related:")) {
        bool found = false;
        for (const ResolvedFinding& f : result.findings) {
          if (f.rule->id != e.rule) continue;
          for (const ResolvedLocation& l : f.related) found = found || l.range.start.line == e.line;
        }
        CHECK_MESSAGE(found, "missing related location of " << e.rule << " at " << rel << ":" << e.line);
      }
    }
  }
  CHECK(files > 50);
}
