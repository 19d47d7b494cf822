// The annotated-fixture runner: every template under testdata/<RULE>/ (ARM JSON and Bicep) is linted
// with that rule (and IDL900); each `// expect: ID [(suppressed ["justification part"])] ["message
// part"]` must be matched by a finding starting on that line, suppressed or not as written, each
// `// related: ID` by a related location of that rule on that line of that file, and no other
// finding may appear. Each JSON fixture has a Bicep twin that must produce the same findings.
//
// Base versions (transition rules, IDL020-IDL024): in a transition rule's folder every fixture
// X.json has its base version X.base.json beside it and is linted with it as --base-file does;
// X.bicep uses X.base.bicep, or X.base.json when there is no X.base.bicep (a deployed resource's
// JSON, as `az resource show` or `az postgres flexible-server show` prints it, is the base of both
// formats and has no Bicep twin; a template X.base.json has one). A base file is part of its
// fixture, not a fixture of its own: it must parse and lint clean on its own, may hold
// `// related:` annotations (the base value a finding quotes), which the fixtures using it must
// match, and never `// expect:`. A base file without its fixture beside it, a base outside a
// transition rule's folder, a transition fixture without a base and a base that leaves a note
// (unreadable, does not parse, not a template: nothing would be compared) fail the runner.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "cli/discover.h"
#include "engine/lint.h"
#include "load/arm_template.h"
#include "load/base_version.h"
#include "load/parameter_file.h"
#include "rules/rule.h"
#include "support.h"

using namespace idlint;
namespace fs = std::filesystem;

namespace {

struct Expectation {
  uint32_t line;
  std::string rule;
  std::string message_part;
  bool suppressed = false;  // `(suppressed)`: an in-source suppression covers the finding
  std::string justification_part;
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
      // IDs separated by commas, each optionally followed by `(suppressed ["justification part"])`
      // and a "quoted message part".
      static const std::regex item(R"re((IDL[0-9]{3})(\s+\(suppressed(\s+"([^"]*)")?\))?(\s+"([^"]*)")?)re");
      const std::string rest = l.substr(at + std::strlen(marker));
      for (std::sregex_iterator it(rest.begin(), rest.end(), item), e; it != e; ++it) {
        out.push_back({line, (*it)[1], (*it)[6], (*it)[2].matched, (*it)[4]});
      }
    }
    start = end + 1;
  }
  return out;
}

// Whether finding f answers expectation e (in the same file): rule, line, suppression, message.
bool answers(const ResolvedFinding& f, const Expectation& e) {
  if (f.rule->id != e.rule || f.primary.range.start.line != e.line) return false;
  if (f.suppression.has_value() != e.suppressed) return false;
  if (!e.justification_part.empty() && f.suppression->justification.find(e.justification_part) == std::string::npos) {
    return false;
  }
  // What the user reads: the statement, or the help line under it.
  return e.message_part.empty() || f.message.find(e.message_part) != std::string::npos ||
         f.help.find(e.message_part) != std::string::npos;
}

std::string describe(const Expectation& e, const std::string& where) {
  std::string s = e.rule + (e.suppressed ? " (suppressed)" : "") + " at " + where + ":" + std::to_string(e.line);
  if (!e.justification_part.empty()) s += " justified with \"" + e.justification_part + "\"";
  if (!e.message_part.empty()) s += " with \"" + e.message_part + "\"";
  return s;
}

std::string describe(const ResolvedFinding& f, const std::string& where) {
  return std::string(f.rule->id) + (f.suppression ? " (suppressed)" : "") + " at " + where + ":" +
         std::to_string(f.primary.range.start.line) + ":" + std::to_string(f.primary.range.start.column) + ": " +
         f.message + (f.help.empty() ? "" : " = help: " + f.help);
}

bool is_json_file(const fs::path& p) {
  return (p.extension() == ".json" || p.extension() == ".jsonc") && !is_parameter_file_name(p.string());
}
bool is_bicep_fixture(const fs::path& p) { return p.extension() == ".bicep"; }
// X.base.json, X.base.jsonc, X.base.bicep: the base version of fixture X (see the top of this file).
bool is_base_file(const fs::path& p) { return p.stem().extension() == ".base"; }
bool is_json_fixture(const fs::path& p) { return is_json_file(p) && !is_base_file(p); }

// The fixture beside a base file, in its format: X.base.json -> X.json.
fs::path fixture_of_base(const fs::path& base) {
  return base.parent_path() / (base.stem().stem().string() + base.extension().string());
}

// The base version a fixture is linted with, or an empty path when it has none.
fs::path base_of(const fs::path& fixture) {
  const fs::path dir = fixture.parent_path();
  const std::string stem = fixture.stem().string();
  std::vector<std::string> candidates = {stem + ".base" + fixture.extension().string()};
  if (is_bicep_fixture(fixture)) candidates.insert(candidates.end(), {stem + ".base.json", stem + ".base.jsonc"});
  for (const std::string& name : candidates) {
    if (fs::exists(dir / name)) return dir / name;
  }
  return {};
}

struct RuleFolder {
  fs::path dir;
  const RuleInfo* rule = nullptr;
  // The folder's rule only (IDL900 is raised whenever a file does not parse); for IDL902, which
  // judges the suppressions of other rules' findings, every rule that runs by default.
  RuleSelection selection;
  std::vector<fs::path> files;  // the fixtures, without their base versions
  std::vector<fs::path> bases;  // the base versions
};

// The rule folders under testdata/, each with its fixtures in both formats, sorted by name.
std::vector<RuleFolder> rule_folders(const fs::path& root) {
  std::vector<RuleFolder> out;
  for (const auto& dir : fs::directory_iterator(root)) {
    // values/: cross-file scenarios; hostile/: run each under memory and time limits (tests/hostile).
    if (!dir.is_directory() || dir.path().filename() == "values" || dir.path().filename() == "hostile") continue;
    RuleFolder folder;
    folder.dir = dir.path();
    folder.rule = find_rule(dir.path().filename().string());
    REQUIRE_MESSAGE(folder.rule, "testdata folder not named after a rule: " << dir.path());
    folder.selection.rules = {folder.rule};
    if (folder.rule->id == "IDL902") folder.selection = RuleSelection::defaults();
    for (const auto& e : fs::directory_iterator(dir.path())) {
      if (!is_json_file(e.path()) && !is_bicep_fixture(e.path())) continue;
      (is_base_file(e.path()) ? folder.bases : folder.files).push_back(e.path());
    }
    std::sort(folder.files.begin(), folder.files.end());
    std::sort(folder.bases.begin(), folder.bases.end());
    out.push_back(std::move(folder));
  }
  std::sort(out.begin(), out.end(), [](const RuleFolder& a, const RuleFolder& b) { return a.dir < b.dir; });
  return out;
}

// A fixture linted as the command line lints it: with its base version as --base-file, if it has one.
// values_as_written false: a Bicep file's values are shown as evaluated, as a JSON twin shows them
// (the two formats are compared so; messages in Bicep terms are asserted by the Bicep fixtures).
FileResult lint_fixture(const RuleFolder& folder, const fs::path& path, bool values_as_written = true) {
  LintOptions options;
  if (const fs::path base = base_of(path); !base.empty()) options.base = std::make_shared<FileBase>(base.string());
  RuleSelection rules = folder.selection;
  rules.bicep_values_as_written = values_as_written;
  return lint_file(path.string(), true, rules, options);
}

bool same_file(const std::string& a, const fs::path& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec);
}

void check_annotated_fixture(const fs::path& root, const RuleFolder& folder, const fs::path& path) {
  const std::string text = test::read_file(path.string());
  const std::string rel = fs::relative(path, root).string();
  CAPTURE(rel);
  const fs::path base = base_of(path);
  const FileResult result = lint_fixture(folder, path);
  if (!base.empty()) {
    // A base that cannot be read or does not parse leaves nothing compared: every fixture would pass.
    CHECK_MESSAGE(result.base_error.empty(), result.base_error);
    for (const std::string& note : result.notes) FAIL_CHECK("note: " << note);
  }
  std::vector<Expectation> expected;
  for (Expectation& e : parse_expectations(text, "expect:")) {
    const RuleInfo* rule = find_rule(e.rule);
    if ((rule && folder.selection.enabled(*rule)) || e.rule == "IDL900") expected.push_back(e);
  }
  std::vector<bool> matched(result.findings.size(), false);
  for (const Expectation& e : expected) {
    bool found = false;
    for (size_t i = 0; i < result.findings.size() && !found; ++i) {
      const ResolvedFinding& f = result.findings[i];
      if (matched[i] || !answers(f, e) || !same_file(f.primary.path, path)) continue;
      matched[i] = found = true;
    }
    CHECK_MESSAGE(found, "missing " << describe(e, rel));
  }
  for (size_t i = 0; i < result.findings.size(); ++i) {
    CHECK_MESSAGE(matched[i], "unexpected " << describe(result.findings[i], result.findings[i].primary.path));
  }
  // `// related:` in the fixture, and in its base version: a related location in that file.
  std::vector<fs::path> annotated = {path};
  if (!base.empty()) annotated.push_back(base);
  for (const fs::path& file : annotated) {
    const std::string file_rel = fs::relative(file, root).string();
    for (const Expectation& e : parse_expectations(test::read_file(file.string()), "related:")) {
      bool found = false;
      for (const ResolvedFinding& f : result.findings) {
        if (f.rule->id != e.rule) continue;
        for (const ResolvedLocation& l : f.related) {
          found = found || (l.range.start.line == e.line && same_file(l.path, file));
        }
      }
      CHECK_MESSAGE(found, "missing related location of " << e.rule << " at " << file_rel << ":" << e.line);
    }
  }
}

// What a twin must reproduce: the (rule id, message, suppression) multiset of the folder's rules.
// Syntax error messages differ by format (a JSON parser and a Bicep parser notice different
// things), so IDL900 findings count only by number. Transition messages name the base version by
// its path, which is the twin's own: it reads BASE here.
std::multiset<std::string> comparable_findings(const FileResult& result, const RuleSelection& rules,
                                               const fs::path& base) {
  std::multiset<std::string> out;
  size_t syntax_errors = 0;
  for (const ResolvedFinding& f : result.findings) {
    if (f.rule->id == "IDL900") {
      ++syntax_errors;
    } else if (rules.enabled(*f.rule)) {
      std::string message = f.message;
      if (!base.empty()) {
        const std::string label = base.string();
        for (size_t at = message.find(label); at != std::string::npos; at = message.find(label, at + 4)) {
          message.replace(at, label.size(), "BASE");
        }
      }
      const std::string suppressed = f.suppression ? " (suppressed: " + f.suppression->justification + ")" : "";
      out.insert(std::string(f.rule->id) + ": " + message + " = help: " + f.help + suppressed);
    }
  }
  out.insert("IDL900 findings: " + std::to_string(syntax_errors));
  return out;
}

std::string describe(const std::multiset<std::string>& findings) {
  std::ostringstream s;
  for (const std::string& f : findings) s << "\n    " << f;
  return findings.empty() ? std::string(" (none)") : s.str();
}

}  // namespace

TEST_CASE("annotated fixtures produce exactly the expected findings") {
  const fs::path root = fs::path(IDLINT_SOURCE_DIR) / "testdata";
  size_t json_files = 0;
  size_t bicep_files = 0;
  for (const RuleFolder& folder : rule_folders(root)) {
    for (const fs::path& path : folder.files) {
      ++(is_bicep_fixture(path) ? bicep_files : json_files);
      check_annotated_fixture(root, folder, path);
    }
  }
  CHECK(json_files > 50);
  CHECK(bicep_files >= json_files);
}

TEST_CASE("every JSON fixture has a Bicep twin with the same findings") {
  const fs::path root = fs::path(IDLINT_SOURCE_DIR) / "testdata";
  size_t twins = 0;
  for (const RuleFolder& folder : rule_folders(root)) {
    for (const fs::path& json : folder.files) {
      if (!is_json_fixture(json)) continue;
      fs::path bicep = json;
      bicep.replace_extension(".bicep");
      const std::string rel = fs::relative(json, root).string();
      CAPTURE(rel);
      if (!fs::exists(bicep)) {
        FAIL_CHECK("missing Bicep twin " << fs::relative(bicep, root).string() << " of " << rel);
        continue;
      }
      ++twins;
      const auto from_json = comparable_findings(lint_fixture(folder, json), folder.selection, base_of(json));
      const auto from_bicep =
          comparable_findings(lint_fixture(folder, bicep, false), folder.selection, base_of(bicep));
      CHECK_MESSAGE(from_json == from_bicep, "the Bicep twin of " << rel << " does not find the same:\n  JSON:"
                                                                  << describe(from_json) << "\n  Bicep:"
                                                                  << describe(from_bicep));
    }
  }
  CHECK(twins > 50);
}

TEST_CASE("base versions belong to a fixture of a transition rule and lint clean on their own") {
  const fs::path root = fs::path(IDLINT_SOURCE_DIR) / "testdata";
  size_t bases = 0;
  for (const RuleFolder& folder : rule_folders(root)) {
    const bool transition = folder.rule->transition != nullptr;
    for (const fs::path& path : folder.files) {
      if (transition)
        CHECK_MESSAGE(!base_of(path).empty(), "no base version beside " << fs::relative(path, root).string());
    }
    for (const fs::path& base : folder.bases) {
      ++bases;
      const std::string rel = fs::relative(base, root).string();
      CAPTURE(rel);
      CHECK_MESSAGE(transition, "a base version in the folder of a rule that does not compare versions");
      const bool used =
          std::any_of(folder.files.begin(), folder.files.end(), [&](const fs::path& f) { return base_of(f) == base; });
      CHECK_MESSAGE(
          used, "no fixture beside it uses it (expected " << fs::relative(fixture_of_base(base), root).string() << ")");
      const std::string text = test::read_file(base.string());
      CHECK_MESSAGE(parse_expectations(text, "expect:").empty(), "findings are never in the base version");
      // A template base has a Bicep twin; a deployed resource's JSON serves both formats.
      if (is_json_file(base) && may_be_deployment_template(text)) {
        fs::path twin = base;
        twin.replace_extension(".bicep");
        CHECK_MESSAGE(fs::exists(twin), "missing Bicep twin " << fs::relative(twin, root).string());
      }
      const FileResult alone = lint_file(base.string(), true, folder.selection);
      CHECK(alone.status == FileResult::Status::Linted);
      CHECK_MESSAGE(alone.findings.empty(), "reports " << alone.findings.size() << " finding(s) on its own");
    }
  }
  CHECK(bases >= 20);
}

// Cross-file scenarios (testdata/values/<scenario>/): the folder is linted as `idlint <folder>`
// lints it, with the default rules, and each annotation in any of its files must be
// matched by a finding (or related location) in that file on that line; no other finding may
// appear. A scenario's cache/ folder, if any, is its Bicep module cache.
TEST_CASE("cross-file scenarios produce exactly the expected findings") {
  const fs::path root = fs::path(IDLINT_SOURCE_DIR) / "testdata" / "values";
  size_t scenarios = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    ++scenarios;
    const std::string name = dir.path().filename().string();
    CAPTURE(name);
    RuleSelection rules = RuleSelection::defaults();
    LintOptions options;
    if (fs::exists(dir.path() / "cache")) options.module_cache = (dir.path() / "cache").string();
    std::vector<ResolvedFinding> findings;
    for (const DiscoveredFile& f : discover({dir.path().string()}).files) {
      if (f.path.find("/cache/") != std::string::npos) continue;
      FileResult r = lint_file(f.path, false, rules, options);
      for (ResolvedFinding& finding : r.findings) findings.push_back(std::move(finding));
    }
    std::vector<bool> matched(findings.size(), false);
    for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
      if (!entry.is_regular_file()) continue;
      const std::string path = entry.path().string();
      const std::string rel = fs::relative(entry.path(), root).string();
      const std::string text = test::read_file(path);
      auto same_file = [&](const std::string& p) { return fs::equivalent(p, entry.path()); };
      for (const Expectation& e : parse_expectations(text, "expect:")) {
        bool found = false;
        for (size_t i = 0; i < findings.size() && !found; ++i) {
          if (matched[i] || !answers(findings[i], e) || !same_file(findings[i].primary.path)) continue;
          matched[i] = found = true;
        }
        CHECK_MESSAGE(found, "missing " << describe(e, rel));
      }
      for (const Expectation& e : parse_expectations(text, "related:")) {
        bool found = false;
        for (const ResolvedFinding& f : findings) {
          if (f.rule->id != e.rule) continue;
          for (const ResolvedLocation& l : f.related) found = found || (l.range.start.line == e.line && same_file(l.path));
        }
        CHECK_MESSAGE(found, "missing related location of " << e.rule << " at " << rel << ":" << e.line);
      }
    }
    for (size_t i = 0; i < findings.size(); ++i) {
      CHECK_MESSAGE(matched[i], "unexpected " << describe(findings[i], findings[i].primary.path));
    }
  }
  CHECK(scenarios >= 8);
}
