// --baseline and --new-only as a user drives them: lint, change the template, lint against the
// first report, and read the states, the text, the JSON and the exit codes.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support.h"

using namespace idlint::test;
using json = nlohmann::json;

namespace {

std::string server(const std::string& api, const std::string& name, const std::string& identity) {
  return R"(    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": ")" +
         api + R"(",
      "name": ")" +
         name + R"(",
      "identity": { "type": ")" +
         identity + R"(" }
    })";
}

std::string arm(const std::string& above, const std::vector<std::string>& servers) {
  std::string text = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
)" + above + R"(  "resources": [
)";
  for (size_t i = 0; i < servers.size(); ++i) text += servers[i] + (i + 1 < servers.size() ? ",\n" : "\n");
  return text + "  ]\n}\n";
}

// Before: 'pg' has IDL001 and IDL002 (line 8), 'pg2' has IDL002 (line 14).
const std::string kBefore =
    arm("", {server("2022-12-01", "pg", "SystemAssigned, UserAssigned"), server("2024-08-01", "pg2", "UserAssigned")});
// After: two lines above move everything down; pg's older api-version changes IDL001's message
// but not its line; pg2 is fixed; pg3 is new.
const std::string kAfter =
    arm("  // two lines added\n  \"contentVersion\": \"1.0.0.0\",\n",
        {server("2023-12-01-preview", "pg", "SystemAssigned, UserAssigned"),
         server("2024-08-01", "pg2", "SystemAssigned"), server("2024-08-01", "pg3", "UserAssigned")});

// "IDL001@10:updated" for each result of a SARIF report, in order.
std::vector<std::string> sarif_states(const std::string& text) {
  std::vector<std::string> out;
  const json doc = json::parse(text);
  for (const json& r : doc["runs"][0]["results"]) {
    out.push_back(r["ruleId"].get<std::string>() + "@" +
                  std::to_string(r["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>()) + ":" +
                  r["baselineState"].get<std::string>());
  }
  return out;
}

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("baseline round trip: lint, change the template, lint with --baseline, read the states") {
  TempDir dir;
  dir.put("main.json", kBefore);
  const RunResult first = run_idlint({"main.json", "--format", "sarif", "--output", "old.sarif"}, dir.root);
  REQUIRE(first.exit_code == 1);
  const json old_doc = json::parse(read_file(dir.root + "/old.sarif"));
  REQUIRE(old_doc["runs"][0]["results"].size() == 3);
  CHECK(old_doc["runs"][0]["results"][0].count("baselineState") == 0);  // no baseline, no state

  dir.put("main.json", kAfter);
  const RunResult sarif =
      run_idlint({"main.json", "--baseline", "old.sarif", "--format", "sarif", "--output", "new.sarif"}, dir.root);
  CHECK(sarif.exit_code == 1);
  const std::string report = read_file(dir.root + "/new.sarif");
  CHECK(sarif_states(report) ==
        std::vector<std::string>{"IDL001@10:updated", "IDL002@10:unchanged", "IDL002@22:new", "IDL002@14:absent"});
  // The absent result is the baseline's, fingerprint and all.
  const json new_doc = json::parse(report);
  CHECK(new_doc["runs"][0]["results"][3]["partialFingerprints"] ==
        old_doc["runs"][0]["results"][2]["partialFingerprints"]);
  CHECK(new_doc["runs"][0]["results"][3]["message"] == old_doc["runs"][0]["results"][2]["message"]);

  // Text: every finding with its state; everything counts for the exit code.
  const RunResult text = run_idlint({"main.json", "--baseline", "old.sarif"}, dir.root);
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("main.json:10:29: error: 'SystemAssigned, UserAssigned' is not accepted by "
                      "Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview") != std::string::npos);
  CHECK(text.out.find("[IDL001 identity-type-invalid] (updated)\n") != std::string::npos);
  CHECK(text.out.find("[IDL002 user-identities-missing] (unchanged)\n") != std::string::npos);
  CHECK(text.out.find("[IDL002 user-identities-missing] (new)\n") != std::string::npos);
  CHECK(text.out.find("3 errors, 0 warnings, 0 notes in 1 file (1 file checked); against the baseline: 1 new, "
                      "1 unchanged, 1 updated, 1 absent (fixed)\n") != std::string::npos);

  // --new-only: only the new finding is shown and counted.
  const RunResult new_only = run_idlint({"main.json", "--baseline", "old.sarif", "--new-only"}, dir.root);
  CHECK(new_only.exit_code == 1);
  CHECK(count(new_only.out, ": error: ") == 1);
  CHECK(new_only.out.find("main.json:22:29: error: identity type 'UserAssigned' includes UserAssigned") !=
        std::string::npos);
  CHECK(new_only.out.find("1 error, 0 warnings, 0 notes in 1 file (1 file checked); 2 known findings not shown "
                          "(1 unchanged, 1 updated), 1 baseline finding absent (fixed)\n") != std::string::npos);

  // JSON follows the text: the listed findings with their state, and the counts by state.
  const RunResult as_json =
      run_idlint({"main.json", "--baseline", "old.sarif", "--new-only", "--format", "json"}, dir.root);
  const json j = json::parse(as_json.out);
  REQUIRE(j["findings"].size() == 1);
  CHECK(j["findings"][0]["baseline_state"] == "new");
  CHECK(j["findings"][0]["start_line"] == 22);
  CHECK(j["summary"]["errors"] == 1);
  CHECK(j["summary"]["baseline"] == json{{"new", 1}, {"unchanged", 1}, {"updated", 1}, {"absent", 1}});
  const RunResult all_json = run_idlint({"main.json", "--baseline", "old.sarif", "--format", "json"}, dir.root);
  CHECK(json::parse(all_json.out)["findings"].size() == 3);

  // With the new finding fixed too, --new-only passes while the known findings remain.
  dir.put("main.json", kAfter.substr(0, kAfter.rfind("\"UserAssigned\"")) + "\"SystemAssigned\" }\n    }\n  ]\n}\n");
  const RunResult known = run_idlint({"main.json", "--baseline", "old.sarif", "--new-only"}, dir.root);
  CHECK(known.exit_code == 0);
  CHECK(known.out ==
        "no new findings in 1 file; 2 known findings not shown (1 unchanged, 1 updated), 1 baseline "
        "finding absent (fixed)\n");
  CHECK(run_idlint({"main.json", "--baseline", "old.sarif"}, dir.root).exit_code == 1);
  CHECK(
      run_idlint({"main.json", "--baseline", "old.sarif", "--new-only", "--fail-level", "none"}, dir.root).exit_code ==
      0);
}

TEST_CASE("--baseline: the report of a run can be its own next baseline, read and rewritten in one run") {
  TempDir dir;
  dir.put("main.json", kBefore);
  REQUIRE(run_idlint({"main.json", "--format", "sarif", "--output", "idlint.sarif"}, dir.root).exit_code == 1);
  dir.put("main.json", kAfter);
  const std::vector<std::string> ratchet = {"main.json", "--baseline", "idlint.sarif", "--format",
                                            "sarif",     "--output",   "idlint.sarif"};
  CHECK(run_idlint(ratchet, dir.root).exit_code == 1);
  CHECK(sarif_states(read_file(dir.root + "/idlint.sarif")) ==
        std::vector<std::string>{"IDL001@10:updated", "IDL002@10:unchanged", "IDL002@22:new", "IDL002@14:absent"});
  // The absent result of that report is not a finding of it: it is not reported absent again.
  CHECK(run_idlint(ratchet, dir.root).exit_code == 1);
  CHECK(sarif_states(read_file(dir.root + "/idlint.sarif")) ==
        std::vector<std::string>{"IDL001@10:unchanged", "IDL002@10:unchanged", "IDL002@22:unchanged"});
}

TEST_CASE("--baseline: examples/ against its own report is all unchanged") {
  TempDir dir;
  const std::string old = dir.root + "/examples.sarif";
  REQUIRE(run_idlint({"examples", "--format", "sarif", "--output", old}, IDLINT_SOURCE_DIR).exit_code == 1);
  const RunResult r = run_idlint({"examples", "--baseline", old, "--new-only"}, IDLINT_SOURCE_DIR);
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("no new findings in ", 0) == 0);
  CHECK(r.out.find(" 0 updated), 0 baseline findings absent (fixed)\n") != std::string::npos);
  const RunResult j = run_idlint({"examples", "--baseline", old, "--format", "json"}, IDLINT_SOURCE_DIR);
  const json doc = json::parse(j.out);
  CHECK(doc["findings"].size() > 3);
  CHECK(doc["summary"]["baseline"]["unchanged"] == doc["findings"].size());
}

TEST_CASE("--baseline: a baseline that cannot be used is an error, and no report is written") {
  TempDir dir;
  dir.put("main.json", kBefore);
  auto refused = [&](const std::string& baseline, const std::string& message) {
    CAPTURE(baseline);
    const RunResult r =
        run_idlint({"main.json", "--baseline", baseline, "--format", "sarif", "--output", "report.sarif"}, dir.root);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    // The whole line, or its start when it goes on with the JSON parser's own words.
    CHECK_MESSAGE(r.err.rfind("idlint: error: " + message, 0) == 0, r.err);
    CHECK(r.err.find('\n') == r.err.size() - 1);
    CHECK_FALSE(std::filesystem::exists(dir.root + "/report.sarif"));
  };
  refused("missing.sarif", "cannot read baseline missing.sarif: No such file or directory");
  dir.put("broken.sarif", "{\"version\": \"2.1.0\", \"runs\": [");
  refused("broken.sarif", "baseline broken.sarif: not valid JSON: parse error at line 1, column ");
  dir.put("old.sarif", R"({"version": "2.0.0", "runs": []})");
  refused("old.sarif", "baseline old.sarif: not a SARIF 2.1.0 log (its version is '2.0.0')");
  dir.put("other.sarif", R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "PSRule"}}, "results": []}]})");
  refused("other.sarif", "baseline other.sarif: no run written by idlint (runs from 'PSRule')");

  const RunResult usage = run_idlint({"main.json", "--new-only"}, dir.root);
  CHECK(usage.exit_code == 2);
  CHECK(usage.err == "idlint: error: --new-only needs --baseline FILE\n");
  CHECK(usage.out.empty());
}

TEST_CASE("--baseline --new-only: a new finding that is suppressed does not count, and shows only when asked") {
  TempDir dir;
  dir.put("main.json", kBefore);
  REQUIRE(run_idlint({"main.json", "--format", "sarif", "--output", "old.sarif"}, dir.root).exit_code == 1);
  // pg3 is new, and its finding is suppressed where it is written.
  std::string after = kAfter;
  const std::string pg3 = "\"name\": \"pg3\",\n      \"identity\"";
  REQUIRE(after.find(pg3) != std::string::npos);
  after.replace(after.find(pg3), pg3.size(),
                "\"name\": \"pg3\",\n      // idlint-disable-next-line IDL002 -- identities come next sprint\n"
                "      \"identity\"");
  dir.put("main.json", after);
  const RunResult r = run_idlint({"main.json", "--baseline", "old.sarif", "--new-only"}, dir.root);
  CHECK(r.exit_code == 0);
  CHECK(count(r.out, ": error: ") == 0);
  CHECK(r.out.find("no new findings in 1 file; 1 suppressed; 2 known findings not shown") != std::string::npos);
  const RunResult shown =
      run_idlint({"main.json", "--baseline", "old.sarif", "--new-only", "--show-suppressed"}, dir.root);
  CHECK(shown.exit_code == 0);
  CHECK(shown.out.find("[IDL002 user-identities-missing] (new) (suppressed: identities come next sprint)\n") !=
        std::string::npos);
  // SARIF keeps it, new and suppressed.
  const RunResult sarif =
      run_idlint({"main.json", "--baseline", "old.sarif", "--format", "sarif", "--output", "new.sarif"}, dir.root);
  CHECK(sarif.exit_code == 1);  // without --new-only the known findings count
  bool found = false;
  const json doc = json::parse(read_file(dir.root + "/new.sarif"));
  for (const json& res : doc["runs"][0]["results"]) {
    if (res.contains("suppressions")) {
      found = true;
      CHECK(res["baselineState"] == "new");
      CHECK(res["suppressions"][0]["justification"] == "identities come next sprint");
    }
  }
  CHECK(found);
}
