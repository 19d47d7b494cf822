// Comparing with a base version, as a user drives it: --base REV in a git repository (renames,
// new files, parameter files at both revisions, errors) and --base-file OLD, including a deployed
// server's JSON as `az resource show` prints it.
#include <doctest/doctest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "support.h"

using namespace idlint::test;

namespace {

// Makes d a git repository (the case is in the needs-git suite: without git it fails).
void init_repository(const TempDir& d) {
  require_git();
  REQUIRE(git(d.root, "init -q"));
}

// A PostgreSQL flexible server using identity 'key-identity' for its customer-managed key.
std::string pg_server(const std::string& type, const std::vector<std::string>& assigned, const std::string& key_identity) {
  std::string ids;
  for (const std::string& a : assigned) ids += "      '${" + a + ".id}': {}\n";
  return R"(resource keyIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'key-identity'
}
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'app-identity'
}
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-prod'
  location: 'westeurope'
  identity: {
    type: ')" + type + R"('
    userAssignedIdentities: {
)" + ids + R"(    }
  }
  properties: {
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-prod.vault.azure.net/keys/pg'
      primaryUserAssignedIdentityId: )" + key_identity + R"(.id
    }
  }
}
)";
}

std::vector<std::string> rule_ids(const RunResult& r) {
  std::vector<std::string> out;
  const auto doc = nlohmann::json::parse(r.out);
  for (const auto& f : doc["findings"]) out.push_back(f["rule_id"].get<std::string>());
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("--base HEAD compares each file with its last commit" * NEEDS_GIT) {
  TempDir repo;
  init_repository(repo);
  repo.put("pg.bicep", pg_server("SystemAssigned,UserAssigned", {"keyIdentity", "appIdentity"}, "keyIdentity"));
  repo.put("unchanged.bicep", pg_server("UserAssigned", {"keyIdentity"}, "keyIdentity"));
  REQUIRE(git(repo.root, "add -A"));
  REQUIRE(git(repo.root, "commit -q -m base"));

  // The key identity is dropped (dataEncryption moved to the other one in the same change) and the
  // system identity is switched off.
  repo.put("pg.bicep", pg_server("UserAssigned", {"appIdentity"}, "appIdentity"));
  // A server that did not exist at HEAD has nothing to compare with.
  repo.put("new.bicep", pg_server("UserAssigned", {"appIdentity"}, "appIdentity"));

  const RunResult text = run_idlint({"--base", "HEAD", "pg.bicep", "unchanged.bicep", "new.bicep"}, repo.root);
  CHECK(text.exit_code == 1);
  CHECK(contains(text.out, "pg.bicep:11:11: error: identity.type changes from 'SystemAssigned,UserAssigned' (at HEAD) to 'UserAssigned'"));
  CHECK(contains(text.out, "[IDL020 system-identity-disabled-with-user-identities]"));
  CHECK(contains(text.out, "[IDL021 system-identity-disabled-with-cmk]"));
  CHECK(contains(text.out, "user-assigned identity keyIdentity.id is used for data encryption ('primaryUserAssignedIdentityId' at HEAD) and can never be removed"));
  // The related location is the base value, in the version at HEAD (line 21 there).
  CHECK(contains(text.out, "pg.bicep:21:38: note: the base version (HEAD): keyIdentity.id"));
  CHECK(contains(text.out, " 21 |       primaryUserAssignedIdentityId: keyIdentity.id"));
  CHECK(!contains(text.out, "new.bicep:"));
  CHECK(!contains(text.out, "unchanged.bicep:"));

  // Without --base the same files are clean: these are changes, not mistakes in one file.
  const RunResult alone = run_idlint({"pg.bicep", "unchanged.bicep", "new.bicep"}, repo.root);
  CHECK(alone.exit_code == 0);

  // SARIF: the base value is a related location with the revision in its message.
  const RunResult sarif = run_idlint({"--base", "HEAD", "pg.bicep", "--format", "sarif"}, repo.root);
  CHECK(sarif.exit_code == 1);
  const auto doc = nlohmann::json::parse(sarif.out);
  bool related = false;
  for (const auto& result : doc["runs"][0]["results"]) {
    if (result["ruleId"] != "IDL022") continue;
    for (const auto& l : result["relatedLocations"]) {
      related = related || (contains(l["message"]["text"].get<std::string>(), "the base version (HEAD)") &&
                            l["physicalLocation"]["region"]["startLine"] == 21);
    }
  }
  CHECK(related);
}

TEST_CASE("--base follows a renamed file, reads parameter files at the revision, and refuses an unknown revision" * NEEDS_GIT) {
  TempDir repo;
  init_repository(repo);
  const std::string server = pg_server("UserAssigned", {"keyIdentity", "appIdentity"}, "keyIdentity");
  repo.put("old-name.bicep", server);
  const std::string arm = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "identityType": { "type": "string", "defaultValue": "SystemAssigned,UserAssigned" } },
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2024-08-01",
      "name": "pg-arm",
      "location": "westeurope",
      "identity": {
        "type": "[parameters('identityType')]",
        "userAssignedIdentities": { "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'app-identity')]": {} }
      }
    }
  ]
})";
  auto parameters = [](const std::string& type) {
    return R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0", "parameters": { "identityType": { "value": ")" + type + R"(" } } })";
  };
  repo.put("arm/main.json", arm);
  repo.put("arm/main.parameters.json", parameters("SystemAssigned,UserAssigned"));
  REQUIRE(git(repo.root, "add -A"));
  REQUIRE(git(repo.root, "commit -q -m base"));

  // Renamed (staged, as pre-commit sees it) and changed: the version at HEAD is under the old name.
  REQUIRE(git(repo.root, "mv old-name.bicep new-name.bicep"));
  std::string changed = server;
  changed.replace(changed.find("      '${keyIdentity.id}': {}\n"), 30, "");
  repo.put("new-name.bicep", changed);
  const RunResult renamed = run_idlint({"--base", "HEAD", "new-name.bicep", "--format", "json"}, repo.root);
  CHECK(renamed.exit_code == 1);
  CHECK(rule_ids(renamed) == std::vector<std::string>{"IDL022", "IDL010"});

  // The parameter file changes the type: the base run uses the parameter file as it was at HEAD.
  repo.put("arm/main.parameters.json", parameters("UserAssigned"));
  const RunResult with_file = run_idlint({"--base", "HEAD", "arm/main.json"}, repo.root);
  CHECK(with_file.exit_code == 1);
  CHECK(contains(with_file.out, "[IDL020 system-identity-disabled-with-user-identities]"));
  CHECK(contains(with_file.out, "(with parameter file 'main.parameters.json')"));

  const RunResult unknown = run_idlint({"--base", "no-such-branch", "new-name.bicep", "arm/main.json"}, repo.root);
  CHECK(unknown.exit_code == 2);
  CHECK(contains(unknown.err, "unknown revision 'no-such-branch'"));
  CHECK(contains(unknown.err, "(and 1 other file)"));

  const RunResult option = run_idlint({"--base", "--output=x", "new-name.bicep"}, repo.root);
  CHECK(option.exit_code == 2);

  // The first commit of a repository: HEAD does not exist yet, and every file is new.
  TempDir fresh;
  REQUIRE(git(fresh.root, "init -q"));
  fresh.put("pg.bicep", server);
  const RunResult first = run_idlint({"--base", "HEAD", "pg.bicep"}, fresh.root);
  CHECK(first.exit_code == 0);
  CHECK(first.err.empty());

  TempDir outside;
  outside.put("pg.bicep", server);
  const RunResult no_repo = run_idlint({"--base", "HEAD", "pg.bicep"}, outside.root);
  CHECK(no_repo.exit_code == 2);
  CHECK(contains(no_repo.err, "not in a git repository"));
}

TEST_CASE("--base-file compares with another file, such as the deployed server's JSON") {
  TempDir d;
  // As `az postgres flexible-server show` prints it: read-only values included.
  d.put("live.json", R"({
  "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-prod",
  "name": "pg-prod",
  "type": "Microsoft.DBforPostgreSQL/flexibleServers",
  "location": "West Europe",
  "identity": {
    "type": "UserAssigned",
    "userAssignedIdentities": {
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-prod/providers/Microsoft.ManagedIdentity/userAssignedIdentities/key-identity": {
        "principalId": "11111111-1111-1111-1111-111111111111",
        "clientId": "22222222-2222-2222-2222-222222222222"
      }
    }
  },
  "properties": {
    "dataEncryption": {
      "type": "AzureKeyVault",
      "primaryKeyURI": "https://kv-prod.vault.azure.net/keys/pg",
      "primaryUserAssignedIdentityId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-prod/providers/Microsoft.ManagedIdentity/userAssignedIdentities/key-identity"
    },
    "state": "Ready"
  }
})");
  d.put("main.bicep", R"(param serverName string
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: 'westeurope'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'new-key-identity')}': {}
    }
  }
  properties: {
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: 'https://kv-prod.vault.azure.net/keys/pg'
      primaryUserAssignedIdentityId: resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'new-key-identity')
    }
  }
}
)");
  const RunResult changed = run_idlint({"--base-file", "live.json", "main.bicep"}, d.root);
  CHECK(changed.exit_code == 1);
  CHECK(contains(changed.out, "main.bicep:7:29: error: user-assigned identity '…/userAssignedIdentities/key-identity' is used"));
  CHECK(contains(changed.out, "live.json:19:40: note: the base version (live.json)"));

  // The deployed server's JSON is accepted on its own: what Azure filled in is not a finding.
  const RunResult live = run_idlint({"live.json"}, d.root);
  CHECK(live.exit_code == 0);
  CHECK(contains(live.out, "no findings in 1 file"));

  const RunResult two = run_idlint({"--base-file", "live.json", "main.bicep", "live.json"}, d.root);
  CHECK(two.exit_code == 2);
  CHECK(contains(two.err, "--base-file compares two files: name exactly one file to lint"));
  const RunResult both = run_idlint({"--base-file", "live.json", "--base", "HEAD", "main.bicep"}, d.root);
  CHECK(both.exit_code == 2);
  const RunResult missing = run_idlint({"--base-file", "nope.json", "main.bicep"}, d.root);
  CHECK(missing.exit_code == 2);
  CHECK(contains(missing.err, "cannot read nope.json"));

  // A named base that cannot be compared is an error (exit 2); the file is still linted on its own.
  d.put("broken.json", "{ \"resources\": [ ");
  const RunResult broken = run_idlint({"--base-file", "broken.json", "main.bicep"}, d.root);
  CHECK(broken.exit_code == 2);
  CHECK(contains(broken.err,
                 "idlint: error: main.bicep: cannot compare with broken.json: it does not parse (broken.json:1:"));
  CHECK(contains(broken.out, "no findings in 1 file"));
  d.put("data.json", R"({"name": "not a template", "values": [1, 2]})");
  const RunResult data = run_idlint({"--base-file", "data.json", "main.bicep"}, d.root);
  CHECK(data.exit_code == 2);
  CHECK(contains(data.err, "cannot compare with data.json: it is neither a template nor a deployed resource's JSON"));

  // A deployed server's JSON without dataEncryption (an older api-version's view): its encryption
  // mode is not known, so adding a key is not reported as a change of mode (IDL023).
  d.put("live-trimmed.json", R"({
  "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-prod",
  "type": "Microsoft.DBforPostgreSQL/flexibleServers",
  "identity": {"type": "UserAssigned", "userAssignedIdentities": {
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod/providers/Microsoft.ManagedIdentity/userAssignedIdentities/new-key-identity": {}}},
  "properties": {"state": "Ready"}
})");
  const RunResult trimmed = run_idlint({"--format", "json", "--base-file", "live-trimmed.json", "main.bicep"}, d.root);
  CHECK(trimmed.exit_code == 0);
  CHECK(rule_ids(trimmed).empty());
}

TEST_CASE("--base: a base version that does not parse is a note, and the file is linted on its own" * NEEDS_GIT) {
  TempDir repo;
  init_repository(repo);
  repo.put("pg.bicep", "resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {\n  name: 'pg'\n");
  REQUIRE(git(repo.root, "add -A"));
  REQUIRE(git(repo.root, "commit -q -m broken"));
  repo.put("pg.bicep", pg_server("SystemAssigned,UserAssigned", {"keyIdentity", "appIdentity"}, "keyIdentity"));
  const RunResult r = run_idlint({"--base", "HEAD", "pg.bicep"}, repo.root);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err,
                 "idlint: note: pg.bicep: its version at HEAD (pg.bicep:1:74) does not parse: transitions are "
                 "not checked"));
}

TEST_CASE("a transition finding can be suppressed; the suppression is unused only when the file was compared") {
  TempDir d;
  const std::string base = pg_server("UserAssigned", {"keyIdentity", "appIdentity"}, "keyIdentity");
  const std::string base_path = d.put("base.bicep", base);
  // The key identity is switched and dropped in one deployment: IDL022, with a directive above the
  // type line and one above the identities.
  std::string head = pg_server("UserAssigned", {"appIdentity"}, "appIdentity");
  const std::string type_line = "    type: 'UserAssigned'\n";
  REQUIRE(contains(head, type_line));
  head.replace(head.find(type_line), 0, "    // idlint-disable-next-line IDL022 -- the server is recreated\n");
  const std::string userAssigned = "    userAssignedIdentities: {\n";
  head.replace(head.find(userAssigned), 0, "    // idlint-disable-next-line IDL022 -- the server is recreated\n");
  const std::string head_path = d.put("main.bicep", head);
  const auto sarif_of = [](const RunResult& r) { return nlohmann::json::parse(r.out)["runs"][0]["results"]; };

  SUBCASE("compared: the finding is suppressed, the exit code is 0, SARIF keeps it as dismissed") {
    const RunResult r = run_idlint({"--format", "sarif", "--base-file", base_path, head_path});
    CHECK(r.exit_code == 0);
    const auto results = sarif_of(r);
    int suppressed = 0;
    for (const auto& res : results) {
      if (res["ruleId"] == "IDL022") {
        REQUIRE(res.contains("suppressions"));
        CHECK(res["suppressions"][0]["kind"] == "inSource");
        CHECK(res["suppressions"][0]["justification"] == "the server is recreated");
        ++suppressed;
      }
    }
    CHECK(suppressed == 1);
    // Which directive covers the finding depends on where IDL022 points; the other one is unused.
    std::vector<std::string> others;
    for (const auto& res : results) {
      if (res["ruleId"] != "IDL022") others.push_back(res["ruleId"].get<std::string>());
    }
    CHECK(others == std::vector<std::string>{"IDL902"});
  }
  SUBCASE("not compared (no base): no transition rule ran, so no suppression of one is reported unused") {
    const RunResult r = run_idlint({"--format", "json", "--fail-level", "warning", head_path});
    CHECK(r.exit_code == 0);
    CHECK(rule_ids(r).empty());
  }
  SUBCASE("compared with an unchanged base: nothing to suppress, both directives are unused") {
    const RunResult r =
        run_idlint({"--format", "json", "--fail-level", "warning", "--base-file", head_path, head_path});
    CHECK(r.exit_code == 1);  // IDL902 is a warning
    CHECK(rule_ids(r) == std::vector<std::string>{"IDL902", "IDL902"});
  }
}

TEST_CASE("a .bicepparam is compared with its base version: its template deployed with the base values" * NEEDS_GIT) {
  TempDir repo;
  init_repository(repo);
  repo.put("server.bicep", R"(param identityType string
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'app-identity'
}
resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-prod'
  location: 'westeurope'
  identity: {
    type: identityType
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
}
)");
  auto params = [](const std::string& using_path, const std::string& type) {
    return "using '" + using_path + "'\n\nparam identityType = '" + type + "'\n";
  };
  const std::string prod = repo.put("prod.bicepparam", params("server.bicep", "SystemAssigned,UserAssigned"));
  REQUIRE(git(repo.root, "add -A"));
  REQUIRE(git(repo.root, "commit -q -m base"));
  const std::string old = repo.put("old/prod.bicepparam", params("../server.bicep", "SystemAssigned,UserAssigned"));

  SUBCASE("unchanged: nothing to report") {
    const RunResult r = run_idlint({"--format", "json", "--base", "HEAD", prod}, repo.root);
    CHECK(r.exit_code == 0);
    CHECK(rule_ids(r).empty());
  }
  SUBCASE("only the values change: the system identity switched off is IDL020, in the template, naming the file") {
    repo.put("prod.bicepparam", params("server.bicep", "UserAssigned"));
    const RunResult r = run_idlint({"--base", "HEAD", prod}, repo.root);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out,
                   "server.bicep:9:11: error: identity.type changes from 'SystemAssigned,UserAssigned' (at HEAD) "
                   "to 'UserAssigned'"));
    CHECK(contains(r.out, "(with parameter file 'prod.bicepparam') [IDL020"));
    CHECK(contains(r.out, "prod.bicepparam:3:22: note: parameter 'identityType' is set here"));
    // --base-file with the old .bicepparam: its template is read beside it.
    const RunResult f = run_idlint({"--format", "json", "--base-file", old, prod}, repo.root);
    CHECK(rule_ids(f) == std::vector<std::string>{"IDL020"});
  }
  SUBCASE("the template renamed since the revision: the base values deploy the template as it was") {
    REQUIRE(git(repo.root, "mv server.bicep pg.bicep"));
    repo.put("prod.bicepparam", params("pg.bicep", "UserAssigned"));
    const RunResult r = run_idlint({"--format", "json", "--base", "HEAD", prod}, repo.root);
    CHECK(rule_ids(r) == std::vector<std::string>{"IDL020"});
  }
  SUBCASE("a directive in the .bicepparam above the value suppresses the transition finding") {
    repo.put("prod.bicepparam",
             "using 'server.bicep'\n\n// idlint-disable-next-line IDL020 -- the server is recreated\n"
             "param identityType = 'UserAssigned'\n");
    const RunResult r = run_idlint({"--format", "json", "--base", "HEAD", prod}, repo.root);
    CHECK(r.exit_code == 0);
    const auto doc = nlohmann::json::parse(r.out);
    REQUIRE(doc["findings"].size() == 1);
    CHECK(doc["findings"][0]["rule_id"] == "IDL020");
    CHECK(doc["findings"][0]["suppression"]["justification"] == "the server is recreated");
  }
}
