// Golden SARIF: idlint on examples/ must produce tests/golden/examples.sarif (version and the
// machine-specific root URI normalised). UPDATE_GOLDEN=1 rewrites the golden file and fails: the
// program's own output becomes an expectation only once someone has reviewed the diff. What the
// golden file may say is pinned independently by the table of examples/README.md, written by hand.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "support.h"

using namespace idlint::test;

namespace {
nlohmann::json normalised(const std::string& text) {
  nlohmann::json doc = nlohmann::json::parse(text);
  auto& run = doc["runs"][0];
  run["tool"]["driver"]["version"] = "VERSION";
  run["tool"]["driver"]["semanticVersion"] = "VERSION";
  run["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///SRCROOT/";
  return doc;
}
}  // namespace

TEST_CASE("SARIF for examples/ matches the golden file") {
  RunResult r = run_idlint({"examples", "--format", "sarif"}, IDLINT_SOURCE_DIR);
  CHECK(r.exit_code == 1);
  const std::string golden_path = std::string(IDLINT_SOURCE_DIR) + "/tests/golden/examples.sarif";
  const nlohmann::json actual = normalised(r.out);
  if (const char* update = std::getenv("UPDATE_GOLDEN"); update && std::string(update) == "1") {
    const bool changed = read_file(golden_path) != actual.dump(2) + "\n";
    if (changed) write_file(golden_path, actual.dump(2) + "\n");
    const std::string what = changed ? ": golden file rewritten: review the diff (git diff), then run without UPDATE_GOLDEN"
                                     : ": UPDATE_GOLDEN=1 left it unchanged; run without UPDATE_GOLDEN";
    FAIL(golden_path << what);
  }
  const std::string golden = read_file(golden_path);
  REQUIRE_MESSAGE(!golden.empty(), "missing " << golden_path << " (create it with UPDATE_GOLDEN=1)");
  // On a difference, show the JSON patch from the golden file to the actual output, not both files.
  const nlohmann::json patch = nlohmann::json::diff(nlohmann::json::parse(golden), actual);
  CHECK_MESSAGE(patch.empty(), "SARIF differs from the golden file (UPDATE_GOLDEN=1 to accept):\n"
                                   << patch.dump(1).substr(0, 4000));
}

TEST_CASE("SARIF fingerprints stay the same when unrelated lines are added above a finding") {
  const std::string dir = temp_dir();
  const std::string body =
      R"("resources": [{"type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01",
  "name": "pg", "identity": {"type": "SystemAssigned, UserAssigned", "userAssignedIdentities": {"/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/a": {}}}}]})";
  const std::string head =
      R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",)";
  write_file(dir + "/t.json", head + "\n" + body);
  const auto before = nlohmann::json::parse(run_idlint({"t.json", "--format", "sarif"}, dir).out);
  write_file(dir + "/t.json", head + "\n\"contentVersion\": \"1.0.0.0\",\n\n// a comment\n" + body);
  const auto after = nlohmann::json::parse(run_idlint({"t.json", "--format", "sarif"}, dir).out);
  const auto& rb = before["runs"][0]["results"];
  const auto& ra = after["runs"][0]["results"];
  REQUIRE(rb.size() == 1);
  REQUIRE(ra.size() == 1);
  CHECK(rb[0]["locations"][0]["physicalLocation"]["region"]["startLine"] !=
        ra[0]["locations"][0]["physicalLocation"]["region"]["startLine"]);
  CHECK(rb[0]["partialFingerprints"] == ra[0]["partialFingerprints"]);
  std::filesystem::remove_all(dir);
}

namespace {
// "IDL007 warning examples/x.json:85": one finding as the table of examples/README.md states it.
using FindingSet = std::multiset<std::string>;

FindingSet findings_of(const std::string& json_report) {
  FindingSet out;
  const nlohmann::json report = nlohmann::json::parse(json_report);
  for (const auto& f : report.at("findings")) {
    out.insert(f.at("rule_id").get<std::string>() + " " + f.at("level").get<std::string>() + " " +
               f.at("file").get<std::string>() + ":" + std::to_string(f.at("start_line").get<int>()));
  }
  return out;
}

// The findings a cell of the table's last column states: "none", or items such as "IDL005 warning,
// line 47" and "IDL010 error, `main.bicep` line 40" (a file relative to the row's first file's
// folder) separated by ";". Anything else in the cell fails the test, so the table cannot drift
// into prose the test skips.
FindingSet findings_in_cell(const std::string& cell, const std::string& row_file) {
  FindingSet out;
  if (cell == "none") return out;
  static const std::regex item(R"(^\s*(IDL[0-9]{3}) (error|warning|note), (?:`([^`]+)` )?line ([0-9]+)\s*$)");
  const std::string folder = row_file.find('/') == std::string::npos ? "" : row_file.substr(0, row_file.rfind('/') + 1);
  size_t start = 0;
  while (start <= cell.size()) {
    size_t end = cell.find(';', start);
    if (end == std::string::npos) end = cell.size();
    const std::string part = cell.substr(start, end - start);
    std::smatch m;
    if (std::regex_match(part, m, item)) {
      const std::string file = m[3].matched ? folder + m[3].str() : row_file;
      out.insert(m[1].str() + " " + m[2].str() + " examples/" + file + ":" + m[4].str());
    } else {
      FAIL_CHECK("examples/README.md: cannot read the expected finding '" << part << "' of " << row_file);
    }
    start = end + 1;
  }
  return out;
}

std::string listed(const FindingSet& s) {
  std::string out;
  for (const std::string& f : s) out += "\n  " + f;
  return out.empty() ? " (none)" : out;
}
}  // namespace

// The table in examples/README.md is the hand-written statement of what each example must report;
// idlint over examples/ (and the one example meant for --base-file) must report exactly that.
TEST_CASE("the examples report exactly the findings examples/README.md lists") {
  const std::string readme = read_file(std::string(IDLINT_SOURCE_DIR) + "/examples/README.md");
  FindingSet alone;
  FindingSet with_base;
  std::set<std::string> files_named;
  std::string base_row;
  std::string base_file;  // the row's other file: `X` compared with `Y`
  // | `file` [with `other`...] | what it shows | expected findings |
  static const std::regex row(R"(^\| `([^`]+)`([^|]*)\|[^|]*\| ([^|]*[^ |]) \|$)");
  static const std::regex other_file(R"(`([^`]+)`)");
  size_t rows = 0;
  std::istringstream lines(readme);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    ++rows;
    const std::string file = m[1];
    const std::string more = m[2];
    files_named.insert(file);
    std::vector<std::string> others;
    for (std::sregex_iterator it(more.begin(), more.end(), other_file), e; it != e; ++it) {
      files_named.insert((*it)[1]);
      others.push_back((*it)[1]);
    }
    std::string cell = m[3];
    // "none alone; with `--base-file`: IDL022 error, `server.bicep` line 30"
    static const std::string with = "none alone; with `--base-file`: ";
    if (cell.rfind(with, 0) == 0) {
      base_row = file;
      REQUIRE_MESSAGE(others.size() == 1, "examples/README.md: the --base-file row names no base version: " << line);
      base_file = others.front();
      with_base = findings_in_cell(cell.substr(with.size()), file);
      cell = "none";
    }
    const FindingSet row_findings = findings_in_cell(cell, file);
    alone.insert(row_findings.begin(), row_findings.end());
  }
  REQUIRE_MESSAGE(rows >= 10, "examples/README.md: the table of examples was not found (" << rows << " rows read)");

  // Every template in examples/ has its row, so a new example cannot go unchecked.
  namespace fs = std::filesystem;
  const fs::path examples = fs::path(IDLINT_SOURCE_DIR) / "examples";
  for (const auto& e : fs::recursive_directory_iterator(examples)) {
    if (e.path().extension() != ".json" && e.path().extension() != ".bicep") continue;
    const std::string rel = fs::relative(e.path(), examples).generic_string();
    CHECK_MESSAGE(files_named.count(rel) == 1, "examples/" << rel << " has no row in examples/README.md");
  }

  const RunResult r = run_idlint({"examples", "--format", "json"}, IDLINT_SOURCE_DIR);
  CHECK(r.exit_code == 1);
  const FindingSet reported = findings_of(r.out);
  CHECK_MESSAGE(reported == alone, "examples/README.md lists:" << listed(alone) << "\nidlint reports:" << listed(reported));

  REQUIRE_MESSAGE(!base_row.empty(), "examples/README.md: no row for the --base-file example");
  const RunResult b = run_idlint({"--base-file", "examples/" + base_file, "examples/" + base_row, "--format", "json"},
                                 IDLINT_SOURCE_DIR);
  CHECK(b.exit_code == 1);
  const FindingSet reported_with_base = findings_of(b.out);
  CHECK_MESSAGE(reported_with_base == with_base,
                "examples/README.md lists with --base-file:" << listed(with_base) << "\nidlint reports:" << listed(reported_with_base));
}
