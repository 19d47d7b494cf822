// Values from other files, as a user drives them: --parameters, pairing by name, .bicepparam,
// --module-cache and --explain-unknown.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support.h"

using namespace idlint::test;
namespace fs = std::filesystem;

namespace {

const std::string kValues = std::string(IDLINT_SOURCE_DIR) + "/testdata/values";

std::vector<std::string> messages(const RunResult& r) {
  std::vector<std::string> out;
  const auto doc = nlohmann::json::parse(r.out);
  for (const auto& f : doc["findings"]) {
    out.push_back(f["rule_id"].get<std::string>() + " " + f["message"].get<std::string>());
  }
  return out;
}

bool any_contains(const std::vector<std::string>& list, const std::string& part) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("a template is linted with the parameter files paired by name, or those given with --parameters") {
  const std::string dir = kValues + "/arm-parameter-file";
  // The production value is a spelling warning (IDL007): --fail-level warning makes it count.
  const RunResult paired = run_idlint({dir + "/azuredeploy.json", "--format", "json", "--fail-level", "warning"});
  CHECK(paired.exit_code == 1);
  CHECK(any_contains(messages(paired), "(with parameter file 'azuredeploy.parameters.prod.json')"));

  const RunResult unpaired = run_idlint({dir + "/azuredeploy.json", "--format", "json", "--no-parameter-pairing"});
  CHECK(unpaired.exit_code == 0);
  CHECK(messages(unpaired).empty());

  // Named explicitly, only the named file applies.
  const RunResult dev =
      run_idlint({dir + "/azuredeploy.json", "--parameters", dir + "/azuredeploy.parameters.json", "--format", "json"});
  CHECK(dev.exit_code == 0);
  CHECK(messages(dev).empty());
  const RunResult prod = run_idlint(
      {dir + "/azuredeploy.json", "--parameters", dir + "/azuredeploy.parameters.prod.json", "--format", "json",
       "--fail-level", "warning"});
  CHECK(prod.exit_code == 1);
  CHECK(messages(prod).size() == 1);

  // --parameters belongs to one template.
  const RunResult two = run_idlint({dir, "--parameters", dir + "/azuredeploy.parameters.json"});
  CHECK(two.exit_code == 2);
  CHECK(two.err.find("--parameters applies to one template") != std::string::npos);
}

TEST_CASE("a parameter file that cannot be used is said on standard error; a malformed one is IDL900") {
  const std::string d = temp_dir();
  write_file(d + "/main.json",
             R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    "parameters": {"t": {"type": "string", "defaultValue": "SystemAssigned"}},
    "resources": [{"type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01", "name": "pg",
                   "identity": {"type": "[parameters('t')]"}}]})");
  write_file(d + "/main.parameters.json",
             R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
    "parameters": {"t": {"value": "SystemAssigned"})");  // not closed
  const RunResult r = run_idlint({d + "/main.json"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("main.parameters.json:2:") != std::string::npos);
  CHECK(r.out.find("IDL900") != std::string::npos);

  const RunResult missing = run_idlint({d + "/main.json", "--parameters", d + "/nope.parameters.json"});
  CHECK(missing.exit_code == 0);
  CHECK(missing.err.find("nope.parameters.json: No such file or directory") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("a .bicepparam reports what its values add to its template, pointing into the template") {
  const std::string dir = kValues + "/bicepparam";
  const RunResult prod = run_idlint({dir + "/prod.bicepparam", "--format", "json"});
  CHECK(prod.exit_code == 1);
  const auto doc = nlohmann::json::parse(prod.out);
  REQUIRE(doc["findings"].size() == 1);
  CHECK(doc["findings"][0]["file"].get<std::string>().find("main.bicep") != std::string::npos);
  CHECK(doc["findings"][0]["message"].get<std::string>().find("(with parameter file 'prod.bicepparam')") !=
        std::string::npos);
  CHECK(run_idlint({dir + "/dev.bicepparam"}).exit_code == 0);
  CHECK(run_idlint({dir + "/main.bicep"}).exit_code == 0);
}

TEST_CASE("registry modules come from --module-cache; --explain-unknown says which module was not followed") {
  const std::string dir = kValues + "/registry-module";
  const RunResult cached = run_idlint(
      {dir + "/main.bicep", "--module-cache", dir + "/cache", "--format", "json", "--fail-level", "warning"});
  CHECK(cached.exit_code == 1);
  CHECK(any_contains(messages(cached), "IDL007 'systemAssigned' is spelled 'SystemAssigned'"));

  const std::string empty = temp_dir();
  const RunResult uncached = run_idlint({dir + "/main.bicep", "--module-cache", empty, "--format", "json"});
  CHECK(uncached.exit_code == 0);
  CHECK(messages(uncached).empty());

  const RunResult explained = run_idlint({dir + "/main.bicep", "--module-cache", empty, "--explain-unknown"});
  CHECK(explained.exit_code == 0);
  CHECK(explained.out.find("module 'pg' is not followed") != std::string::npos);
  CHECK(explained.out.find("is not in the local module cache") != std::string::npos);
  CHECK(explained.err.find("checked value") != std::string::npos);
  fs::remove_all(empty);
}

// '~' is read from HOME, never from the password database: a static binary has no NSS to ask.
TEST_CASE("'~/' in --module-cache and moduleCache is HOME's folder; without HOME it is an error that says so") {
  const std::string dir = kValues + "/registry-module";
  const auto idlint_with = [](const std::string& env, const std::vector<std::string>& args, const std::string& cwd) {
    std::vector<std::string> argv = {"env", "-u", "HOME"};
    if (!env.empty()) argv.push_back(env);
    argv.push_back(IDLINT_BINARY);
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, cwd);
  };
  const std::vector<std::string> lint = {"main.bicep", "--format", "json", "--fail-level", "warning"};
  std::vector<std::string> args = lint;
  args.insert(args.end(), {"--module-cache", "~/cache"});
  const RunResult home = idlint_with("HOME=" + dir, args, dir);
  CHECK(home.exit_code == 1);
  CHECK(any_contains(messages(home), "IDL007 'systemAssigned' is spelled 'SystemAssigned'"));
  args.back() = "~";  // HOME itself
  CHECK(idlint_with("HOME=" + dir + "/cache", args, dir).exit_code == 1);

  args.back() = "~/cache";
  const RunResult no_home = idlint_with("", args, dir);
  CHECK(no_home.exit_code == 2);
  CHECK(no_home.out.empty());
  CHECK(no_home.err ==
        "idlint: error: --module-cache: '~/cache' starts with '~' and HOME is not set: write the folder in full\n"
        "Run 'idlint --help' for usage.\n");
  CHECK(idlint_with("HOME=", args, dir).exit_code == 2);  // empty is not set
  args.back() = "~someone/cache";
  const RunResult other = idlint_with("HOME=" + dir, args, dir);
  CHECK(other.exit_code == 2);
  CHECK(other.err.rfind("idlint: error: --module-cache: '~someone/cache' names another user's home folder: write the "
                        "folder in full\n",
                        0) == 0);
  // Not at the start, '~' is a name like any other.
  args.back() = "./~/cache";
  CHECK(idlint_with("HOME=" + dir, args, dir).exit_code == 0);

  // Without HOME and without --module-cache, registry modules are not followed, and --explain-unknown says why.
  const RunResult no_cache = idlint_with("", {"main.bicep", "--explain-unknown"}, dir);
  CHECK(no_cache.exit_code == 0);
  CHECK(no_cache.out.find("no local module cache (HOME is not set)") != std::string::npos);

  TempDir repo;
  repo.put("main.bicep", read_file(dir + "/main.bicep"));
  repo.put("idlint.jsonc", "{\n  \"moduleCache\": \"~/cache\"\n}\n");
  const RunResult config = idlint_with("HOME=" + dir, lint, repo.root);
  CHECK(config.exit_code == 1);
  CHECK(any_contains(messages(config), "IDL007 'systemAssigned' is spelled 'SystemAssigned'"));
  const RunResult config_no_home = idlint_with("", {"main.bicep"}, repo.root);
  CHECK(config_no_home.exit_code == 2);
  CHECK(config_no_home.err.find("idlint.jsonc:2:18: 'moduleCache': '~/cache' starts with '~' and HOME is not set: "
                                "write the folder in full") != std::string::npos);
}

TEST_CASE("--explain-unknown counts the functions it does not evaluate, by name") {
  const std::string d = temp_dir();
  write_file(d + "/t.bicep", R"(resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg'
  identity: {
    type: someFutureFunction('x')
  }
}
)");
  const RunResult r = run_idlint({d + "/t.bicep", "--explain-unknown"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("identity.type could not be determined: function 'someFutureFunction' is not evaluated") !=
        std::string::npos);
  CHECK(r.err.find("functions not evaluated: someFutureFunction (1)") != std::string::npos);
  // Off by default.
  CHECK(run_idlint({d + "/t.bicep"}).out.find("IDL901") == std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("module paths that are missing, devices or the file itself end in Unknown, not in a hang") {
  const std::string d = temp_dir();
  write_file(d + "/main.bicep", R"(module a './missing.bicep' = {
  name: 'a'
  params: {}
}
module b '/dev/zero' = {
  name: 'b'
  params: {}
}
module c './main.bicep' = {
  name: 'c'
  params: {}
}
)");
  const RunResult r = run_idlint({d + "/main.bicep", "--explain-unknown", "--module-cache", d});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("module 'a' is not followed") != std::string::npos);
  CHECK(r.out.find("not found") != std::string::npos);
  CHECK(r.out.find("module 'b' is not followed") != std::string::npos);
  CHECK(r.out.find("module 'c' is not followed") != std::string::npos);
  CHECK(r.out.find("calls itself") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("a finding that holds only while a parameter keeps its empty default is a warning saying the contract") {
  const std::string fixture = std::string(IDLINT_SOURCE_DIR) + "/testdata/IDL002/bad-contract-empty-default-name";
  for (const std::string ext : {".json", ".bicep"}) {
    CAPTURE(ext);
    const RunResult r = run_idlint({fixture + ext, "--rule", "IDL002", "--format", "json"});
    CHECK(r.exit_code == 1);  // the other server's finding is an error
    const auto doc = nlohmann::json::parse(r.out);
    REQUIRE(doc["findings"].size() == 2);
    for (const auto& f : doc["findings"]) {
      const std::string message = f["message"];
      if (message.find("'identityName' is not given") != std::string::npos) {
        CHECK(f["level"] == "warning");
        CHECK(message.find("(when parameter 'identityType' is 'UserAssigned' and 'identityName' is not "
                           "given)") != std::string::npos);
      } else {
        CHECK(f["level"] == "error");
        CHECK(message.find("(when parameter 'fixedType' is 'UserAssigned')") != std::string::npos);
      }
    }
    // SARIF carries the level on the result; the rule's default stays an error.
    const RunResult sarif = run_idlint({fixture + ext, "--rule", "IDL002", "--format", "sarif"});
    const auto log = nlohmann::json::parse(sarif.out);
    std::vector<std::string> levels;
    for (const auto& res : log["runs"][0]["results"]) levels.push_back(res["level"]);
    std::sort(levels.begin(), levels.end());
    CHECK(levels == std::vector<std::string>{"error", "warning"});
    // Only warnings at the error threshold's reach: --fail-level error still fails on the other server.
  }

  // Given explicitly, even empty, the name is the user's value: the finding is an error again.
  TempDir t;
  const std::string tmpl = t.put("main.json", read_file(fixture + ".json"));
  t.put("main.parameters.json", R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "identityType": { "value": "UserAssigned" }, "identityName": { "value": "" }, "fixedType": { "value": "None" } }
})");
  const RunResult given = run_idlint({tmpl, "--rule", "IDL002", "--format", "json"});
  const auto doc = nlohmann::json::parse(given.out);
  bool explicit_error = false;
  for (const auto& f : doc["findings"]) {
    const std::string message = f["message"];
    if (message.find("(with parameter file 'main.parameters.json')") != std::string::npos) {
      explicit_error = f["level"] == "error" && message.find("is not given") == std::string::npos;
    }
  }
  CHECK(explicit_error);
}

TEST_CASE("a module's parameter contract is left out when every call in the run gives the parameter") {
  const std::string module = read_file(std::string(IDLINT_SOURCE_DIR) +
                                       "/testdata/IDL002/bad-contract-empty-default-name.bicep");
  TempDir t;
  t.put("modules/app.bicep", module);
  const std::string caller = t.put("main.bicep", R"(module app './modules/app.bicep' = {
  name: 'app'
  params: {
    identityType: 'UserAssigned'
    identityName: 'uami-app'
  }
}
)");
  auto contract_warnings = [](const RunResult& r) {
    size_t n = 0;
    const auto doc = nlohmann::json::parse(r.out);
    for (const auto& f : doc["findings"]) {
      n += f["message"].get<std::string>().find("'identityName' is not given") != std::string::npos;
    }
    return n;
  };
  // The folder: the only call gives identityName, and is checked with it (nothing to report there).
  const RunResult folder = run_idlint({t.root, "--rule", "IDL002", "--format", "json"});
  CHECK(contract_warnings(folder) == 0);
  // The module alone: its contract is all there is to say.
  const RunResult alone = run_idlint({t.root + "/modules/app.bicep", "--rule", "IDL002", "--format", "json"});
  CHECK(contract_warnings(alone) == 1);
  // A second call that leaves identityName out: the contract is reported again.
  t.put("other.bicep", "module app './modules/app.bicep' = {\n  name: 'other'\n  params: {\n    fixedType: 'None'\n  }\n}\n");
  const RunResult both = run_idlint({t.root, "--rule", "IDL002", "--format", "json"});
  CHECK(contract_warnings(both) == 1);
  // Named on its own, the caller is checked with its arguments: nothing there either.
  CHECK(contract_warnings(run_idlint({caller, "--rule", "IDL002", "--format", "json"})) == 0);
}
