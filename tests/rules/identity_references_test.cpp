// IDL014's data and machinery: the catalog's identity references (as references.tsv has them), what
// the evaluator keeps of an identity's reference() and of 'text' + resource ID, and a finding as a
// user reads it.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "expr/eval.h"
#include "expr/eval_fixture.h"
#include "rules/catalog.h"
#include "support.h"

using namespace idlint;

namespace {

const IdentityReference* find_reference(std::string_view type, std::string_view dotted_path) {
  for (const IdentityReference& ref : IdentityCatalog::builtin().identity_references(type)) {
    std::string path;
    for (const std::string& step : ref.path) {
      if (step == "[*]") {
        path += "[*]";
        continue;
      }
      if (!path.empty()) path += '.';
      path += step;
    }
    if (path == dotted_path) return &ref;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the catalog holds every must-be-assigned row of references.tsv but the flexible servers' dataEncryption" *
          NEEDS_SHARED) {
  std::ifstream tsv(std::string(IDLINT_SOURCE_DIR) + "/../shared/specs/identity-catalog/references.tsv");
  REQUIRE_MESSAGE(tsv, "../shared/specs/identity-catalog/references.tsv is not there (CTest runs this case as "
                       "unit-shared, skipped without ../shared)");
  std::string line;
  std::getline(tsv, line);  // the header
  size_t yes = 0;
  size_t no = 0;
  while (std::getline(tsv, line)) {
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, '\t');) cells.push_back(cell);
    REQUIRE(cells.size() >= 4);
    const bool flexible_server_encryption = cells[1].find(".dataEncryption.") != std::string::npos &&
                                            cells[0].find("/flexibleServers") != std::string::npos;
    // App Service config resources are left out (rules/gen-catalog says why).
    const bool site_config = cells[0] == "Microsoft.Web/sites/config" || cells[0] == "Microsoft.Web/sites/slots/config";
    if (cells[3] == "yes" && site_config) {
      CHECK_MESSAGE(!find_reference(cells[0], cells[1]), (cells[0] + " " + cells[1]));
    } else if (cells[3] == "yes" && !flexible_server_encryption) {
      ++yes;
      CHECK_MESSAGE(find_reference(cells[0], cells[1]), (cells[0] + " " + cells[1]));
    } else if (cells[3] == "no") {
      ++no;
      CHECK_MESSAGE(!find_reference(cells[0], cells[1]), (cells[0] + " " + cells[1]));
    }
  }
  CHECK(yes == 75);
  CHECK(no == 25);
  CHECK(IdentityCatalog::builtin().identity_reference_count() == yes);
}

TEST_CASE("references the notes qualify: never the kubelet identity, the parent's identity, keywords, the prefix") {
  CHECK_FALSE(find_reference("Microsoft.ContainerService/managedClusters", "properties.identityProfile.kubeletidentity.resourceId"));
  CHECK_FALSE(find_reference("Microsoft.Storage/storageAccounts", "properties.encryption.identity.federatedIdentityClientId"));
  CHECK_FALSE(find_reference("Microsoft.DBforPostgreSQL/flexibleServers", "properties.dataEncryption.primaryUserAssignedIdentityId"));

  const IdentityReference* named_value =
      find_reference("microsoft.apimanagement/SERVICE/namedValues", "properties.keyVault.identityClientId");
  REQUIRE(named_value);
  CHECK(named_value->kind == IdentityReference::Kind::ClientId);
  CHECK(named_value->parent_type == "Microsoft.ApiManagement/service");

  const IdentityReference* web = find_reference("Microsoft.Web/sites", "properties.keyVaultReferenceIdentity");
  REQUIRE(web);
  CHECK(web->system_keywords == std::vector<std::string>{"SystemAssigned"});
  CHECK(web->keyword_is_default);
  CHECK(web->since == "2020-12-01");

  const IdentityReference* cosmos = find_reference("Microsoft.DocumentDB/databaseAccounts", "properties.defaultIdentity");
  REQUIRE(cosmos);
  CHECK(cosmos->kind == IdentityReference::Kind::PrefixedResourceId);
  CHECK(cosmos->prefix == "UserAssignedIdentity=");
  CHECK(cosmos->system_keywords == std::vector<std::string>{"SystemAssignedIdentity"});

  const IdentityReference* secrets = find_reference("Microsoft.App/containerApps", "properties.configuration.secrets[*].identity");
  REQUIRE(secrets);
  CHECK(secrets->path == std::vector<std::string>{"properties", "configuration", "secrets", "[*]", "identity"});
  CHECK(secrets->system_keywords == std::vector<std::string>{"system"});
  const IdentityReference* registries =
      find_reference("Microsoft.App/containerApps", "properties.configuration.registries[*].identity");
  REQUIRE(registries);
  CHECK(registries->kind == IdentityReference::Kind::KeywordOnly);
}

TEST_CASE("a malformed identity reference row is a loud error") {
  CHECK_THROWS(IdentityCatalog::parse(R"({"resourceTypes": {}, "identityReferences": {"A/b": ["properties.x"]}})"));
  CHECK_THROWS(
      IdentityCatalog::parse(R"({"resourceTypes": {}, "identityReferences": {"A/b": ["properties.x oddKind 2024-01-01"]}})"));
  CHECK_THROWS(IdentityCatalog::parse(
      R"({"resourceTypes": {}, "identityReferences": {"A/b": ["properties..x resourceId 2024-01-01"]}})"));
  CHECK_THROWS(IdentityCatalog::parse(
      R"({"resourceTypes": {}, "identityReferences": {"A/b": ["properties.x resourceId 2024-01-01 what"]}})"));
}

TEST_CASE("reference() of a user-assigned identity is unknown, but its clientId is known to be that identity's") {
  test::EvalFixture f(R"("parameters": {})");
  const std::string uami = "resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-a')";
  const Val client = f.eval("reference(" + uami + ", '2023-01-31').clientId");
  CHECK(client.is_unknown());
  REQUIRE(client_id_identity(client));
  CHECK(same_resource(*client_id_identity(client), f.eval(uami)) == Tri::Yes);
  CHECK(same_resource(*client_id_identity(client),
                      f.eval("resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-b')")) == Tri::No);
  const Val full = f.eval("reference(" + uami + ", '2023-01-31', 'Full').properties.clientId");
  REQUIRE(client_id_identity(full));
  CHECK(same_resource(*client_id_identity(full), f.eval(uami)) == Tri::Yes);
  // Anything else of it is a plain unknown: the principal ID, the 'Full' form's own clientId, an
  // identity's reference() without a property, another resource's clientId.
  CHECK_FALSE(client_id_identity(f.eval("reference(" + uami + ").principalId")));
  CHECK_FALSE(client_id_identity(f.eval("reference(" + uami + ", '2023-01-31', 'Full').clientId")));
  CHECK_FALSE(client_id_identity(f.eval("reference(" + uami + ")")));
  CHECK_FALSE(client_id_identity(f.eval("reference(resourceId('Microsoft.Web/sites', 'app')).clientId")));
  CHECK_FALSE(client_id_identity(f.eval("'3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f0a93'")));
}

TEST_CASE("'text' + a resource ID is unknown text that keeps its parts") {
  test::EvalFixture f(R"("parameters": {})");
  const std::string uami = "resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami-a')";
  for (const std::string& e : {"concat('UserAssignedIdentity=', " + uami + ")", "format('UserAssignedIdentity={0}', " + uami + ")"}) {
    const Val v = f.eval(e);
    CHECK(v.is_unknown());
    REQUIRE(v.facet == Val::Facet::TextThenResourceId);
    REQUIRE(v.items.size() == 2);
    CHECK(v.items[0].str == "UserAssignedIdentity=");
    CHECK(same_resource(v.items[1], f.eval(uami)) == Tri::Yes);
    CHECK(f.eval("empty(" + e + ")").boolean == false);  // still at least as long as its text
  }
  // The resource ID not at the end, or more than one part: nothing is kept.
  CHECK(f.eval("format('{0}=x', " + uami + ")").facet == Val::Facet::None);
  CHECK(f.eval("concat('a', " + uami + ", 'b')").facet == Val::Facet::None);
}

TEST_CASE("an IDL014 finding as a user reads it, in both formats") {
  const std::string testdata = std::string(IDLINT_SOURCE_DIR) + "/testdata";
  for (const char* ext : {".json", ".bicep"}) {
    const std::string fixture = std::string("IDL014/bad-web-key-vault-identity") + ext;
    const test::RunResult r = test::run_idlint({"--color", "never", "-q", "--rule", "IDL014", fixture}, testdata);
    CHECK(r.exit_code == 1);
    const std::string json = ext == std::string(".json") ? "identity 'uami-kv'" : "kvIdentity.id";
    const std::string line = ext == std::string(".json") ? "18:40" : "20:32";
    CHECK(r.out.find(fixture + ":" + line + ": error: 'keyVaultReferenceIdentity' is " + json +
                     ", which is not assigned to the web app [IDL014 identity-reference-not-assigned]\n") !=
          std::string::npos);
    CHECK(r.out.find("  = help: add it to identity.userAssignedIdentities\n") != std::string::npos);
    CHECK(r.out.find("error: 'keyVaultReferenceIdentity' is 'SystemAssigned', but the web app has no system-assigned "
                     "identity [IDL014 identity-reference-not-assigned]\n") != std::string::npos);
    CHECK(r.out.find("  = help: add SystemAssigned to identity.type, or name a user-assigned identity\n") !=
          std::string::npos);
  }
}
