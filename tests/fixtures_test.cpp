// The annotated-fixture runner: every template under testdata/<RULE>/ (ARM JSON and Bicep) is linted
// with that rule (and IDL900); each `// expect: ID [(suppressed ["justification part"])] ["message
// part"]` must be matched by a finding starting on that line, suppressed or not as written, each
// `// related: ID` by a related location of that rule on that line of that file, and no other
// finding may appear. Each JSON fixture has a Bicep twin that must produce the same findings.
//
// Whole texts: `//   message: TEXT` and `//   help: TEXT` lines right under an `expect:` of one
// item are that finding's whole message and help line; `//   message: TEXT` lines under a
// `related:` of one item, the whole texts of related locations on that line. After all fixtures
// ran, every rule with a folder must have, in each format, a message, a help line (when a finding
// has one) and the text of each related location of a finding (when a finding has them) asserted
// in full. The runner is strict, as FileCheck is: whatever looks like an annotation and cannot be
// read (a misspelled marker, an unknown rule, a rule the folder does not lint, text after the
// items) fails it with the file and line (parse_annotations, probed by the test cases at the end).
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
#include <cctype>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
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

// An `// expect:` item: a finding of `rule` must start on `line`.
struct Expectation {
  uint32_t line;
  std::string rule;
  std::string message_part;
  bool suppressed = false;  // `(suppressed)`: an in-source suppression covers the finding
  std::string justification_part;
  std::optional<std::string> message;  // `//   message:` under it: the whole message
  std::optional<std::string> help;     // `//   help:` under it: the whole help line
};

// A `// related:` item: a finding of `rule` has a related location starting on `line`.
struct RelatedExpectation {
  uint32_t line;
  std::string rule;
  std::vector<std::string> messages;  // each `//   message:` under it: a location's whole text
};

// A file's annotations, and what could not be read in them ("file:line: why").
struct Annotations {
  std::vector<Expectation> expect;
  std::vector<RelatedExpectation> related;
  std::vector<std::string> errors;
};

// The annotation markers, and the words a misspelled one starts with.
constexpr const char* kMarkers[] = {"expect", "related", "message", "help"};
constexpr const char* kMarkerStems[] = {"expect", "relate", "message", "help"};

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// Reads the annotations of a fixture's text (`where` names it in errors). `runs` tells the rules
// the fixture is linted with: an annotation naming another rule could never be matched (IDL900,
// raised whenever a file does not parse, always can). Anything that looks like an annotation and
// cannot be read is an error, never skipped:
// - a comment (`//` or `/*`) whose first word starts like a marker (expect, relate…, message,
//   help; any case) and is followed by a colon or a rule id, and is not exactly a marker and its
//   colon (`// expects: IDL001`, `// Expect: IDL001`, `// related IDL001`);
// - a comment whose first word, whatever it is, is followed by a colon and a rule id
//   (`// exepct: IDL001`), or that has `expect…:`/`related…:` and a rule id further on;
// - an annotation in a block comment, an id that is no rule's, a rule the fixture is not linted
//   with, and anything after the items that is not one (`// expect: IDL001 "unclosed`);
// - a `message:` or `help:` line that is not right under an `expect:` or `related:` line of
//   one item (or under another such line), a second one of a kind under `expect:`, and a `help:`
//   under `related:` (several `message:` lines under `related:` are the texts of several related
//   locations on that line).
Annotations parse_annotations(const std::string& text, const std::string& where,
                              const std::function<bool(const RuleInfo&)>& runs) {
  Annotations out;
  static const std::regex first_word(R"(^([A-Za-z][A-Za-z_-]*)([ \t]*)(:?)[ \t]*(.*)$)");
  static const std::regex rule_id_start(R"(^IDL[0-9]{3}\b)");
  static const std::regex marker_anywhere(R"((expect|related)\w*\s*:\s*IDL[0-9]{3})", std::regex::icase);
  static const std::regex expect_item(
      R"re(^[ \t]*(IDL[0-9]{3})(?:[ \t]+(\(suppressed(?:[ \t]+"([^"]*)")?\)))?(?:[ \t]+"([^"]*)")?[ \t]*)re");
  static const std::regex related_item(R"(^[ \t]*(IDL[0-9]{3})[ \t]*)");
  // The annotation the lines under it add to: which list, which item; none after a line without one.
  enum class Last { None, Expect, Related } last = Last::None;
  size_t last_index = 0;
  bool last_single = false;
  uint32_t line = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ++line;
    const std::string l = text.substr(start, end - start);
    start = end + 1;
    const std::string at = where + ":" + std::to_string(line) + ": ";
    auto error = [&](const std::string& why) { out.errors.push_back(at + why); };
    Last now = Last::None;
    bool now_single = false;
    bool continuation = false;
    for (size_t c = l.find('/'); c != std::string::npos && c + 1 < l.size(); c = l.find('/', c + 1)) {
      if (l[c + 1] != '/' && l[c + 1] != '*') continue;
      const bool block = l[c + 1] == '*';
      const std::string comment = trim(l.substr(c + 2));
      std::smatch m;
      if (!std::regex_match(comment, m, first_word)) {
        if (!block) ++c;  // `///`: one comment
        continue;
      }
      const std::string word = m[1];
      const bool colon = m[3].matched && m[3].length() > 0;
      const std::string rest = m[4];
      const bool id_follows = std::regex_search(rest, rule_id_start);
      const bool known = std::find(std::begin(kMarkers), std::end(kMarkers), word) != std::end(kMarkers);
      if (known && colon && !block) {
        if (word == "expect" || word == "related") {
          // Items to the end of the line, nothing else.
          const std::regex& item = word == "expect" ? expect_item : related_item;
          size_t count = 0;
          std::string::const_iterator p = rest.begin();
          for (;;) {
            std::smatch im;
            if (!std::regex_search(p, rest.end(), im, item, std::regex_constants::match_continuous)) {
              error("cannot read `" + word + ":` annotation at `" + std::string(p, rest.end()) +
                    "` (expected a rule id, `(suppressed [\"justification part\"])` and a \"message part\")");
              break;
            }
            ++count;
            const std::string id = im[1];
            const RuleInfo* rule = find_rule(id);
            if (!rule) {
              error("unknown rule " + id + " in `" + word + ":`");
            } else if (id != "IDL900" && !runs(*rule)) {
              error(id + " is not linted here, so `" + word + ": " + id + "` can never be matched");
            }
            if (word == "expect") {
              out.expect.push_back({line, id, im[4], im[2].matched, im[3], std::nullopt, std::nullopt});
            } else {
              out.related.push_back({line, id, {}});
            }
            p = im[0].second;
            if (p == rest.end()) break;
            if (*p != ',') {
              error("cannot read `" + word + ":` annotation at `" + std::string(p, rest.end()) + "` (" +
                    (*p == '"' ? "a quoted part is not closed" : "items are separated by commas") + ")");
              break;
            }
            ++p;
          }
          now = word == "expect" ? Last::Expect : Last::Related;
          now_single = count == 1;
        } else {
          // `message:` or `help:`: the whole text of the annotation above.
          continuation = true;
          if (trim(l.substr(0, c)) != "") {
            error("`" + word + ":` must be a comment line of its own, right under the annotation it completes");
          } else if (last == Last::None) {
            error("`" + word + ":` is not right under an `expect:` or `related:` line");
          } else if (!last_single) {
            error("`" + word + ":` under an annotation of several items: give that finding a line of its own");
          } else if (word == "help" && last == Last::Related) {
            error("`help:` under `related:` (a related location has a message only)");
          } else if (last == Last::Expect) {
            std::optional<std::string>& slot = word == "help" ? out.expect[last_index].help : out.expect[last_index].message;
            if (slot) error("a second `" + word + ":` for the same finding");
            slot = trim(rest);
          } else {
            out.related[last_index].messages.push_back(trim(rest));
          }
        }
        break;  // the annotation runs to the end of the line
      }
      const std::string lower = lowercase(word);
      const bool stem = std::any_of(std::begin(kMarkerStems), std::end(kMarkerStems),
                                    [&](const char* s) { return lower.rfind(s, 0) == 0; });
      if (known && colon) {
        error("`" + word + ":` in a block comment: annotations are `//` line comments");
        break;
      }
      if ((stem && (colon || id_follows)) || (colon && id_follows)) {
        error("unknown annotation `" + word + (colon ? ":" : "") + "`" +
              " (the markers are `// expect:`, `// related:`, and under them `//   message:` and `//   help:`)");
        break;
      }
      // Up to the next comment marker on the line, which is looked at on its own.
      const std::string own = comment.substr(0, std::min(comment.find("//"), comment.find("/*")));
      if (std::regex_search(own, marker_anywhere)) {
        error("an annotation must start its comment: `// expect: …`, `// related: …`");
        break;
      }
      if (!block) ++c;
    }
    if (now != Last::None) {
      last = now;
      last_single = now_single;
      last_index = (now == Last::Expect ? out.expect.size() : out.related.size()) - 1;
    } else if (!continuation) {
      last = Last::None;
    }
  }
  return out;
}

// A finding's text as a user reads it: a transition message names the base version by the path it
// was given, here the file name, as `idlint --base-file X.base.json X.json` prints it in the folder.
std::string as_shown(std::string text, const fs::path& base) {
  if (base.empty()) return text;
  const std::string path = base.string();
  const std::string name = base.filename().string();
  for (size_t at = text.find(path); at != std::string::npos; at = text.find(path, at + name.size())) {
    text.replace(at, path.size(), name);
  }
  return text;
}

// Whether finding f answers expectation e (in the same file) but for the whole texts: rule, line,
// suppression, justification and message parts.
bool answers_in_part(const ResolvedFinding& f, const Expectation& e, const fs::path& base) {
  if (f.rule->id != e.rule || f.primary.range.start.line != e.line) return false;
  if (f.suppression.has_value() != e.suppressed) return false;
  if (!e.justification_part.empty() && f.suppression->justification.find(e.justification_part) == std::string::npos) {
    return false;
  }
  // What the user reads: the statement, or the help line under it.
  return e.message_part.empty() || as_shown(f.message, base).find(e.message_part) != std::string::npos ||
         as_shown(f.help, base).find(e.message_part) != std::string::npos;
}

// Whether finding f answers expectation e, whole message and help included.
bool answers(const ResolvedFinding& f, const Expectation& e, const fs::path& base) {
  return answers_in_part(f, e, base) && (!e.message || *e.message == as_shown(f.message, base)) &&
         (!e.help || *e.help == as_shown(f.help, base));
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

// What the fixtures of one rule in one format assert in full, and what its findings there have.
struct TextCoverage {
  bool help_seen = false;     // a finding with a help line
  bool related_seen = false;  // a finding with related locations
  bool message = false;       // a finding's message asserted in full
  bool help = false;          // a finding's help asserted in full
  bool related = false;       // a finding with the text of each of its related locations asserted
  std::vector<std::string> texts;  // the messages and help lines asserted in full
};
using Coverage = std::map<std::pair<std::string, std::string>, TextCoverage>;  // by (rule id, format)

// Matches each `// expect:` of one file with a finding starting in that file (matched marks the
// findings taken) and reports those that none answers. on_match(e, i): e was answered by finding i.
void match_expectations(const std::vector<Expectation>& expected, const std::vector<ResolvedFinding>& findings,
                        const fs::path& file, const std::string& rel, const fs::path& base,
                        std::vector<bool>& matched,
                        const std::function<void(const Expectation&, size_t)>& on_match = {}) {
  for (const Expectation& e : expected) {
    std::optional<size_t> found;
    std::string near;  // the texts of a finding answering all but the whole texts
    for (size_t i = 0; i < findings.size() && !found; ++i) {
      const ResolvedFinding& f = findings[i];
      if (matched[i] || !same_file(f.primary.path, file) || !answers_in_part(f, e, base)) continue;
      if (answers(f, e, base)) {
        found = i;
      } else {
        near += "\n    message: " + as_shown(f.message, base) + "\n    help: " + as_shown(f.help, base);
      }
    }
    if (found) {
      matched[*found] = true;
      if (on_match) on_match(e, *found);
    } else if (!near.empty()) {
      FAIL_CHECK("the texts of " << describe(e, rel) << " are not as written:"
                                 << (e.message ? "\n  written message: " + *e.message : "")
                                 << (e.help ? "\n  written help: " + *e.help : "") << "\n  found:" << near);
    } else {
      FAIL_CHECK("missing " << describe(e, rel));
    }
  }
}

// Checks each `// related:` of one file: a finding of that rule has a related location starting on
// that line of that file, with that text when it is written. asserted[i][j]: the text of related
// location j of finding i was asserted.
void match_related(const std::vector<RelatedExpectation>& related, const std::vector<ResolvedFinding>& findings,
                   const fs::path& file, const std::string& rel, const fs::path& base,
                   std::vector<std::vector<bool>>& asserted) {
  for (const RelatedExpectation& e : related) {
    // Each written text, or any text when none is written.
    std::vector<std::optional<std::string>> texts(e.messages.begin(), e.messages.end());
    if (texts.empty()) texts.emplace_back();
    std::string found_texts;  // the texts of the related locations there
    for (const std::optional<std::string>& text : texts) {
      bool found = false;
      found_texts.clear();
      for (size_t i = 0; i < findings.size(); ++i) {
        if (findings[i].rule->id != e.rule) continue;
        for (size_t j = 0; j < findings[i].related.size(); ++j) {
          const ResolvedLocation& l = findings[i].related[j];
          if (l.range.start.line != e.line || !same_file(l.path, file)) continue;
          found_texts += "\n    " + as_shown(l.message, base);
          if (text && *text != as_shown(l.message, base)) continue;
          found = true;
          if (text) asserted[i][j] = true;
        }
      }
      if (!found && !found_texts.empty()) {
        FAIL_CHECK("no related location of " << e.rule << " at " << rel << ":" << e.line << " has the text written:\n  "
                                             << *text << "\n  found:" << found_texts);
      } else {
        CHECK_MESSAGE(found, "missing related location of " << e.rule << " at " << rel << ":" << e.line);
      }
    }
  }
}

std::vector<std::vector<bool>> related_flags(const std::vector<ResolvedFinding>& findings) {
  std::vector<std::vector<bool>> out;
  for (const ResolvedFinding& f : findings) out.emplace_back(f.related.size(), false);
  return out;
}

void check_annotated_fixture(const fs::path& root, const RuleFolder& folder, const fs::path& path,
                             Coverage& coverage) {
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
  auto runs = [&](const RuleInfo& r) { return folder.selection.enabled(r); };
  const Annotations annotations = parse_annotations(text, rel, runs);
  for (const std::string& error : annotations.errors) FAIL_CHECK(error);
  const std::string format = is_bicep_fixture(path) ? "Bicep" : "JSON";
  const std::vector<ResolvedFinding>& findings = result.findings;
  std::vector<bool> matched(findings.size(), false);
  match_expectations(annotations.expect, findings, path, rel, base, matched, [&](const Expectation& e, size_t i) {
    TextCoverage& c = coverage[{e.rule, format}];
    c.message = c.message || e.message.has_value();
    c.help = c.help || (e.help.has_value() && !findings[i].help.empty());
    for (const std::optional<std::string>& t : {e.message, e.help}) {
      if (t) c.texts.push_back(*t);
    }
  });
  for (size_t i = 0; i < findings.size(); ++i) {
    CHECK_MESSAGE(matched[i], "unexpected " << describe(findings[i], findings[i].primary.path));
  }
  // `// related:` in the fixture, and in its base version: a related location in that file. (The
  // base's own annotations are read, and their errors reported, by the base versions' test.)
  std::vector<std::vector<bool>> asserted = related_flags(findings);
  match_related(annotations.related, findings, path, rel, base, asserted);
  if (!base.empty()) {
    const std::string base_rel = fs::relative(base, root).string();
    const Annotations in_base = parse_annotations(test::read_file(base.string()), base_rel, runs);
    match_related(in_base.related, findings, base, base_rel, base, asserted);
  }
  for (size_t i = 0; i < findings.size(); ++i) {
    TextCoverage& c = coverage[{std::string(findings[i].rule->id), format}];
    c.help_seen = c.help_seen || !findings[i].help.empty();
    c.related_seen = c.related_seen || !findings[i].related.empty();
    const bool all = std::all_of(asserted[i].begin(), asserted[i].end(), [](bool b) { return b; });
    c.related = c.related || (!asserted[i].empty() && all);
  }
}

// What the fixtures leave unasserted: for every rule with a fixture folder, in each format, a
// finding's message in full, its help in full when a finding has help, and the text of each of
// a finding's related locations when a finding has them.
std::vector<std::string> missing_coverage(const fs::path& root, Coverage& coverage) {
  std::vector<std::string> missing;
  for (const RuleInfo* rule : all_rules()) {
    const std::string id(rule->id);
    if (!fs::is_directory(root / id)) continue;
    for (const char* format : {"JSON", "Bicep"}) {
      const TextCoverage& c = coverage[{id, format}];
      const std::string what = id + " in " + format + ": no fixture asserts ";
      if (!c.message) missing.push_back(what + "a message in full (`//   message:` under its `// expect:`)");
      if (c.help_seen && !c.help) missing.push_back(what + "a help line in full (`//   help:` under its `// expect:`)");
      if (c.related_seen && !c.related) {
        missing.push_back(what + "the text of each related location of a finding (`//   message:` under each `// related:`)");
      }
    }
  }
  // Shapes of a message or help line that a rule's coverage above does not tell apart, and that
  // must each stay asserted in full in both formats.
  static const std::pair<const char*, const char*> shapes[] = {
      {"IDL001", "^write '[^']*'$"},                                        // the near spelling
      {"IDL001", "is not an identity type: "},                              // no identity type
      {"IDL001", ", which has no managed identity$"},                       // an api-version without identities
      {"IDL001", ": only user-assigned identities are supported before api-version "},  // the api-version case
      {"IDL001", "^'[^']*' needs api-version [^ ]+ or later$"},
      {"IDL001", " is misread by .*\\(Azure/"},                              // recorded rejections
      {"IDL001", " the service answers HTTP 500 to this spelling \\(Azure/"},
      {"IDL020", "but the system-assigned identity cannot be disabled while user-assigned identities are assigned"},
      {"IDL021", "but a server with a customer-managed key cannot disable its system-assigned identity$"},
      {"IDL021", "^keep the system-assigned identity in identity.type$"},
      {"IDL022", "and can never be removed, but it is not among the server's user-assigned identities here$"},
      {"IDL022", "and can never be removed, but identity.type '[^']*' removes every user-assigned identity$"},
      {"IDL022", "^keep it in identity.userAssignedIdentities; to change the key identity, first switch"},
      {"IDL023", "^customer-managed key encryption is added to a server that has "},
      {"IDL023", "^customer-managed key encryption is removed \\("},
      {"IDL023", "^keep 'SystemManaged' \\(or create a new server\\)$"},  // the base's mode, in each direction
      {"IDL023", "^keep 'AzureKeyVault' \\(or create a new server\\)$"},
      {"IDL024", ", which removes every user-assigned identity from the server$"},
      {"IDL024", "^to add the system-assigned identity and keep them, write '[^']*'$"},
  };
  for (const auto& [id, pattern] : shapes) {
    const std::regex shape(pattern);
    for (const char* format : {"JSON", "Bicep"}) {
      const std::vector<std::string>& texts = coverage[{id, format}].texts;
      if (std::none_of(texts.begin(), texts.end(), [&](const std::string& t) { return std::regex_search(t, shape); })) {
        missing.push_back(std::string(id) + " in " + format + ": no fixture asserts in full a text matching /" + pattern +
                          "/");
      }
    }
  }
  return missing;
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
  Coverage coverage;
  for (const RuleFolder& folder : rule_folders(root)) {
    for (const fs::path& path : folder.files) {
      ++(is_bicep_fixture(path) ? bicep_files : json_files);
      check_annotated_fixture(root, folder, path, coverage);
    }
  }
  CHECK(json_files > 50);
  CHECK(bicep_files >= json_files);
  const std::vector<std::string> missing = missing_coverage(root, coverage);
  std::ostringstream list;
  for (const std::string& m : missing) list << "\n  " << m;
  CHECK_MESSAGE(missing.empty(), "texts not asserted in full:" << list.str());
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
      const Annotations annotations =
          parse_annotations(text, rel, [&](const RuleInfo& r) { return folder.selection.enabled(r); });
      for (const std::string& error : annotations.errors) FAIL_CHECK(error);
      CHECK_MESSAGE(annotations.expect.empty(), "findings are never in the base version");
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
    std::vector<std::vector<bool>> asserted = related_flags(findings);
    for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
      if (!entry.is_regular_file()) continue;
      const std::string path = entry.path().string();
      const std::string rel = fs::relative(entry.path(), root).string();
      const std::string text = test::read_file(path);
      const Annotations annotations =
          parse_annotations(text, rel, [&](const RuleInfo& r) { return rules.enabled(r); });
      for (const std::string& error : annotations.errors) FAIL_CHECK(error);
      match_expectations(annotations.expect, findings, entry.path(), rel, {}, matched);
      match_related(annotations.related, findings, entry.path(), rel, {}, asserted);
    }
    for (size_t i = 0; i < findings.size(); ++i) {
      CHECK_MESSAGE(matched[i], "unexpected " << describe(findings[i], findings[i].primary.path));
    }
  }
  CHECK(scenarios >= 8);
}

namespace {
// The errors parse_annotations reports for text in a fixture of testdata/IDL001 (linted with IDL001).
std::vector<std::string> annotation_errors(const std::string& text) {
  return parse_annotations(text, "IDL001/probe.json", [](const RuleInfo& r) { return r.id == "IDL001"; }).errors;
}
}  // namespace

TEST_CASE("an annotation the fixture runner cannot read fails it, with its file and line") {
  using V = std::vector<std::string>;
  const char* markers = " (the markers are `// expect:`, `// related:`, and under them `//   message:` and `//   help:`)";
  CHECK(annotation_errors("{\n  \"type\": \"None\" // expect: IDL099\n}") ==
        V{"IDL001/probe.json:2: unknown rule IDL099 in `expect:`"});
  CHECK(annotation_errors("x\n\n\"type\": \"None\" // expects: IDL001") ==
        V{std::string("IDL001/probe.json:3: unknown annotation `expects:`") + markers});
  for (const char* typo : {"// expected: IDL001", "// Expect: IDL001", "// expect IDL001", "// exepct: IDL001",
                           "// Related: IDL001", "// related IDL001", "// relates: IDL001"}) {
    CAPTURE(typo);
    const V errors = annotation_errors(std::string("\"a\": 1, ") + typo);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind("IDL001/probe.json:1: unknown annotation `", 0) == 0);
  }
  // A rule the folder does not run could never be matched; IDL900 always can.
  CHECK(annotation_errors("\n\"type\": \"None\" // expect: IDL005") ==
        V{"IDL001/probe.json:2: IDL005 is not linted here, so `expect: IDL005` can never be matched"});
  CHECK(annotation_errors("// related: IDL014") ==
        V{"IDL001/probe.json:1: IDL014 is not linted here, so `related: IDL014` can never be matched"});
  CHECK(annotation_errors("{ // expect: IDL900\n\"a\": 1 // expect: IDL001, IDL900").empty());
  // What the item syntax does not take is never skipped.
  CHECK(annotation_errors("\"a\": 1 // expect: IDL001 \"unclosed") ==
        V{"IDL001/probe.json:1: cannot read `expect:` annotation at `\"unclosed` (a quoted part is not closed)"});
  CHECK(annotation_errors("\"a\": 1 // expect: IDL001 (suppressed") ==
        V{"IDL001/probe.json:1: cannot read `expect:` annotation at `(suppressed` (items are separated by commas)"});
  CHECK(annotation_errors("\"a\": 1 // expect: IDL001, foo") ==
        V{"IDL001/probe.json:1: cannot read `expect:` annotation at ` foo` (expected a rule id, "
          "`(suppressed [\"justification part\"])` and a \"message part\")"});
  CHECK(annotation_errors("\"a\": 1 // expect: IDL001 (suppressed \"why\") \"part\" trailing") ==
        V{"IDL001/probe.json:1: cannot read `expect:` annotation at `trailing` (items are separated by commas)"});
  CHECK(annotation_errors("\"a\": 1 // note expect: IDL001") ==
        V{"IDL001/probe.json:1: an annotation must start its comment: `// expect: …`, `// related: …`"});
  CHECK(annotation_errors("\"a\": 1 /* expect: IDL001 */") ==
        V{"IDL001/probe.json:1: `expect:` in a block comment: annotations are `//` line comments"});
  // The whole texts: right under a one-item annotation, once each, help only for a finding.
  CHECK(annotation_errors("\"a\": 1,\n//   message: m") ==
        V{"IDL001/probe.json:2: `message:` is not right under an `expect:` or `related:` line"});
  CHECK(annotation_errors("\"a\": 1, // expect: IDL001\n\n//   help: h") ==
        V{"IDL001/probe.json:3: `help:` is not right under an `expect:` or `related:` line"});
  CHECK(annotation_errors("\"a\": 1, // expect: IDL001, IDL900\n//   help: h") ==
        V{"IDL001/probe.json:2: `help:` under an annotation of several items: give that finding a line of its own"});
  CHECK(annotation_errors("\"a\": 1, // related: IDL001\n//   help: h") ==
        V{"IDL001/probe.json:2: `help:` under `related:` (a related location has a message only)"});
  CHECK(annotation_errors("\"a\": 1, // expect: IDL001\n//   help: h\n//   help: i") ==
        V{"IDL001/probe.json:3: a second `help:` for the same finding"});
  CHECK(annotation_errors("\"a\": 1, // expect: IDL001\n\"b\": 2 //   help: h") ==
        V{"IDL001/probe.json:2: `help:` must be a comment line of its own, right under the annotation it completes"});
  // Prose, URLs, directives and the expectations of a directive's own line are no annotations.
  CHECK(annotation_errors("// Correct: write 'SystemAssigned'. Expected behaviour: no IDL001 here.\n"
                          "\"keyUri\": \"https://kv.vault.azure.net/keys/k\", // expect: IDL001\n"
                          "// idlint-disable-next-line IDL001 -- reason // expect: IDL001 (suppressed \"reason\")\n"
                          "/* a block // expect: IDL900")
            .empty());
}

TEST_CASE("the fixture runner reads whole messages, help lines and related texts under an annotation") {
  const Annotations a = parse_annotations(
      "\"type\": \"SystemAsigned\", // expect: IDL001 \"SystemAsigned\"\n"
      "//   message: 'SystemAsigned' is not an identity type: see https://example.com/x\n"
      "//   help: write 'SystemAssigned'  \n"
      "\"p\": 1 // related: IDL001\n"
      "// message: an allowed value of parameter 'identityType'\n"
      "\"q\": 1 // expect: IDL001 (suppressed \"why\")\n",
      "IDL001/probe.json", [](const RuleInfo& r) { return r.id == "IDL001"; });
  CHECK(a.errors.empty());
  REQUIRE(a.expect.size() == 2);
  CHECK(a.expect[0].line == 1);
  CHECK(a.expect[0].message_part == "SystemAsigned");
  CHECK(a.expect[0].message == "'SystemAsigned' is not an identity type: see https://example.com/x");
  CHECK(a.expect[0].help == "write 'SystemAssigned'");
  CHECK(a.expect[1].line == 6);
  CHECK(a.expect[1].suppressed);
  CHECK(a.expect[1].justification_part == "why");
  CHECK_FALSE(a.expect[1].message.has_value());
  CHECK_FALSE(a.expect[1].help.has_value());
  REQUIRE(a.related.size() == 1);
  CHECK(a.related[0].line == 4);
  CHECK(a.related[0].messages == std::vector<std::string>{"an allowed value of parameter 'identityType'"});
}
