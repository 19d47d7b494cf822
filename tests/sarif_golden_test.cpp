// Golden SARIF: idlint on examples/ must produce tests/golden/examples.sarif (version and the
// machine-specific root URI normalised). UPDATE_GOLDEN=1 rewrites the golden file.
#include <doctest/doctest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

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
    write_file(golden_path, actual.dump(2) + "\n");
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
