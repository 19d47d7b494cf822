// The examples in the rule documentation are linted: every rule's "## Example" shows the mistake in
// Bicep and in ARM JSON, and each example must give a finding of the rule; every block in "## Fix"
// must give no finding at all. The blocks are whole files, linted as a user would lint them after
// copying one out of `idlint explain`. What the Example section quotes ("gives `MESSAGE`, help
// `HELP`") must be what the examples give.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/lint.h"
#include "load/base_version.h"
#include "rules/rule.h"
#include "support.h"

using namespace idlint;

namespace {

// A fenced block of a rule's documentation.
struct DocExample {
  enum class Role { Mistake, Fixed, Base, Elsewhere } role = Role::Mistake;
  std::string language;  // the fence's info string: bicep, json
  std::string text;
  size_t line = 0;  // where the block starts in the doc (1-based), for messages
  bool closed = false;
};

// The fenced blocks of the "## Example" section (mistakes) and the "## Fix" section (fixed
// versions). A block whose label, the last line of prose above it, starts with "Base version" is the
// base version a transition rule compares the other blocks of its language with (`--base-file OLD`).
// Blocks elsewhere are returned as such, for the test to reject.
std::vector<DocExample> doc_examples(std::string_view doc) {
  std::vector<DocExample> out;
  std::string section;
  std::string label;
  bool in_block = false;
  DocExample current;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < doc.size()) {
    size_t end = doc.find('\n', pos);
    if (end == std::string_view::npos) end = doc.size();
    const std::string line(doc.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (in_block) {
      if (line == "```") {
        in_block = false;
        current.closed = true;
        out.push_back(current);
      } else {
        current.text += line + "\n";
      }
    } else if (line.rfind("```", 0) == 0) {
      in_block = true;
      current = DocExample{};
      current.language = line.substr(3);
      current.line = line_no;
      if (section != "## Example" && section != "## Fix")
        current.role = DocExample::Role::Elsewhere;
      else if (label.rfind("Base version", 0) == 0)
        current.role = DocExample::Role::Base;
      else
        current.role = section == "## Fix" ? DocExample::Role::Fixed : DocExample::Role::Mistake;
    } else if (line.rfind("## ", 0) == 0) {
      section = line;
      label.clear();
    } else if (!line.empty()) {
      label = line;
    }
  }
  if (in_block) out.push_back(current);  // not closed: rejected by the test
  return out;
}

// The messages an Example section quotes: "gives `MESSAGE`" or "give `MESSAGE`", each with the help
// line when ", help `HELP`" follows (empty otherwise). A quote may be wrapped over lines.
std::vector<std::pair<std::string, std::string>> quoted_messages(std::string_view doc) {
  const size_t begin = doc.find("## Example\n");
  if (begin == std::string_view::npos) return {};
  std::string section(doc.substr(begin, doc.find("\n## Fix\n", begin) - begin));
  std::replace(section.begin(), section.end(), '\n', ' ');
  std::vector<std::pair<std::string, std::string>> out;
  static const std::regex quote("gives? `([^`]+)`(, help `([^`]+)`)?");
  for (std::sregex_iterator it(section.begin(), section.end(), quote), end; it != end; ++it) {
    out.emplace_back((*it)[1].str(), (*it)[3].str());
  }
  return out;
}

const char* role_name(DocExample::Role role) {
  switch (role) {
    case DocExample::Role::Mistake:
      return "mistake";
    case DocExample::Role::Fixed:
      return "fix";
    case DocExample::Role::Base:
      return "base version";
    case DocExample::Role::Elsewhere:
      return "block outside Example and Fix";
  }
  return "?";
}

std::string extension_of(const std::string& language) { return language == "bicep" ? ".bicep" : ".json"; }

// Every finding in a lint result, as "IDL001 (error) 9:11: message", for failure messages.
std::string describe(const FileResult& r) {
  std::string out = r.error;
  for (const ResolvedFinding& f : r.findings) {
    out += "\n" + std::string(f.rule->id) + " " + std::to_string(f.primary.range.start.line) + ":" +
           std::to_string(f.primary.range.start.column) + ": " + f.message + (f.suppression ? " (suppressed)" : "");
  }
  return out;
}

}  // namespace

TEST_CASE("rule doc examples: the blocks of Example and Fix are found with their roles") {
  const std::vector<DocExample> examples = doc_examples(
      "## What it checks\ntext\n\n## Example\nBase version (`old.bicep`):\n```bicep\nparam a int\n```\n"
      "The linted version:\n```bicep\nparam b int\n```\n```json\n{}\n```\n\n## Fix\n```bicep\nparam c int\n```\n"
      "## References\n");
  REQUIRE(examples.size() == 4);
  CHECK(examples[0].role == DocExample::Role::Base);
  CHECK(examples[0].text == "param a int\n");
  CHECK(examples[0].line == 6);
  CHECK(examples[1].role == DocExample::Role::Mistake);
  CHECK(examples[2].role == DocExample::Role::Mistake);
  CHECK(examples[2].language == "json");
  CHECK(examples[3].role == DocExample::Role::Fixed);
  CHECK(examples[3].text == "param c int\n");
  CHECK(examples[3].closed);
  // A block outside Example and Fix, or one that is not closed, is returned for the test to reject.
  const std::vector<DocExample> elsewhere = doc_examples("## Why it matters\n```json\n{}\n```\n");
  REQUIRE(elsewhere.size() == 1);
  CHECK(elsewhere[0].role == DocExample::Role::Elsewhere);
  const std::vector<DocExample> open = doc_examples("## Example\n```json\n{}\n");
  REQUIRE(open.size() == 1);
  CHECK_FALSE(open[0].closed);
}

TEST_CASE("rule doc examples: the messages an Example section quotes are found, wrapped or not") {
  const auto quotes = quoted_messages(
      "## Why it matters\nit gives `not this`\n## Example\nBoth give `a b`, help `c\nd`; the JSON file gives\n`e`.\n"
      "## Fix\nthis gives `nor this`\n");
  REQUIRE(quotes.size() == 2);
  CHECK(quotes[0] == std::pair<std::string, std::string>("a b", "c d"));
  CHECK(quotes[1] == std::pair<std::string, std::string>("e", ""));
}

TEST_CASE("rule doc examples: each rule shows its mistake in Bicep and ARM JSON, linted, and its fixes lint clean") {
  for (const RuleInfo* rule : all_rules()) {
    CAPTURE(rule->id);
    const std::vector<DocExample> examples = doc_examples(rule->doc);
    const bool transition = rule->transition != nullptr;
    for (const char* language : {"bicep", "json"}) {
      CAPTURE(language);
      const auto count = [&](DocExample::Role role) {
        return std::count_if(examples.begin(), examples.end(),
                             [&](const DocExample& e) { return e.language == language && e.role == role; });
      };
      CHECK(count(DocExample::Role::Mistake) > 0);
      // A transition rule's example is a pair: the base version and the version linted against it.
      CHECK(count(DocExample::Role::Base) == (transition ? 1 : 0));
    }
    // The rule as `idlint --explain-unknown` runs IDL901, which is off by default.
    RuleSelection selection = RuleSelection::defaults();
    if (!selection.enabled(*rule)) selection.rules.push_back(rule);
    test::TempDir dir;
    // What the mistakes give: message and help of each finding of the rule, the base version named
    // as the doc names it (`idlint --base-file old.bicep main.bicep` run beside the files).
    std::set<std::pair<std::string, std::string>> given;
    const auto as_run_beside = [&](std::string text) {
      for (size_t at; (at = text.find(dir.root + "/")) != std::string::npos;) text.erase(at, dir.root.size() + 1);
      return text;
    };
    for (const DocExample& example : examples) {
      CAPTURE(example.line);
      CAPTURE(role_name(example.role));
      CAPTURE(example.text);
      REQUIRE_MESSAGE((example.language == "bicep" || example.language == "json"),
                      "a block in a rule's doc is ```bicep or ```json: '" << example.language << "'");
      REQUIRE_MESSAGE(example.closed, "the block is not closed");
      REQUIRE_MESSAGE(example.role != DocExample::Role::Elsewhere, "examples go in ## Example and ## Fix");
      if (example.role == DocExample::Role::Base) continue;
      const std::string ext = extension_of(example.language);
      LintOptions options;
      const auto base = std::find_if(examples.begin(), examples.end(), [&](const DocExample& e) {
        return e.role == DocExample::Role::Base && e.language == example.language;
      });
      if (base != examples.end()) options.base = std::make_shared<FileBase>(dir.put("old" + ext, base->text));
      const FileResult result = lint_file(dir.put("main" + ext, example.text), true, selection, options);
      CAPTURE(describe(result));
      CHECK(result.base_error.empty());
      if (example.role == DocExample::Role::Mistake) {
        CHECK(std::any_of(result.findings.begin(), result.findings.end(),
                          [&](const ResolvedFinding& f) { return f.rule == rule && !f.suppression; }));
        for (const ResolvedFinding& f : result.findings) {
          if (f.rule == rule) given.emplace(as_run_beside(f.message), as_run_beside(f.help));
        }
      } else {
        CHECK(result.status == FileResult::Status::Linted);
        CHECK(std::none_of(result.findings.begin(), result.findings.end(),
                           [&](const ResolvedFinding& f) { return !f.suppression; }));
      }
    }
    // The doc says what the examples give, exactly.
    const auto quotes = quoted_messages(rule->doc);
    CHECK_MESSAGE(!quotes.empty(), "the Example section quotes what idlint reports: Both give `MESSAGE`, help `HELP`");
    for (const auto& quote : quotes) {
      // Not structured bindings: clang 14 cannot capture them in the lambda (or CAPTURE's).
      const std::string& message = quote.first;
      const std::string& help = quote.second;
      CAPTURE(message);
      CAPTURE(help);
      CHECK(std::any_of(given.begin(), given.end(),
                        [&](const auto& g) { return g.first == message && (help.empty() || g.second == help); }));
    }
  }
}
