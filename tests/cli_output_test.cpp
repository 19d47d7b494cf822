// What a user sees of one finding in each output format: the exact text report with and without
// --quiet, and the same characters pointed at by the text marker, the JSON report, SARIF and the
// GitHub annotations. Every expected position is worked out from the template's own text.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "support.h"

using namespace idlint::test;

namespace {

// One web app whose identity type is misspelled: IDL001 at the value on line 9.
const std::string kTypoLine = R"(      "identity": { "type": "SystemAsigned" })";
const std::string kTemplate = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Web/sites",
      "apiVersion": "2024-04-01",
      "name": "app-orders",
)" + kTypoLine + R"(
    }
  ]
}
)";
constexpr int kTypoLineNumber = 9;
const std::string kTypoValue = R"("SystemAsigned")";

// Columns are 1-based and the last one is inclusive: here every character is one column.
int first_column() { return static_cast<int>(kTypoLine.find(kTypoValue)) + 1; }
int last_column() { return first_column() + static_cast<int>(kTypoValue.size()) - 1; }

const std::string kFindingText =
    "app.json:9:" + std::to_string(first_column()) +
    ": error: 'SystemAsigned' is not an identity type: 'SystemAsigned' is not None, SystemAssigned or UserAssigned "
    "[IDL001 identity-type-invalid]\n"
    " 9 | " +
    kTypoLine +
    "\n"
    "   | " +
    std::string(static_cast<size_t>(first_column() - 1), ' ') + "^" + std::string(kTypoValue.size() - 1, '~') +
    "\n"
    "  = help: write 'SystemAssigned'\n";

}  // namespace

TEST_CASE("the text report: a finding, its source line, the marker under the value, the help, then the summary") {
  TempDir t;
  t.put("app.json", kTemplate);
  const RunResult r = run_idlint({"--color", "never", "app.json"}, t.root);
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  CHECK(r.out == kFindingText + "1 error, 0 warnings, 0 notes in 1 file (1 file checked)\n");
}

TEST_CASE("--quiet prints the findings alone: no summary line, and nothing at all for a clean file") {
  TempDir t;
  t.put("app.json", kTemplate);
  for (const char* quiet : {"-q", "--quiet"}) {
    CAPTURE(quiet);
    const RunResult r = run_idlint({"--color", "never", quiet, "app.json"}, t.root);
    CHECK(r.exit_code == 1);
    CHECK(r.out == kFindingText);
    CHECK(r.err.empty());
  }

  std::string clean = kTemplate;
  clean.replace(clean.find(kTypoValue), kTypoValue.size(), R"("SystemAssigned")");
  t.put("clean.json", clean);
  const RunResult loud = run_idlint({"--color", "never", "clean.json"}, t.root);
  CHECK(loud.exit_code == 0);
  CHECK(loud.out == "no findings in 1 file\n");
  const RunResult quiet = run_idlint({"--color", "never", "-q", "clean.json"}, t.root);
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
}

TEST_CASE("JSON, SARIF and GitHub annotations point at the characters the text marker underlines") {
  TempDir t;
  t.put("app.json", kTemplate);

  // JSON: 1-based columns, the end inclusive, as in the text report.
  const RunResult json = run_idlint({"--format", "json", "app.json"}, t.root);
  CHECK(json.exit_code == 1);
  const auto doc = nlohmann::json::parse(json.out);
  REQUIRE(doc["findings"].size() == 1);
  const auto& f = doc["findings"][0];
  CHECK(f["file"] == "app.json");
  CHECK(f["rule_id"] == "IDL001");
  CHECK(f["start_line"] == kTypoLineNumber);
  CHECK(f["start_column"] == first_column());
  CHECK(f["end_line"] == kTypoLineNumber);
  CHECK(f["end_column"] == last_column());
  CHECK(f["help"] == "write 'SystemAssigned'");
  CHECK(doc["summary"] ==
        nlohmann::json::parse(R"({"files_checked": 1, "errors": 1, "warnings": 0, "notes": 0, "suppressed": 0})"));

  // SARIF: the end column is exclusive (SARIF 2.1.0, 3.30.5), one past the last character.
  const RunResult sarif = run_idlint({"--format", "sarif", "app.json"}, t.root);
  CHECK(sarif.exit_code == 1);
  const auto log = nlohmann::json::parse(sarif.out);
  const auto& results = log["runs"][0]["results"];
  REQUIRE(results.size() == 1);
  const auto& region = results[0]["locations"][0]["physicalLocation"]["region"];
  CHECK(region == nlohmann::json{{"startLine", kTypoLineNumber},
                                 {"startColumn", first_column()},
                                 {"endLine", kTypoLineNumber},
                                 {"endColumn", last_column() + 1}});
  CHECK(results[0]["level"] == "error");

  // GitHub workflow commands: inclusive columns, as the text report.
  const RunResult github = run_idlint({"--format", "github", "app.json"}, t.root);
  CHECK(github.exit_code == 1);
  CHECK(github.out == "::error file=app.json,line=9,col=" + std::to_string(first_column()) +
                          ",endLine=9,endColumn=" + std::to_string(last_column()) +
                          ",title=IDL001 identity-type-invalid::'SystemAsigned' is not an identity type: "
                          "'SystemAsigned' is not None, SystemAssigned or UserAssigned. Write 'SystemAssigned'.\n");
}

TEST_CASE("each level keeps its own kind in every format: error, warning and note") {
  TempDir t;
  // IDL001 (an error), IDL007 (a warning) and, with --explain-unknown, IDL901 (a note), one a line.
  const std::string resource =
      R"(    { "type": "Microsoft.Web/sites", "apiVersion": "2024-04-01", "name": "NAME", "identity": { "type": TYPE } })";
  auto line = [&](const std::string& name, const std::string& type) {
    std::string s = resource;
    s.replace(s.find("NAME"), 4, name);
    s.replace(s.find("TYPE"), 4, type);
    return s;
  };
  t.put("levels.json", R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "kind": { "type": "string" } },
  "resources": [
)" + line("a", R"("SystemAsigned")") +
                           ",\n" + line("b", R"("systemassigned")") + ",\n" + line("c", R"("[parameters('kind')]")") +
                           R"(
  ]
}
)");
  // The three names are as long, so the three values start in the same column.
  const std::string column = std::to_string(line("a", "TYPE").find("TYPE") + 1);
  auto lines_of = [](const std::string& text) {
    std::vector<std::string> out;
    for (size_t start = 0, end; start < text.size(); start = end + 1) {
      end = text.find('\n', start);
      out.push_back(text.substr(start, end - start));
      if (end == std::string::npos) break;
    }
    return out;
  };
  auto starts = [](const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; };

  const RunResult text = run_idlint({"--color", "never", "--explain-unknown", "levels.json"}, t.root);
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("levels.json:6:" + column + ": error: ") != std::string::npos);
  CHECK(text.out.find("levels.json:7:" + column + ": warning: ") != std::string::npos);
  CHECK(text.out.find("levels.json:8:" + column + ": note: ") != std::string::npos);
  CHECK(lines_of(text.out).back() == "1 error, 1 warning, 1 note in 1 file (1 file checked)");

  const RunResult github = run_idlint({"--format", "github", "--explain-unknown", "levels.json"}, t.root);
  const std::vector<std::string> annotations = lines_of(github.out);
  REQUIRE(annotations.size() == 3);
  CHECK(starts(annotations[0], "::error file=levels.json,line=6,col=" + column + ","));
  CHECK(starts(annotations[1], "::warning file=levels.json,line=7,col=" + column + ","));
  CHECK(starts(annotations[2], "::notice file=levels.json,line=8,col=" + column + ","));

  // Azure Pipelines has no notes: a note is a warning there.
  const RunResult azure = run_idlint({"--format", "azure", "--explain-unknown", "levels.json"}, t.root);
  const std::vector<std::string> issues = lines_of(azure.out);
  REQUIRE(issues.size() == 3);
  const std::string path = t.root + "/levels.json";
  CHECK(starts(issues[0], "##vso[task.logissue type=error;sourcepath=" + path + ";linenumber=6;columnnumber=" + column +
                              ";code=IDL001;]IDL001 identity-type-invalid: "));
  CHECK(starts(issues[1], "##vso[task.logissue type=warning;sourcepath=" + path + ";linenumber=7;columnnumber=" +
                              column + ";code=IDL007;]IDL007 identity-type-spelling: "));
  CHECK(starts(issues[2], "##vso[task.logissue type=warning;sourcepath=" + path +
                              ";linenumber=8;columnnumber=" + column + ";code=IDL901;]IDL901 value-undetermined: "));

  const RunResult json = run_idlint({"--format", "json", "--explain-unknown", "levels.json"}, t.root);
  const auto report = nlohmann::json::parse(json.out);
  std::string levels;
  for (const auto& f : report["findings"]) levels += f["level"].get<std::string>() + " ";
  CHECK(levels == "error warning note ");
  const RunResult sarif = run_idlint({"--format", "sarif", "--explain-unknown", "levels.json"}, t.root);
  const auto log = nlohmann::json::parse(sarif.out);
  levels.clear();
  for (const auto& r : log["runs"][0]["results"]) levels += r["level"].get<std::string>() + " ";
  CHECK(levels == "error warning note ");
}

TEST_CASE("a syntax error is reported under a directive that names IDL900: it cannot be suppressed") {
  TempDir t;
  t.put("broken.bicep",
        "param name string = 'pg'\n"
        "// idlint-disable-next-line IDL900 -- generated\n"
        "var broken = 1 + * 2\n"
        "output n string = name\n");
  const RunResult r = run_idlint({"--color", "never", "broken.bicep"}, t.root);
  CHECK(r.exit_code == 2);
  CHECK(r.out ==
        "broken.bicep:3:18: error: expected an expression, found '*' [IDL900 syntax-error]\n"
        " 3 | var broken = 1 + * 2\n"
        "   |                  ^\n"
        "1 error, 0 warnings, 0 notes in 1 file (1 file checked)\n");
}
