// The command line as a user meets it: exit codes, formats, directory walking, --output, errors.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>
#include <nlohmann/json.hpp>

#include "cli/app.h"
#include "cli/discover.h"
#include "rules/rule.h"
#include "support.h"

using namespace idlint::test;
namespace fs = std::filesystem;

namespace {

const std::string kSchema =
    R"("$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#")";

std::string server(const std::string& api, const std::string& type) {
  return "{\n  " + kSchema + R"(,
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": ")" +
         api + R"(",
      "name": "pg",
      "identity": { "type": ")" +
         type + R"(" }
    }
  ]
}
)";
}

const std::string kBad = server("2023-12-01-preview", "SystemAssigned, UserAssigned");  // IDL001 (and IDL002)
const std::string kClean = server("2024-08-01", "SystemAssigned");

struct Tree {
  std::string root = temp_dir();
  ~Tree() { fs::remove_all(root); }
  std::string put(const std::string& rel, const std::string& text) {
    write_file(root + "/" + rel, text);
    return root + "/" + rel;
  }
};

}  // namespace

TEST_CASE("--list-rules") {
  RunResult l = run_idlint({"--list-rules"});
  CHECK(l.exit_code == 0);
  CHECK(l.out.find("IDL001  identity-type-invalid") != std::string::npos);
  CHECK(l.out.find("IDL900") != std::string::npos);
}

TEST_CASE("--catalog TYPE prints the identity.type values by api-version and the user identity limit, with sources") {
  const RunResult pg = run_idlint({"--catalog", "microsoft.dbforpostgresql/FLEXIBLESERVERS"});
  CHECK(pg.exit_code == 0);
  CHECK(pg.out.rfind("Microsoft.DBforPostgreSQL/flexibleServers\n", 0) == 0);  // the type as the catalog spells it
  CHECK(pg.out.find("(source: Azure/bicep-types-az 1f896de2db966ad91e8f7d7d981e11d32e4f5d8d") != std::string::npos);
  CHECK(pg.out.find("    'None', 'UserAssigned'\n"
                    "      at 2022-12-01, 2023-03-01-preview, 2023-06-01-preview, 2023-12-01-preview, "
                    "2024-03-01-preview\n") != std::string::npos);
  CHECK(pg.out.find("    no managed identity\n      at 2021-06-01-preview, 2021-06-01, 2022-01-20-preview\n") !=
        std::string::npos);
  CHECK(pg.out.find("user-assigned identities (IDL008): at most 150 in one request") != std::string::npos);
  const RunResult aks = run_idlint({"--catalog", "Microsoft.ContainerService/managedClusters"});
  CHECK(aks.exit_code == 0);
  CHECK(aks.out.find("    'SystemAssigned', 'UserAssigned', 'None'\n      at ") != std::string::npos);
  CHECK(aks.out.find("  user-assigned identities (IDL008): at most 1\n"
                     "    \"The count of user assigned identity specified in identity.userAssignedIdentities is 2, while "
                     "expected value is 1.\" (service error quoted in hashicorp/terraform-provider-azurerm#16890; the "
                     "specification: \"Only one user assigned identity is allowed.\")\n") != std::string::npos);
  // The evidence beyond the specification, in the order it applies, each with its source.
  const RunResult vault = run_idlint({"--catalog", "Microsoft.RecoveryServices/vaults"});
  const size_t error = vault.out.find(
      "    IDL001 error for 'systemassigned,userassigned' written with a space at api-version 2022-10-01: the vault is "
      "created with identity type 'None' for this spelling\n      source: Azure/azure-rest-api-specs#27851");
  const size_t warning = vault.out.find(
      "    IDL006 warning for 'systemassigned,userassigned' written with a space at all api-versions");
  const size_t accepted = vault.out.find(
      "    accepted 'SystemAssigned,UserAssigned' (no IDL006 or IDL007): deployed by avm/res/recovery-services/vault");
  CHECK(error != std::string::npos);
  CHECK(warning != std::string::npos);
  CHECK(accepted != std::string::npos);
  CHECK((error < warning && warning < accepted));
  // The properties IDL014 checks, with their kind, system keywords, parent and first api-version.
  const RunResult cosmos = run_idlint({"--catalog", "Microsoft.DocumentDB/databaseAccounts"});
  CHECK(cosmos.out.find("  properties that must name one of its identities (IDL014):\n"
                        "    properties.defaultIdentity: 'UserAssignedIdentity=' and a resource ID; system identity: "
                        "'SystemAssignedIdentity'; from api-version 2021-03-15\n") != std::string::npos);
  const RunResult named = run_idlint({"--catalog", "Microsoft.ApiManagement/service/namedValues"});
  CHECK(named.out.find("    properties.keyVault.identityClientId: a client ID; names an identity of the parent "
                       "Microsoft.ApiManagement/service") != std::string::npos);
  // The AKS kubelet identity is not one of the cluster's identities: not listed.
  CHECK(aks.out.find("kubeletidentity") == std::string::npos);
  const RunResult sync = run_idlint({"--catalog", "Microsoft.Sql/servers/jobAgents"});
  CHECK(sync.out.find("parts besides None, SystemAssigned and UserAssigned: 'SystemAssignedUserAssigned'\n") !=
        std::string::npos);
  const RunResult strings = run_idlint({"--catalog", "Microsoft.DataProtection/backupVaults"});
  CHECK(strings.out.find("a string (any value): only its parts are checked") != std::string::npos);
  // A type retired from the specifications, with recorded evidence: the evidence still applies.
  const RunResult media = run_idlint({"--catalog", "Microsoft.Media/mediaservices"});
  CHECK(media.out.find("not in the specifications the catalog is made of; its parts are checked (IDL001), and the "
                       "evidence below\n") != std::string::npos);
  CHECK(media.out.find("IDL001 error for 'systemassigned,userassigned' written with a space at api-version "
                       "2021-11-01: the service answers HTTP 500 to this spelling") != std::string::npos);
  const RunResult none = run_idlint({"--catalog", "Contoso.Widgets/gadgets"});
  CHECK(none.exit_code == 0);
  CHECK(none.out.find("the specifications give this type no identity, so IDL001, IDL006 and IDL007 do not check it") !=
        std::string::npos);
  const RunResult empty = run_idlint({"--catalog", ""});
  CHECK(empty.exit_code == 2);
  CHECK(empty.err.find("--catalog: the value is empty") != std::string::npos);
}

TEST_CASE("exit codes: 0 clean, 1 findings at the fail level, 2 usage and unreadable input") {
  Tree t;
  const std::string bad = t.put("bad.json", kBad);
  const std::string clean = t.put("clean.json", kClean);
  CHECK(run_idlint({clean}).exit_code == 0);
  RunResult r = run_idlint({bad});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("bad.json:9:29: error: 'SystemAssigned, UserAssigned' is not accepted") != std::string::npos);
  CHECK(r.out.find("[IDL001 identity-type-invalid]") != std::string::npos);
  CHECK(r.out.find("^~~~") != std::string::npos);
  CHECK(run_idlint({bad, "--fail-level", "none"}).exit_code == 0);
  CHECK(run_idlint({"--bogus"}).exit_code == 2);
  CHECK(run_idlint({"--format", "xml", clean}).exit_code == 2);
  CHECK(run_idlint({"--rule", "IDL999", clean}).exit_code == 2);
  RunResult missing = run_idlint({t.root + "/nope.json", bad});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("cannot read") != std::string::npos);
  CHECK(missing.out.find("IDL001") != std::string::npos);  // the other file is still linted
}

TEST_CASE("--fail-level warning counts warnings") {
  Tree t;
  const std::string f =
      t.put("w.json", server("2024-08-01", "SystemAssigned")
                          .replace(server("2024-08-01", "SystemAssigned").find("\"type\": \"SystemAssigned\""), 24,
                                   "\"type\": \"SystemAssigned\", \"principalId\": \"x\""));
  RunResult e = run_idlint({f});
  CHECK(e.exit_code == 0);
  CHECK(e.out.find("IDL005") != std::string::npos);
  CHECK(run_idlint({f, "--fail-level", "warning"}).exit_code == 1);
}

TEST_CASE("--rule and --disable select rules") {
  Tree t;
  const std::string bad = t.put("bad.json", kBad);
  RunResult only = run_idlint({bad, "--rule", "IDL002"});
  CHECK(only.out.find("IDL001") == std::string::npos);
  RunResult off = run_idlint({bad, "--disable", "IDL001", "--disable", "identity-type-invalid"});
  CHECK(off.out.find("IDL001") == std::string::npos);
  CHECK(off.exit_code == 1);  // IDL002 remains
}

TEST_CASE("a malformed file gives one IDL900, exit 2, and other files are still linted") {
  Tree t;
  t.put("a-broken.json",
        "{\n  " + kSchema + ",\n  \"resources\": [\n    {\"type\": \"x\"\n     \"name\": 1}\n  ]\n}\n");
  t.put("b-bad.json", kBad);
  RunResult r = run_idlint({t.root});
  CHECK(r.exit_code == 2);
  CHECK(r.out.find(
            "a-broken.json:5:6: error: expected ',' or '}' after an object member, found '\"' [IDL900 syntax-error]") !=
        std::string::npos);
  CHECK(r.out.find("b-bad.json:9:29") != std::string::npos);
}

TEST_CASE("a syntax error is reported whatever --rule selects; with IDL900 disabled, on standard error") {
  Tree t;
  const std::string broken = t.put("broken.json", "{\n  " + kSchema + ",\n  \"resources\": [\n");
  RunResult only = run_idlint({"--rule", "IDL001", broken});
  CHECK(only.exit_code == 2);
  CHECK(only.out.find("broken.json:4:1: error: unexpected end of file") != std::string::npos);
  CHECK(only.out.find("[IDL900 syntax-error]") != std::string::npos);
  RunResult disabled = run_idlint({"--disable", "IDL900", broken});
  CHECK(disabled.exit_code == 2);
  CHECK(disabled.out.find("IDL900") == std::string::npos);
  CHECK(disabled.err.find("broken.json:4:1: unexpected end of file") != std::string::npos);
}

TEST_CASE("directories: templates only, skipping .git, node_modules, hidden folders and symlink loops") {
  Tree t;
  t.put("infra/main.json", kBad);
  t.put(
      "infra/main.parameters.json",
      R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {}})");
  t.put("package.json", R"({"name": "x", "version": "1.0.0"})");
  t.put("notes.json", "this is not json at all");
  t.put("node_modules/dep/t.json", kBad);
  t.put(".git/t.json", kBad);
  t.put(".hidden/t.json", kBad);
  t.put("infra/readme.txt", kBad);
  fs::create_directory_symlink(t.root + "/infra", t.root + "/infra/loop");
  RunResult r = run_idlint({t.root, "--format", "json"}, t.root);
  CHECK(r.exit_code == 1);
  const auto doc = nlohmann::json::parse(r.out);
  std::set<std::string> files;
  for (const auto& f : doc["findings"]) files.insert(f["file"].get<std::string>());
  CHECK(files == std::set<std::string>{t.root + "/infra/main.json"});
  CHECK(doc["summary"]["files_checked"] == 1);
  CHECK(r.err.empty());
}

TEST_CASE("parameter files in a directory are set aside quietly, whatever they hold; a named one lints its template") {
  Tree t;
  const std::string params_schema =
      R"("$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#")";
  t.put("infra/main.json", kBad);
  // Each of these mentions deploymentTemplate.json, so a text search alone would take it for a template.
  t.put("infra/main.parameters.json", "{" + params_schema + R"(, "parameters": {
    "templateUri": {"value": "https://example.com/deploymentTemplate.json"},
    "location": {"value": "${AZURE_LOCATION}"}}})");
  // Malformed, and paired with no template (a paired one is read with its template and reported).
  t.put("infra/other.parameters.dev.json", "{" + params_schema + R"(, "parameters": {
    "templateUri": {"value": "deploymentTemplate.json"} )");
  t.put("infra/dev-values.json", "{" + params_schema + R"(, "parameters": { "u": "deploymentTemplate.json" )");
  t.put("infra/azuredeploy.parameters-dev.json", R"({"templateUri": {"value": "deploymentTemplate.json"}})");
  // A template under a parameter file's name is still a template.
  t.put("infra/odd.parameters.json", kBad);
  RunResult r = run_idlint({t.root, "--format", "json"});
  CHECK(r.exit_code == 1);
  const auto doc = nlohmann::json::parse(r.out);
  std::set<std::string> files;
  for (const auto& f : doc["findings"]) files.insert(f["file"].get<std::string>());
  CHECK(files == std::set<std::string>{t.root + "/infra/main.json", t.root + "/infra/odd.parameters.json"});
  CHECK(doc["summary"]["files_checked"] == 2);
  CHECK(r.err.empty());

  RunResult text = run_idlint({t.root + "/infra"});
  CHECK(text.out.find("main.parameters") == std::string::npos);
  CHECK(text.out.find("dev-values.json") == std::string::npos);
  CHECK(text.out.find("(2 files checked)") != std::string::npos);

  // Named on the command line (as pre-commit names a changed file), a parameter file is linted
  // through the template it pairs with, once even when the template is named too.
  RunResult named = run_idlint({t.root + "/infra/main.parameters.json", "--format", "json"});
  CHECK(named.exit_code == 1);
  const auto named_doc = nlohmann::json::parse(named.out);
  CHECK(named_doc["summary"]["files_checked"] == 1);
  REQUIRE(!named_doc["findings"].empty());
  for (const auto& f : named_doc["findings"]) CHECK(f["file"] == t.root + "/infra/main.json");
  CHECK(named.err.empty());
  RunResult both =
      run_idlint({t.root + "/infra/main.parameters.json", t.root + "/infra/main.json", "--format", "json"});
  CHECK(nlohmann::json::parse(both.out)["summary"]["files_checked"] == 1);
  // A parameter file no template pairs with is skipped, and the note says how to lint it.
  const std::string lonely_file =
      t.put("infra/shared.parameters.json", "{" + params_schema + R"(, "parameters": {"location": {"value": "x"}}})");
  RunResult lonely = run_idlint({lonely_file});
  CHECK(lonely.exit_code == 0);
  CHECK(lonely.err.find("skipped") != std::string::npos);
  CHECK(lonely.err.find("--parameters") != std::string::npos);
}

TEST_CASE("discover() lists the parameter files it set aside") {
  Tree t;
  t.put("a/main.json", kClean);
  t.put("a/main.parameters.json", R"({"location": {"value": "westeurope"}})");
  const std::string named = t.put("b/x.parameters.json", R"({"location": {"value": "westeurope"}})");
  const idlint::DiscoveryResult found = idlint::discover({t.root + "/a", named});
  REQUIRE(found.files.size() == 2);
  CHECK(found.files[0].path == t.root + "/a/main.json");
  CHECK(found.files[1].path == named);  // named files are kept as they are
  CHECK(found.files[1].explicitly_named);
  CHECK(found.parameter_files == std::vector<std::string>{t.root + "/a/main.parameters.json"});
}

TEST_CASE("the default path is the current directory") {
  Tree t;
  t.put("main.json", kBad);
  RunResult r = run_idlint({}, t.root);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("./main.json:9:29") != std::string::npos);
}

TEST_CASE("a named file that is not a template is skipped with a note") {
  Tree t;
  const std::string pkg = t.put("package.json", R"({"name": "x"})");
  RunResult r = run_idlint({pkg});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("skipped") != std::string::npos);
  CHECK(run_idlint({pkg, "--quiet"}).err.empty());
}

TEST_CASE("json output carries positions, levels and related locations") {
  Tree t;
  const std::string f = t.put("p.json", "{\n  " + kSchema + R"(,
  "parameters": { "kind": { "type": "string", "defaultValue": "SystemAssigned, UserAssigned" } },
  "resources": [ { "type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2023-12-01-preview", "name": "pg",
    "identity": { "type": "[parameters('kind')]", "userAssignedIdentities": { "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'a')]": {} } } } ]
})");
  RunResult r = run_idlint({f, "--format", "json"});
  CHECK(r.exit_code == 1);
  const auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["findings"].size() == 1);
  const auto& finding = doc["findings"][0];
  CHECK(finding["rule_id"] == "IDL001");
  CHECK(finding["level"] == "error");
  CHECK(finding["start_line"] == 5);
  CHECK(finding["start_column"] == 27);
  REQUIRE(finding["related"].size() == 1);
  CHECK(finding["related"][0]["start_line"] == 3);
  CHECK(finding["related"][0]["message"].get<std::string>().find("default value of parameter 'kind'") !=
        std::string::npos);
}

TEST_CASE("--output writes the whole report or nothing") {
  Tree t;
  const std::string bad = t.put("bad.json", kBad);
  const std::string out = t.root + "/report.sarif";
  RunResult r = run_idlint({bad, "--format", "sarif", "--output", out});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  const auto doc = nlohmann::json::parse(read_file(out));
  CHECK(doc["version"] == "2.1.0");
  size_t leftovers = 0;
  for (const auto& e : fs::directory_iterator(t.root))
    leftovers += e.path().filename().string().rfind(".report", 0) == 0;
  CHECK(leftovers == 0);

  // An unwritable destination is an error and leaves nothing behind.
  RunResult fail = run_idlint({bad, "--output", t.root + "/no/such/dir/report.txt"});
  CHECK(fail.exit_code == 2);
  CHECK(fail.err.find("cannot") != std::string::npos);
}

TEST_CASE("unreadable files are reported and do not stop the run") {
  Tree t;
  const std::string locked = t.put("locked.json", kBad);
  const std::string other = t.put("other.json", kBad);
  ::chmod(locked.c_str(), 0);
  RunResult r;
  if (::geteuid() != 0) {
    r = run_idlint({locked, other});
  } else {
    // Permission bits do not stop root's reads, and the suite often runs as root (CI containers):
    // there idlint runs as the unprivileged user 65534, from a copy it can reach (the build folder
    // may be under a home only root can enter), with a home of its own.
    ::chmod(t.root.c_str(), 0755);
    const std::string binary = t.root + "/idlint";
    fs::copy_file(IDLINT_BINARY, binary);
    ::chmod(binary.c_str(), 0755);
    ::chmod(other.c_str(), 0644);
    r = run_command({"env", "HOME=" + t.root, "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", binary,
                     locked, other});
    REQUIRE_MESSAGE(r.err.find("setpriv") == std::string::npos, r.err);
  }
  CHECK(r.exit_code == 2);
  CHECK(r.err == "idlint: error: cannot read " + locked + ": Permission denied\n");
  // The other file is still linted.
  CHECK(r.out.find(other + ":") != std::string::npos);
  CHECK(r.out.find("IDL001") != std::string::npos);
}

TEST_CASE("a file named twice is linted once; special files and huge files are errors, not hangs") {
  Tree t;
  const std::string bad = t.put("bad.json", kBad);
  RunResult twice = run_idlint({bad, t.root, "--format", "json"});
  CHECK(nlohmann::json::parse(twice.out)["findings"].size() == 2);  // IDL001 and IDL002, once each

  RunResult fifo = run_idlint({"/dev/zero", bad});
  CHECK(fifo.exit_code == 2);
  CHECK(fifo.err.find("/dev/zero: not a regular file") != std::string::npos);
  CHECK(fifo.out.find("IDL001") != std::string::npos);

  // Met in a folder walk, a FIFO or a device named like a template is the same error (README:
  // "named or met in a walk"), the walk goes on, and nothing waits on the FIFO.
  Tree w;
  const std::string walked_bad = w.put("a/bad.json", kBad);
  REQUIRE(::mkfifo((w.root + "/a/pipe.json").c_str(), 0600) == 0);
  fs::create_symlink("/dev/null", w.root + "/a/null.bicep");
  RunResult walk = run_idlint({w.root});
  CHECK(walk.exit_code == 2);
  CHECK(walk.err == "idlint: error: cannot read " + w.root + "/a/null.bicep: not a regular file (a character device)\n"
                    "idlint: error: cannot read " + w.root + "/a/pipe.json: not a regular file (a FIFO)\n");
  CHECK(walk.out.find(walked_bad + ":") != std::string::npos);

  const std::string huge = t.root + "/huge.json";
  {
    std::ofstream out(huge);
    out << "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"x\": "
           "\"";
    const std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 65; ++i) out << chunk;
    out << "\"}";
  }
  RunResult h = run_idlint({huge});
  CHECK(h.exit_code == 2);
  CHECK(h.err.find("larger than 64 MiB") != std::string::npos);
}

TEST_CASE("--rule takes one id per occurrence, so paths may follow it") {
  Tree t;
  const std::string bad = t.put("bad.json", kBad);
  RunResult r = run_idlint({"--rule", "IDL001", bad});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("IDL001") != std::string::npos);
  CHECK(r.out.find("IDL002") == std::string::npos);
}

TEST_CASE("long lines (minified templates) are shown as a window around the position") {
  Tree t;
  const std::string f = t.put(
      "min.json",
      "{" + kSchema + R"(,"variables":{"pad":")" + std::string(5000, 'x') +
          R"("},"resources":[{"type":"Microsoft.DBforPostgreSQL/flexibleServers","apiVersion":"2023-12-01-preview","name":"p","identity":{"type":"SystemAssigned, UserAssigned"}}],"z":")" +
          std::string(5000, 'y') + "\"}");
  RunResult r = run_idlint({f, "--rule", "IDL001"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.size() < 2000);
  CHECK(r.out.find("| …") != std::string::npos);
  CHECK(r.out.find("^~~~") != std::string::npos);
}

TEST_CASE("the caret lines up under wide characters, emoji and tabs") {
  Tree t;
  // Before the value: a tab, CJK characters and an emoji (two columns each on a terminal); in it,
  // one more wide character, so the marker is one cell wider than its code points.
  const std::string before = "      \"identity\": {\t\"type\": /* 日本🚀 */ ";
  const std::string value = "\"Sys日temAssigned\"";
  std::string text = kBad;
  const size_t at = text.find("      \"identity\"");
  text.replace(at, text.find('\n', at + 1) - at, before + value + " }");
  const std::string f = t.put("wide.jsonc", text);
  RunResult r = run_idlint({f, "--rule", "IDL001"});
  REQUIRE(r.exit_code == 1);
  // The line as shown: the tab as four spaces; the marker: one space per column before the value
  // (6 + 13 + 4 + 11 + 2 * 3 + 4 = 44), then a cell per column of the value (16 + one wide = 18).
  CHECK(r.out.find(" |       \"identity\": {    \"type\": /* 日本🚀 */ \"Sys日temAssigned\" }\n") != std::string::npos);
  CHECK(r.out.find("\n   | " + std::string(44, ' ') + "^" + std::string(17, '~') + "\n") != std::string::npos);
}

TEST_CASE("colour only when asked for or on a terminal") {
  Tree t;
  const std::string bad = t.put("bad.json", kBad);
  CHECK(run_idlint({bad}).out.find("\x1b[") == std::string::npos);
  CHECK(run_idlint({bad, "--color", "always"}).out.find("\x1b[") != std::string::npos);
  CHECK(run_idlint({bad, "--color", "never"}).out.find("\x1b[") == std::string::npos);
}

TEST_CASE("binary and huge inputs end in a finding, not a crash") {
  Tree t;
  std::string binary = "{\"$schema\": \"deploymentTemplate.json\", ";
  for (int i = 0; i < 256; ++i) binary += static_cast<char>(i);
  const std::string b = t.put("binary.json", binary);
  RunResult r = run_idlint({b});
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("IDL900") != std::string::npos);

  std::string deep = "{" + kSchema + ", \"x\": " + std::string(200000, '[') + "}";
  RunResult d = run_idlint({t.put("deep.json", deep)});
  CHECK(d.exit_code == 2);
  CHECK(d.out.find("nesting is deeper") != std::string::npos);
}

TEST_CASE("a folder with ARM JSON and Bicep together: both are linted, in one report") {
  Tree t;
  t.put("infra/a.json", kBad);
  t.put("infra/b.bicep",
        "resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {\n"
        "  name: 'pg'\n"
        "  identity: {\n"
        "    type: 'SystemAssigned, UserAssigned'\n"
        "    userAssignedIdentities: {\n"
        "      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'u')}': {}\n"
        "    }\n"
        "  }\n"
        "}\n");
  t.put("infra/b.bicepparam", "using './b.bicep'\nparam unused = 'x'\n");
  t.put("infra/c.bicep", "param x string = 'a\nresource r 'A.B/c@2020-01-01' = {\n  name: 'r'\n}\n");
  RunResult r = run_idlint({t.root + "/infra", "--format", "json"});
  CHECK(r.exit_code == 2);  // c.bicep does not parse
  CHECK(r.out.find("\"file\": \"" + t.root + "/infra/a.json\"") != std::string::npos);
  CHECK(r.out.find("b.bicep\",\n      \"start_line\": 4,\n      \"start_column\": 11") != std::string::npos);
  CHECK(r.out.find("unterminated string: the closing ' is missing") != std::string::npos);
  CHECK(r.out.find("\"files_checked\": 4") != std::string::npos);

  // With the syntax error left out of the run, the Bicep findings still set the exit code.
  RunResult text = run_idlint({t.root + "/infra/b.bicep"});
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("b.bicep:4:11: error: 'SystemAssigned, UserAssigned' is not accepted") != std::string::npos);
  CHECK(text.out.find("    type: 'SystemAssigned, UserAssigned'") != std::string::npos);

  // --disable IDL900: the syntax error moves to standard error; a Bicep file's other findings stay.
  t.put("infra/d.bicep", "param broken =\n" + read_file(t.root + "/infra/b.bicep"));
  RunResult quiet = run_idlint({t.root + "/infra/d.bicep", "--disable", "IDL900"});
  CHECK(quiet.exit_code == 2);
  CHECK(quiet.err.find("d.bicep:1:14: expected a type after the parameter name, found '='") != std::string::npos);
  CHECK(quiet.out.find("d.bicep:5:11: error: 'SystemAssigned, UserAssigned' is not accepted") != std::string::npos);
  CHECK(quiet.out.find("IDL900") == std::string::npos);
}

namespace {

// kBad with a directive above its identity type (line 9 becomes line 10).
std::string suppressed_server(const std::string& directive) {
  std::string text = kBad;
  const size_t identity = text.find("      \"identity\"");
  return text.insert(identity, "      // " + directive + "\n");
}

}  // namespace

TEST_CASE("a suppressed finding does not count: exit code, text, summary") {
  Tree t;
  const std::string f =
      t.put("s.json", suppressed_server("idlint-disable-next-line IDL001 IDL002 -- the old server keeps it"));
  RunResult r = run_idlint({f});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("IDL001") == std::string::npos);
  CHECK(r.out.find("no findings in 1 file; 2 suppressed") != std::string::npos);
  CHECK(run_idlint({f, "--fail-level", "note"}).exit_code == 0);

  RunResult shown = run_idlint({f, "--show-suppressed"});
  CHECK(shown.exit_code == 0);
  CHECK(shown.out.find("s.json:10:29: error: 'SystemAssigned, UserAssigned' is not accepted") != std::string::npos);
  CHECK(shown.out.find("[IDL001 identity-type-invalid] (suppressed: the old server keeps it)\n") != std::string::npos);
  CHECK(shown.out.find("[IDL002 user-identities-missing] (suppressed: the old server keeps it)\n") !=
        std::string::npos);

  // Without the directive, the same file fails.
  CHECK(run_idlint({t.put("plain.json", kBad)}).exit_code == 1);
  // One of two findings suppressed: the other counts, and the summary says both.
  const std::string half = t.put("half/h.json", suppressed_server("idlint-disable-next-line IDL002"));
  RunResult h = run_idlint({half});
  CHECK(h.exit_code == 1);
  CHECK(h.out.find("[IDL001 identity-type-invalid]\n") != std::string::npos);
  CHECK(h.out.find("IDL002") == std::string::npos);
  CHECK(h.out.find("1 error, 0 warnings, 0 notes in 1 file (1 file checked; 1 suppressed)") != std::string::npos);
}

TEST_CASE("suppressed findings stay in SARIF and JSON, marked with the justification") {
  Tree t;
  const std::string f = t.put("s.json", suppressed_server("idlint-disable-next-line IDL001 -- kept until 2026"));
  RunResult sarif = run_idlint({f, "--format", "sarif"});
  CHECK(sarif.exit_code == 1);  // IDL002 is not suppressed
  const auto doc = nlohmann::json::parse(sarif.out);
  const auto& results = doc["runs"][0]["results"];
  REQUIRE(results.size() == 2);
  for (const auto& res : results) {
    if (res["ruleId"] == "IDL002") {
      CHECK_FALSE(res.contains("suppressions"));
      continue;
    }
    REQUIRE(res["suppressions"].size() == 1);
    const auto& s = res["suppressions"][0];
    CHECK(s["kind"] == "inSource");
    CHECK(s["justification"] == "kept until 2026");
    // Where the suppression is written: the rule id in the directive.
    const auto& region = s["location"]["physicalLocation"]["region"];
    CHECK(region["startLine"] == 9);
    CHECK(region["startColumn"] == 35);
    CHECK(region["endColumn"] == 41);
  }

  RunResult json = run_idlint({f, "--format", "json"});
  const auto j = nlohmann::json::parse(json.out);
  REQUIRE(j["findings"].size() == 2);
  CHECK(j["findings"][0]["rule_id"] == "IDL001");
  CHECK(j["findings"][0]["suppression"]["justification"] == "kept until 2026");
  CHECK(j["findings"][0]["suppression"]["start_line"] == 9);
  CHECK_FALSE(j["findings"][1].contains("suppression"));
  CHECK(j["summary"]["errors"] == 1);
  CHECK(j["summary"]["suppressed"] == 1);
}

TEST_CASE("a directive in an ARM parameter file covers the findings its value causes in the template") {
  Tree t;
  const std::string tmpl = t.put("azuredeploy.json", "{\n  " + kSchema + R"(,
  "parameters": { "identityType": { "type": "string", "defaultValue": "SystemAssigned" } },
  "resources": [ { "type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01", "name": "pg",
    "identity": { "type": "[parameters('identityType')]" } } ]
})");
  t.put("azuredeploy.parameters.json", R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "parameters": {
    // idlint-disable-next-line IDL007 IDL002 -- production keeps the exported spelling
    "identityType": { "value": "SystemAssigned, UserAssigned" },
    // idlint-disable-next-line IDL003
    "unused": { "value": 1 }
  }
})");
  RunResult r = run_idlint({tmpl, "--format", "json"});
  CHECK(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  std::vector<std::string> seen;
  for (const auto& f : doc["findings"]) {
    seen.push_back(f["rule_id"].get<std::string>() + (f.contains("suppression") ? " suppressed" : ""));
    if (f.contains("suppression")) {
      CHECK(f["suppression"]["justification"] == "production keeps the exported spelling");
      CHECK(f["suppression"]["file"] == t.root + "/azuredeploy.parameters.json");
      CHECK(f["suppression"]["start_line"] == 4);
    }
  }
  std::sort(seen.begin(), seen.end());
  // The directive that covers nothing is reported where it is written.
  CHECK(seen == std::vector<std::string>{"IDL002 suppressed", "IDL007 suppressed", "IDL902"});
  for (const auto& f : doc["findings"]) {
    if (f["rule_id"] == "IDL902") CHECK(f["file"] == t.root + "/azuredeploy.parameters.json");
  }
  // Without the parameter file the template is clean, and nothing is said of its directives.
  RunResult alone = run_idlint({tmpl, "--no-parameter-pairing", "--format", "json"});
  CHECK(nlohmann::json::parse(alone.out)["findings"].empty());
}

TEST_CASE("an unused suppression is IDL902, but not for a rule that did not run") {
  Tree t;
  const std::string f = t.put("u.json", suppressed_server("idlint-disable-next-line IDL001 IDL002 IDL005 -- old"));
  RunResult r = run_idlint({f});
  CHECK(r.exit_code == 0);  // a warning
  CHECK(r.out.find("u.json:9:49: warning: 'IDL005' suppresses nothing") != std::string::npos);
  CHECK(r.out.find("[IDL902 unused-suppression]") != std::string::npos);
  CHECK(run_idlint({f, "--fail-level", "warning"}).exit_code == 1);
  // IDL005 turned off: whether it would have found something is not known.
  RunResult off = run_idlint({f, "--disable", "IDL005"});
  CHECK(off.out.find("IDL902") == std::string::npos);
  CHECK(off.out.find("no findings in 1 file; 2 suppressed") != std::string::npos);
  CHECK(run_idlint({f, "--disable", "unused-suppression"}).out.find("IDL902") == std::string::npos);
  // Only IDL001 runs: IDL902 does not, and the IDL002 finding is not there to count.
  RunResult only = run_idlint({f, "--rule", "IDL001"});
  CHECK(only.exit_code == 0);
  CHECK(only.out.find("no findings in 1 file; 1 suppressed") != std::string::npos);
}

namespace {

// kBad as `bicep build` writes it: metadata._generator names the Bicep compiler.
std::string compiled_from_bicep(const std::string& tmpl) {
  std::string text = tmpl;
  const size_t after_schema = text.find("\n", text.find("$schema"));
  return text.insert(after_schema,
                     "\n  \"metadata\": { \"_generator\": { \"name\": \"bicep\", \"version\": \"0.30.23.60470\" } },");
}

const std::string kBadBicep =
    "resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {\n"
    "  name: 'pg'\n"
    "  identity: {\n"
    "    type: 'SystemAssigned, UserAssigned'\n"
    "  }\n"
    "}\n";

}  // namespace

TEST_CASE("a folder walk lints a compiled template once, as the Bicep file beside it; named, it is linted") {
  Tree t;
  const std::string main_json = t.put("infra/main.json", compiled_from_bicep(kBad));
  t.put("infra/main.bicep", kBadBicep);
  // Compiled, but its Bicep source is not beside it: linted.
  t.put("infra/lone.json", compiled_from_bicep(kBad));
  // Beside a Bicep file of the same name, but written by hand: linted.
  t.put("infra/hand.json", kBad);
  t.put("infra/hand.bicep", kBadBicep);

  RunResult r = run_idlint({t.root + "/infra"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("main.json:") == std::string::npos);
  CHECK(r.out.find("infra/main.bicep:4:11: error:") != std::string::npos);
  CHECK(r.out.find("infra/lone.json:") != std::string::npos);
  CHECK(r.out.find("infra/hand.json:") != std::string::npos);
  CHECK(r.out.find("infra/hand.bicep:4:11: error:") != std::string::npos);
  CHECK(r.out.find("in 4 files (4 files checked); 1 compiled template skipped: linted as " + t.root + "/infra/main.bicep\n") !=
        std::string::npos);

  RunResult json = run_idlint({t.root + "/infra", "--format", "json"});
  const nlohmann::json doc = nlohmann::json::parse(json.out);
  CHECK(doc["summary"]["files_checked"] == 4);
  CHECK(doc["summary"]["compiled_templates_skipped"] == 1);
  REQUIRE(doc["skipped"].size() == 1);
  CHECK(doc["skipped"][0]["file"] == main_json);
  CHECK(doc["skipped"][0]["linted_as"] == t.root + "/infra/main.bicep");
  for (const auto& f : doc["findings"]) CHECK(f["file"] != main_json);

  RunResult sarif = run_idlint({t.root + "/infra", "--format", "sarif"});
  const nlohmann::json log = nlohmann::json::parse(sarif.out);
  const auto& notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  REQUIRE(notes.size() == 1);
  CHECK(notes[0]["level"] == "note");
  CHECK(notes[0]["message"]["text"] == "compiled template skipped: linted as " + t.root + "/infra/main.bicep.");

  // Two of them: counted, and named as a kind.
  t.put("infra/sub/x.json", compiled_from_bicep(kClean));
  t.put("infra/sub/x.bicep", "param p string = 'x'\n");
  RunResult two = run_idlint({t.root + "/infra"});
  CHECK(two.out.find("; 2 compiled templates skipped: linted as the .bicep files beside them\n") != std::string::npos);

  // Named, a compiled template is linted like any other.
  RunResult named = run_idlint({main_json});
  CHECK(named.exit_code == 1);
  CHECK(named.out.find("main.json:") != std::string::npos);
  CHECK(named.out.find("skipped") == std::string::npos);
}

TEST_CASE("--format github: one workflow command per finding, escaped as GitHub's toolkit escapes") {
  Tree t;
  // A file name with ':' and ',' (property separators) and an identity type with '%' and a comma.
  t.put("infra/a,b:c.json", server("2024-08-01", "50%,Managed"));
  t.put("infra/clean.json", kClean);
  RunResult r = run_idlint({"--format", "github", "infra"}, t.root);
  CHECK(r.exit_code == 1);
  // One line, an annotation GitHub places on the value: file (escaped), line, columns, title.
  CHECK(r.out ==
        "::error file=infra/a%2Cb%3Ac.json,line=9,col=29,endLine=9,endColumn=41,title=IDL001 identity-type-invalid"
        "::'50%25,Managed' is not an identity type: '50%25', 'Managed' are not None, SystemAssigned or UserAssigned. "
        "An identity type is None, SystemAssigned, UserAssigned, or SystemAssigned and UserAssigned together, "
        "separated by a comma.\n");
  // A warning is a warning annotation; related places follow the message on escaped lines.
  t.put("w.json", server("2024-08-01", "systemassigned"));
  RunResult w = run_idlint({"--format", "github", "w.json"}, t.root);
  CHECK(w.exit_code == 0);
  CHECK(w.out.rfind("::warning file=w.json,line=9,col=29,", 0) == 0);
  CHECK(w.out.find("title=IDL007 identity-type-spelling::") != std::string::npos);
  // A suppressed finding is not annotated.
  RunResult none = run_idlint({"--format", "github", "infra/clean.json"}, t.root);
  CHECK(none.exit_code == 0);
  CHECK(none.out.empty());
}

TEST_CASE("--format azure: Azure Pipelines logging commands, escaped as the task library escapes") {
  Tree t;
  const std::string file = t.put("x;y].json", server("2024-08-01", "50%,Managed"));
  RunResult r = run_idlint({"--format", "azure", file}, t.root);
  CHECK(r.exit_code == 1);
  std::string path = fs::absolute(file).lexically_normal().generic_string();
  path.replace(path.find("x;y]"), 4, "x%3By%5D");
  CHECK(r.out == "##vso[task.logissue type=error;sourcepath=" + path +
                     ";linenumber=9;columnnumber=29;code=IDL001;]IDL001 identity-type-invalid: '50%AZP25,Managed' is "
                     "not an identity type: '50%AZP25', 'Managed' are not None, SystemAssigned or UserAssigned. An "
                     "identity type is None, SystemAssigned, UserAssigned, or SystemAssigned and UserAssigned "
                     "together, separated by a comma.\n");
}

TEST_CASE("option values: names only, what is accepted said, lists comma-separated, contradictions refused") {
  // A loop variable, not structured bindings: clang 14 cannot capture those in CAPTURE's lambda.
  for (const auto& row :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"--format", "2", "--format: '2' is not a format: use text, sarif, json, github, azure, gitlab, junit or checkstyle"},
           {"--format", "xml", "--format: 'xml' is not a format: use text, sarif, json, github, azure, gitlab, junit or checkstyle"},
           {"--fail-level", "0", "--fail-level: '0' is not a level: use error, warning, note or none"},
           {"--color", "yes", "--color: 'yes' is not a colour mode: use auto, always or never"}}) {
    const std::string& option = std::get<0>(row);
    const std::string& value = std::get<1>(row);
    const std::string& message = std::get<2>(row);
    CAPTURE(option);
    CAPTURE(value);
    const RunResult r = run_idlint({option, value, "."});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("idlint: error: " + message + "\n") != std::string::npos);
    CHECK(r.err.find("FAILED") == std::string::npos);  // no parser internals
  }
  Tree t;
  const std::string bad = t.put("bad.json", kBad);
  const RunResult two = run_idlint({"--rule", "IDL001,IDL002", "--format", "json", bad});
  std::set<std::string> rules;
  const nlohmann::json report = nlohmann::json::parse(two.out);
  for (const auto& f : report["findings"]) rules.insert(f["rule_id"].get<std::string>());
  CHECK(rules == std::set<std::string>{"IDL001", "IDL002"});
  const RunResult one = run_idlint({"--rule", "IDL002", "--format", "json", bad});
  CHECK(nlohmann::json::parse(one.out)["findings"].size() == 1);
  const RunResult unknown = run_idlint({"--rule", "IDL001,IDL999", bad});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown rule 'IDL999' in --rule") != std::string::npos);
  const RunResult both = run_idlint({"--rule", "IDL001", "--disable", "identity-type-invalid", bad});
  CHECK(both.exit_code == 2);
  CHECK(both.err == "idlint: error: rule IDL001 is both in --rule and in --disable\n");
}

TEST_CASE("idlint explain ID prints the rule's documentation from the binary, by id or name") {
  const RunResult by_id = run_idlint({"explain", "IDL007"});
  CHECK(by_id.exit_code == 0);
  CHECK(by_id.out == idlint::rule_doc_markdown(*idlint::find_rule("IDL007")));
  CHECK(by_id.out.rfind("# IDL007 identity-type-spelling\n\nLevel: warning.", 0) == 0);
  const RunResult by_name = run_idlint({"explain", "identity-reference-not-assigned"});
  CHECK(by_name.exit_code == 0);
  CHECK(by_name.out.rfind("# IDL014 identity-reference-not-assigned\n", 0) == 0);
  const RunResult unknown = run_idlint({"explain", "IDL999"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "idlint: error: unknown rule 'IDL999' (see --list-rules)\n");
  // A folder named explain is still a folder to lint when written as a path.
  Tree t;
  t.put("explain/a.json", kClean);
  const RunResult folder = run_idlint({"./explain"}, t.root);
  CHECK(folder.exit_code == 0);
  CHECK(folder.out.find("no findings in 1 file") != std::string::npos);
}

TEST_CASE("--format gitlab, junit, checkstyle: what each CI system reads, well-formed whatever the template holds") {
  Tree t;
  // Hostile text in the value the messages quote: XML's special characters and a control character.
  t.put("infra/a&b.json", server("2024-08-01", "<Sys&tem>\\\"'\\u0001"));
  t.put("infra/clean.json", kClean);
  t.put("infra/w.json", server("2024-08-01", "systemassigned"));
  // GitLab Code Quality: the required keys, idlint's fingerprint (as in SARIF), paths from the root.
  const RunResult gitlab = run_idlint({"--format", "gitlab", "infra"}, t.root);
  CHECK(gitlab.exit_code == 1);
  const nlohmann::json issues = nlohmann::json::parse(gitlab.out);
  REQUIRE(issues.size() == 2);
  const RunResult sarif = run_idlint({"--format", "sarif", "infra"}, t.root);
  const nlohmann::json sarif_doc = nlohmann::json::parse(sarif.out);
  std::set<std::string> sarif_fingerprints;
  for (const auto& r : sarif_doc["runs"][0]["results"]) {
    sarif_fingerprints.insert(r["partialFingerprints"]["idlintFingerprint/v1"].get<std::string>());
  }
  for (const auto& issue : issues) {
    CHECK(issue["description"].is_string());
    CHECK(issue["check_name"].is_string());
    CHECK(sarif_fingerprints.count(issue["fingerprint"].get<std::string>()) == 1);
    CHECK(issue["location"]["positions"]["begin"]["line"] == 9);
  }
  CHECK(issues[0]["location"]["path"] == "infra/a&b.json");
  CHECK(issues[0]["severity"] == "major");
  CHECK(issues[0]["check_name"] == "IDL001 identity-type-invalid");
  CHECK(issues[1]["location"]["path"] == "infra/w.json");
  CHECK(issues[1]["severity"] == "minor");
  // JUnit and Checkstyle: parsed by an XML parser, with the hostile text intact as text.
  for (const char* format : {"junit", "checkstyle"}) {
    CAPTURE(format);
    const RunResult r = run_idlint({"--format", format, "-o", "report.xml", "infra"}, t.root);
    CHECK(r.exit_code == 1);
    const RunResult parsed = run_command(
        {"python3", "-c",
         "import sys, xml.etree.ElementTree as E\n"
         "root = E.parse(sys.argv[1]).getroot()\n"
         "for e in root.iter():\n"
         "  for k in ('name', 'message'):\n"
         "    if k in e.attrib: print(k + '=' + e.attrib[k])\n",
         t.root + "/report.xml"});
    CHECK(parsed.exit_code == 0);
    CHECK(parsed.out.find("name=infra/a&b.json\n") != std::string::npos);
    CHECK(parsed.out.find("message='<Sys&tem>\"'\\x01' is not an identity type") != std::string::npos);
  }
  const std::string junit = read_file(t.root + "/report.xml");  // the checkstyle run wrote last
  CHECK(junit.find("<error line=\"9\" column=\"29\" severity=\"warning\"") != std::string::npos);
}

TEST_CASE("colour: FORCE_COLOR turns it on without a terminal, NO_COLOR off, --color over both") {
  Tree t;
  const std::string bad = t.put("bad.json", kBad);
  auto colored = [&](std::vector<std::string> env, std::vector<std::string> flags = {}) {
    std::vector<std::string> argv = {"env"};
    argv.insert(argv.end(), env.begin(), env.end());
    argv.push_back(IDLINT_BINARY);
    argv.insert(argv.end(), flags.begin(), flags.end());
    argv.push_back(bad);
    const RunResult r = run_command(argv);
    CHECK(r.exit_code == 1);
    return r.out.find("\x1b[") != std::string::npos;
  };
  CHECK_FALSE(colored({"-u", "FORCE_COLOR", "-u", "NO_COLOR"}));  // not a terminal
  CHECK(colored({"-u", "NO_COLOR", "FORCE_COLOR=1"}));
  CHECK_FALSE(colored({"-u", "NO_COLOR", "FORCE_COLOR="}));  // empty: not set
  CHECK_FALSE(colored({"FORCE_COLOR=1", "NO_COLOR=1"}));
  CHECK_FALSE(colored({"-u", "NO_COLOR", "FORCE_COLOR=1"}, {"--color", "never"}));
  CHECK(colored({"NO_COLOR=1"}, {"--color", "always"}));
}

TEST_CASE("standard input: '-' is linted as the file --stdin-filename names, as an editor has it unsaved") {
  Tree t;
  // On disk the server is clean; the editor's buffer (standard input) has the mistake.
  t.put("infra/pg.json", kClean);
  t.put("infra/buffer.json", kBad);
  auto piped = [&](const std::string& args, const std::string& input) {
    return run_command({"sh", "-c", "exec " + std::string(IDLINT_BINARY) + " " + args + " < " + input}, t.root);
  };
  const RunResult r = piped("--format json --stdin-filename infra/pg.json -", "infra/buffer.json");
  CHECK(r.exit_code == 1);
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["findings"].size() >= 1);
  CHECK(doc["findings"][0]["file"] == "infra/pg.json");
  CHECK(doc["findings"][0]["rule_id"] == "IDL001");
  // A Bicep buffer follows its modules from the named file's folder.
  t.put("main.bicep", "module m './modules/pg.bicep' = {\n  name: 'm'\n  params: {\n    kind: 'SystemAssigned, x'\n  }\n}\n");
  t.put("modules/pg.bicep",
        "param kind string\nresource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {\n  name: 'pg'\n"
        "  identity: {\n    type: kind\n  }\n}\n");
  const RunResult bicep = piped("-q --stdin-filename main.bicep -", "main.bicep");
  CHECK(bicep.exit_code == 1);
  CHECK(bicep.out.find("main.bicep:4:11: error: 'SystemAssigned, x' is not an identity type") != std::string::npos);
  // Usage errors: no file name, '-' with other paths, a file name without '-'.
  const RunResult unnamed = piped("-", "infra/buffer.json");
  CHECK(unnamed.exit_code == 2);
  CHECK(unnamed.err.find("reading standard input ('-') needs --stdin-filename PATH") != std::string::npos);
  const RunResult mixed = piped("--stdin-filename a.json - infra", "infra/buffer.json");
  CHECK(mixed.exit_code == 2);
  CHECK(mixed.err.find("'-' (standard input) is linted alone") != std::string::npos);
  const RunResult lone = run_idlint({"--stdin-filename", "a.json", "infra"}, t.root);
  CHECK(lone.exit_code == 2);
  // More than the 64 MiB every input is held to: an error, read no further.
  const RunResult huge = run_command(
      {"sh", "-c", "head -c 70000000 /dev/zero | exec " + std::string(IDLINT_BINARY) + " --stdin-filename big.json -"},
      t.root);
  CHECK(huge.exit_code == 2);
  CHECK(huge.err.find("idlint: error: standard input: ") != std::string::npos);
}

TEST_CASE("several reports in one run: --format NAME:PATH writes each to its file, one goes to standard output") {
  Tree t;
  t.put("infra/bad.json", kBad);
  const RunResult r =
      run_idlint({"--format", "text", "--format", "sarif:out/idlint.sarif", "--format", "junit:out/junit.xml", "infra"},
                 t.root);
  // out/ does not exist: a report is never put where its folder is not; the text is still printed,
  // and each file's failure is said.
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("[IDL001 identity-type-invalid]") != std::string::npos);
  CHECK(r.err.find("out/idlint.sarif") != std::string::npos);
  CHECK(r.err.find("out/junit.xml") != std::string::npos);
  CHECK_FALSE(fs::exists(t.root + "/out"));
  fs::create_directories(t.root + "/out");
  const RunResult ok =
      run_idlint({"--format", "text", "--format", "sarif:out/idlint.sarif", "--format", "json:out/r.json", "infra"},
                 t.root);
  CHECK(ok.exit_code == 1);
  CHECK(ok.out.find("infra/bad.json:9:29: error: 'SystemAssigned, UserAssigned' is not accepted") != std::string::npos);
  const nlohmann::json sarif = nlohmann::json::parse(read_file(t.root + "/out/idlint.sarif"));
  const nlohmann::json json = nlohmann::json::parse(read_file(t.root + "/out/r.json"));
  CHECK(sarif["runs"][0]["results"].size() == json["findings"].size());
  CHECK(json["findings"].size() == 2);  // IDL001 and IDL002
  // Without a plain --format, text goes to standard output beside the files; -o takes the plain one.
  const RunResult files_only = run_idlint({"-q", "--format", "json:out/only.json", "infra"}, t.root);
  CHECK(files_only.out.find("[IDL001 identity-type-invalid]") != std::string::npos);
  CHECK(fs::exists(t.root + "/out/only.json"));
  const RunResult to_o = run_idlint({"--format", "sarif", "-o", "out/o.sarif", "--format", "text:out/o.txt", "infra"},
                                    t.root);
  CHECK(to_o.out.empty());
  CHECK(nlohmann::json::parse(read_file(t.root + "/out/o.sarif"))["runs"][0]["results"].size() == 2);
  CHECK(read_file(t.root + "/out/o.txt").find("[IDL002 user-identities-missing]") != std::string::npos);
  // Usage errors: two reports for standard output, two for one file, a name and no file.
  const RunResult two = run_idlint({"--format", "json", "--format", "sarif", "infra"}, t.root);
  CHECK(two.exit_code == 2);
  CHECK(two.err.find("only one report goes to standard output") != std::string::npos);
  const RunResult same = run_idlint({"--format", "json:out/x", "--format", "sarif:out/x", "infra"}, t.root);
  CHECK(same.exit_code == 2);
  CHECK(same.err.find("two reports are written to out/x") != std::string::npos);
  const RunResult empty = run_idlint({"--format", "sarif:", "infra"}, t.root);
  CHECK(empty.exit_code == 2);
  CHECK(empty.err.find("'sarif:' names no file after ':'") != std::string::npos);
}

TEST_CASE("--list-rules --format json|sarif: the rule table for tools") {
  const RunResult json = run_idlint({"--list-rules", "--format", "json"});
  CHECK(json.exit_code == 0);
  const nlohmann::json doc = nlohmann::json::parse(json.out);
  REQUIRE(doc["rules"].size() == idlint::all_rules().size());
  CHECK(doc["rules"][0]["id"] == "IDL001");
  CHECK(doc["rules"][0]["name"] == "identity-type-invalid");
  CHECK(doc["rules"][0]["level"] == "error");
  CHECK(doc["rules"][0]["help_uri"].get<std::string>().find("docs/rules/IDL001.md") != std::string::npos);
  const RunResult sarif = run_idlint({"--list-rules", "--format", "sarif"});
  CHECK(sarif.exit_code == 0);
  const nlohmann::json log = nlohmann::json::parse(sarif.out);
  CHECK(log["runs"][0]["tool"]["driver"]["rules"].size() == idlint::all_rules().size());
  CHECK(log["runs"][0]["results"].empty());
  const RunResult github = run_idlint({"--list-rules", "--format", "github"});
  CHECK(github.exit_code == 2);
  CHECK(github.err == "idlint: error: --list-rules prints text, json or sarif\n");
}

TEST_CASE("--help fits 80 columns, says it reads Bicep, and groups the options") {
  const RunResult help = run_idlint({"--help"});
  CHECK(help.exit_code == 0);
  std::istringstream lines(help.out);
  for (std::string line; std::getline(lines, line);) {
    CAPTURE(line);
    CHECK(line.size() <= 80);
  }
  CHECK(help.out.find("Bicep") != std::string::npos);
  size_t last = 0;
  for (const char* group : {"Output:\n", "Rules:\n", "Input:\n", "Comparison:\n", "Subcommands:\n"}) {
    CAPTURE(group);
    const size_t at = help.out.find(group);
    CHECK(at != std::string::npos);
    CHECK(at > last);
    last = at;
  }
  // A long description continues under itself, not under the option names.
  CHECK(help.out.find("  --format FORMAT[:PATH]    Output format: text (default), sarif, json, github\n"
                      "                            (workflow commands") != std::string::npos);
}

TEST_CASE("a folder with no template fails with a message; a named non-template file stays a note") {
  Tree t;
  t.put("app/package.json", R"({"name": "not-a-template"})");
  const RunResult folder = run_idlint({"app"}, t.root);
  CHECK(folder.exit_code == 2);
  CHECK(folder.err.find("idlint: error: no ARM template, Bicep or .bicepparam file under app\n") != std::string::npos);
  // pre-commit passes every changed .json file: one that is not a template does not fail the commit.
  const RunResult named = run_idlint({"app/package.json"}, t.root);
  CHECK(named.exit_code == 0);
  CHECK(named.err.find("idlint: note: skipped app/package.json: not an ARM deployment template") != std::string::npos);
  t.put("app/main.bicep", "param location string = 'westeurope'\n");
  CHECK(run_idlint({"app"}, t.root).exit_code == 0);
}

TEST_CASE("SARIF message text links each related location by its id, brackets in values escaped") {
  Tree t;
  // The identity type from a parameter's default: the default is a related location.
  t.put("p.json", "{\n  " + kSchema + R"(,
  "parameters": { "kind": { "type": "string", "defaultValue": "ids[0]" } },
  "resources": [ { "type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01", "name": "pg",
    "identity": { "type": "[parameters('kind')]" } } ]
})");
  const RunResult r = run_idlint({"--format", "sarif", "p.json"}, t.root);
  CHECK(r.exit_code == 1);
  const nlohmann::json log = nlohmann::json::parse(r.out);
  const nlohmann::json& result = log["runs"][0]["results"][0];
  const std::string text = result["message"]["text"].get<std::string>();
  CHECK(text.find("'ids\\[0\\]' is not an identity type") != std::string::npos);
  REQUIRE(result["relatedLocations"].size() == 1);
  CHECK(result["relatedLocations"][0]["id"] == 1);
  CHECK(text.find(" See [" + result["relatedLocations"][0]["message"]["text"].get<std::string>().substr(0, 20)) !=
        std::string::npos);
  CHECK(text.size() > 4);
  CHECK(text.substr(text.size() - 4) == "(1).");
  // The report is its own baseline: the linked text compares equal, nothing is updated.
  t.put("base.sarif", r.out);
  const RunResult again = run_idlint({"--format", "json", "--baseline", "base.sarif", "p.json"}, t.root);
  CHECK(nlohmann::json::parse(again.out)["findings"][0]["baseline_state"] == "unchanged");
}
