// Reading SARIF baselines and matching findings against them (report/baseline.*), on findings
// linted from text and baselines written by idlint's own SARIF reporter.
#include "report/baseline.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "support.h"

using namespace idlint;
using namespace idlint::test;
using json = nlohmann::ordered_json;

namespace {

const std::string kHead =
    "{\n"
    R"(  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",)"
    "\n";

// One flexible server; indent shifts it to the right.
std::string server(const std::string& api, const std::string& name, const std::string& identity,
                   const std::string& indent = "") {
  return indent + "    {\n" + indent + R"(      "type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": ")" +
         api + "\",\n" + indent + R"(      "name": ")" + name + "\",\n" + indent + R"(      "identity": { "type": ")" +
         identity + "\" }\n" + indent + "    }";
}

// A template of servers; blank_lines are added above the resources.
std::string arm(const std::vector<std::string>& servers, int blank_lines = 0) {
  std::string text = kHead;
  for (int i = 0; i < blank_lines; ++i) text += "\n";
  text += R"(  "resources": [)"
          "\n";
  for (size_t i = 0; i < servers.size(); ++i) text += servers[i] + (i + 1 < servers.size() ? ",\n" : "\n");
  return text + "  ]\n}\n";
}

const std::string kBothTypes = "SystemAssigned, UserAssigned";  // IDL001 and IDL002

struct Scenario {
  TempDir dir;
  std::string path = dir.root + "/main.json";

  FileResult lint_now(const std::string& text) const { return lint(text, path); }

  std::string sarif(const FileResult& r) const {
    std::ostringstream out;
    write_sarif(out, {r}, SarifOptions{dir.root});
    return out.str();
  }

  Baseline baseline_of(const std::string& sarif_text) const {
    std::string error;
    std::optional<Baseline> b = parse_baseline(sarif_text, error);
    REQUIRE_MESSAGE(b, error);
    return *b;
  }
};

// "IDL001@9:unchanged" for each finding, in order, separated by spaces.
std::string states(const std::vector<FileResult>& results) {
  std::string out;
  for (const FileResult& r : results) {
    for (const ResolvedFinding& f : r.findings) {
      out += (out.empty() ? "" : " ") + std::string(f.rule->id) + "@" + std::to_string(f.primary.range.start.line) +
             ":" + baseline_state_name(f.baseline);
    }
  }
  return out;
}

std::string parse_error(const std::string& text) {
  std::string error;
  const std::optional<Baseline> b = parse_baseline(text, error);
  CHECK_FALSE(b);
  return error;
}

}  // namespace

TEST_CASE("baseline: findings are new, unchanged, updated or absent") {
  Scenario s;
  // Before: pg (IDL001 and IDL002 at line 7), pg2 (IDL002 at line 12).
  const FileResult before =
      s.lint_now(arm({server("2022-12-01", "pg", kBothTypes), server("2024-08-01", "pg2", "UserAssigned")}));
  REQUIRE(summary(before) == std::vector<std::string>{"IDL001@7:29", "IDL002@7:29", "IDL002@12:29"});
  const Baseline baseline = s.baseline_of(s.sarif(before));
  REQUIRE(baseline.results.size() == 3);

  // After: three lines added above; pg's api-version changes IDL001's message (not its line);
  // pg2 is fixed; pg3 is a new finding.
  std::vector<FileResult> after{
      s.lint_now(arm({server("2023-12-01-preview", "pg", kBothTypes), server("2024-08-01", "pg2", "SystemAssigned"),
                      server("2024-08-01", "pg3", "UserAssigned")},
                     3))};
  const BaselineComparison c = compare_with_baseline(after, baseline, s.dir.root);
  CHECK(states(after) == "IDL001@10:updated IDL002@10:unchanged IDL002@20:new");
  REQUIRE(c.absent.size() == 1);
  CHECK(c.absent[0].rule_id == "IDL002");
  CHECK(c.absent[0].region.start_line == 12);
  CHECK(c.absent[0].level == "error");
  CHECK(json::parse(c.absent[0].sarif)["partialFingerprints"] ==
        json::parse(baseline.results[2].sarif)["partialFingerprints"]);

  // The run written with that comparison holds every state, absent ones with their rule index.
  std::ostringstream out;
  write_sarif(out, after, SarifOptions{s.dir.root, &c});
  const json doc = json::parse(out.str());
  const json& results = doc["runs"][0]["results"];
  REQUIRE(results.size() == 4);
  std::vector<std::string> written;
  for (const json& r : results)
    written.push_back(r["ruleId"].get<std::string>() + ":" + r["baselineState"].get<std::string>());
  CHECK(written == std::vector<std::string>{"IDL001:updated", "IDL002:unchanged", "IDL002:new", "IDL002:absent"});
  const json& absent = results[3];
  CHECK(doc["runs"][0]["tool"]["driver"]["rules"][absent["ruleIndex"].get<size_t>()]["id"] == "IDL002");
  CHECK(absent["locations"] == json::parse(baseline.results[2].sarif)["locations"]);
  CHECK(absent["message"]["text"] == baseline.results[2].message);
}

TEST_CASE("baseline: the same template compared with its own report is unchanged, and nothing is absent") {
  Scenario s;
  const std::string text = arm({server("2022-12-01", "pg", kBothTypes)});
  const Baseline baseline = s.baseline_of(s.sarif(s.lint_now(text)));
  std::vector<FileResult> again{s.lint_now(text)};
  const BaselineComparison c = compare_with_baseline(again, baseline, s.dir.root);
  CHECK(states(again) == "IDL001@7:unchanged IDL002@7:unchanged");
  CHECK(c.absent.empty());
}

TEST_CASE("baseline: a change of level or of the marked columns is an update; a rule id must match too") {
  Scenario s;
  const std::string text = arm({server("2022-12-01", "pg", kBothTypes)});
  json doc = json::parse(s.sarif(s.lint_now(text)));
  doc["runs"][0]["results"][0]["level"] = "warning";
  std::vector<FileResult> again{s.lint_now(text)};
  compare_with_baseline(again, s.baseline_of(doc.dump()), s.dir.root);
  CHECK(states(again) == "IDL001@7:updated IDL002@7:unchanged");

  // Re-indented: the trimmed line is the same (same fingerprint), the columns are not.
  std::vector<FileResult> indented{s.lint_now(arm({server("2022-12-01", "pg", kBothTypes, "  ")}))};
  compare_with_baseline(indented, s.baseline_of(s.sarif(s.lint_now(text))), s.dir.root);
  CHECK(states(indented) == "IDL001@7:updated IDL002@7:updated");

  // A result under another rule id with the same fingerprint is not the same finding.
  json other = json::parse(s.sarif(s.lint_now(text)));
  other["runs"][0]["results"][0]["ruleId"] = "IDL005";
  other["runs"][0]["results"][0].erase("ruleIndex");
  std::vector<FileResult> third{s.lint_now(text)};
  const BaselineComparison c = compare_with_baseline(third, s.baseline_of(other.dump()), s.dir.root);
  CHECK(states(third) == "IDL001@7:new IDL002@7:unchanged");
  REQUIRE(c.absent.size() == 1);
  CHECK(c.absent[0].rule_id == "IDL005");
}

TEST_CASE("baseline: results without idlint's fingerprint match on rule, file, line and message") {
  Scenario s;
  const std::string text = arm({server("2022-12-01", "pg", kBothTypes)});
  json doc = json::parse(s.sarif(s.lint_now(text)));
  for (json& r : doc["runs"][0]["results"]) r.erase("partialFingerprints");
  const Baseline baseline = s.baseline_of(doc.dump());
  CHECK(baseline.results[0].fingerprint.empty());

  std::vector<FileResult> same{s.lint_now(text)};
  CHECK(compare_with_baseline(same, baseline, s.dir.root).absent.empty());
  CHECK(states(same) == "IDL001@7:unchanged IDL002@7:unchanged");

  // Without a fingerprint, a finding that moved is not recognised.
  std::vector<FileResult> moved{s.lint_now(arm({server("2022-12-01", "pg", kBothTypes)}, 1))};
  CHECK(compare_with_baseline(moved, baseline, s.dir.root).absent.size() == 2);
  CHECK(states(moved) == "IDL001@8:new IDL002@8:new");
}

TEST_CASE("baseline: results for files this run did not lint are not absent, unless the file is gone") {
  Scenario s;
  const std::string text = arm({server("2022-12-01", "pg", kBothTypes)});
  const std::string other = s.dir.put("other.json", text);
  const FileResult other_result = lint(text, other);
  const FileResult gone_result = lint(text, s.dir.root + "/deleted.json");  // never written to disk
  std::ostringstream out;
  write_sarif(out, {other_result, gone_result}, SarifOptions{s.dir.root});
  const Baseline baseline = s.baseline_of(out.str());
  REQUIRE(baseline.results.size() == 4);

  std::vector<FileResult> now{s.lint_now(text)};  // main.json only
  const BaselineComparison c = compare_with_baseline(now, baseline, s.dir.root);
  CHECK(states(now) == "IDL001@7:new IDL002@7:new");
  REQUIRE(c.absent.size() == 2);
  CHECK(c.absent[0].uri == "deleted.json");
  CHECK(c.absent[1].uri == "deleted.json");
}

TEST_CASE("baseline: a report written with --baseline can be the next baseline; its absent results are not findings") {
  Scenario s;
  const FileResult first = s.lint_now(arm({server("2022-12-01", "pg", kBothTypes)}));
  std::vector<FileResult> fixed{s.lint_now(arm({server("2024-08-01", "pg", "SystemAssigned")}))};
  const BaselineComparison c = compare_with_baseline(fixed, s.baseline_of(s.sarif(first)), s.dir.root);
  REQUIRE(c.absent.size() == 2);
  std::ostringstream out;
  write_sarif(out, fixed, SarifOptions{s.dir.root, &c});
  const Baseline next = s.baseline_of(out.str());
  CHECK(next.results.empty());
  std::vector<FileResult> again{s.lint_now(arm({server("2024-08-01", "pg", "SystemAssigned")}))};
  CHECK(compare_with_baseline(again, next, s.dir.root).absent.empty());
}

TEST_CASE("baseline: suppressed results are still results; a missing level is the rule's default, else warning") {
  const std::string log = R"({"version": "2.1.0", "runs": [{
    "tool": {"driver": {"name": "idlint", "rules": [{"id": "IDL005", "defaultConfiguration": {"level": "note"}}]}},
    "results": [
      {"ruleId": "IDL005", "message": {"text": "a."}, "suppressions": [{"kind": "inSource"}],
       "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.json", "uriBaseId": "%SRCROOT%"},
                                           "region": {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 9}}}]},
      {"ruleIndex": 0, "message": {"text": "b."},
       "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.json"}}}]},
      {"ruleId": "IDL999", "message": {"text": "c."},
       "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.json"}}}]}
    ]}]})";
  std::string error;
  const std::optional<Baseline> b = parse_baseline(log, error);
  REQUIRE_MESSAGE(b, error);
  REQUIRE(b->results.size() == 3);
  CHECK(b->results[0].level == "note");
  CHECK(b->results[0].region.start_line == 3);
  CHECK(b->results[0].region.end_column == 9);
  CHECK(b->results[0].uri_base_id == "%SRCROOT%");
  CHECK(b->results[1].rule_id == "IDL005");  // from ruleIndex
  CHECK(b->results[1].level == "note");
  CHECK(b->results[2].level == "warning");
}

TEST_CASE("baseline: a file that is not an idlint SARIF 2.1.0 log is refused with the reason") {
  CHECK(parse_error("{\"version\": ").rfind("not valid JSON: parse error at line 1", 0) == 0);
  CHECK(parse_error("[]") == "not a SARIF 2.1.0 log");
  CHECK(parse_error(R"({"version": "2.0.0", "runs": []})") == "not a SARIF 2.1.0 log (its version is '2.0.0')");
  CHECK(parse_error(R"({"version": "2.1.0"})") == "not a SARIF 2.1.0 log");
  CHECK(parse_error(R"({"version": "2.1.0", "runs": []})") == "no run written by idlint");
  CHECK(parse_error(R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Bicep"}}, "results": []}]})") ==
        "no run written by idlint (runs from 'Bicep')");
  const std::string run = R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "idlint"}}, "results": )";
  CHECK(parse_error(run + "{}}]}") == "runs[0].results is not an array");
  CHECK(parse_error(run + "[1]}]}") == "runs[0].results[0]: not an object");
  CHECK(parse_error(run + R"([{"message": {"text": "x"}}]}]})") == "runs[0].results[0]: no ruleId");
  CHECK(parse_error(run + R"([{"ruleId": "IDL001"}]}]})") == "runs[0].results[0]: no message.text");
  CHECK(parse_error(run + R"([{"ruleId": "IDL001", "message": {"text": "x"}, "level": "fatal"}]}]})") ==
        "runs[0].results[0]: level is not a SARIF level");
  CHECK(parse_error(run + R"([{"ruleId": "IDL001", "message": {"text": "x"}}]}]})") ==
        "runs[0].results[0]: no locations[0].physicalLocation.artifactLocation.uri");

  // Runs of other tools beside idlint's are ignored; a run without results has none.
  std::string error;
  const auto mixed = parse_baseline(R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "other"}},
    "results": [1]}, {"tool": {"driver": {"name": "idlint"}}}]})",
                                    error);
  REQUIRE_MESSAGE(mixed, error);
  CHECK(mixed->results.empty());

  CHECK_FALSE(read_baseline("/nonexistent/old.sarif", error));
  CHECK(error == "cannot read baseline /nonexistent/old.sarif: No such file or directory");
}
