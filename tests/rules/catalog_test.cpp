// The identity catalog: api-version order and lookups, including versions newer than known.
#include <doctest/doctest.h>

#include <algorithm>

#include "rules/catalog.h"
#include "rules/rule.h"

using namespace idlint;

TEST_CASE("api-versions order by date, previews before the release of the same date") {
  CHECK(compare_api_versions("2023-12-01-preview", "2024-08-01") < 0);
  CHECK(compare_api_versions("2024-08-01-preview", "2024-08-01") < 0);
  CHECK(compare_api_versions("2025-01-01", "2024-12-30") > 0);
  CHECK(compare_api_versions("2024-08-01", "2024-08-01") == 0);
}

TEST_CASE("the built-in catalog holds every type's values by api-version, with their exact spellings") {
  const IdentityCatalog& c = IdentityCatalog::builtin();
  const CatalogLookup pg = c.lookup("microsoft.dbforpostgresql/FLEXIBLESERVERS", "2024-08-01");
  REQUIRE(pg.version);
  CHECK(pg.version->identity_types ==
        std::vector<std::string>{"None", "UserAssigned", "SystemAssigned", "SystemAssigned,UserAssigned"});
  const CatalogLookup old = c.lookup("Microsoft.DBforPostgreSQL/flexibleServers", "2023-12-01-preview");
  REQUIRE(old.version);
  CHECK(old.version->identity_types == std::vector<std::string>{"None", "UserAssigned"});
  const CatalogLookup mysql = c.lookup("Microsoft.DBforMySQL/flexibleServers", "2023-12-30");
  REQUIRE(mysql.version);
  CHECK(mysql.version->identity_types == std::vector<std::string>{"UserAssigned"});
  // 339 types, each api-version in one run of versions with the same values.
  CHECK(c.types().size() == 339);
  size_t pairs = 0;
  for (const CatalogType& t : c.types()) {
    for (const CatalogVersion& v : t.versions) pairs += static_cast<size_t>(std::count(v.api_versions.begin(), v.api_versions.end(), ',')) + 1;
  }
  CHECK(pairs == 3405 + 3);  // and PostgreSQL's three api-versions without an identity
  const CatalogLookup site = c.lookup("Microsoft.Web/sites", "2024-04-01");
  REQUIRE(site.version);
  CHECK(site.version->identity_types ==
        std::vector<std::string>{"SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned", "None"});
  const CatalogLookup old_site = c.lookup("Microsoft.Web/sites", "2016-08-01");
  REQUIRE(old_site.version);
  CHECK(old_site.version->identity_types == std::vector<std::string>{"SystemAssigned"});
  // A plain-string identity type, and an api-version without identity, are marked as such.
  const CatalogLookup vault = c.lookup("Microsoft.DataProtection/backupVaults", "2024-04-01");
  REQUIRE(vault.version);
  CHECK(vault.version->any_string);
  const CatalogLookup none = c.lookup("Microsoft.DBforPostgreSQL/flexibleServers", "2021-06-01");
  REQUIRE(none.version);
  CHECK(none.version->no_identity);
  CHECK_FALSE(none.version->any_string);
}

TEST_CASE("identity type evidence: first match by type, identities, spelling and api-version") {
  const IdentityCatalog& c = IdentityCatalog::builtin();
  CHECK(identity_kinds("UserAssigned , systemAssigned,UserAssigned") == "systemassigned,userassigned");
  const IdentityTypeEvidence* misread =
      c.type_evidence("microsoft.recoveryservices/VAULTS", "2022-10-01", "SystemAssigned, UserAssigned");
  REQUIRE(misread);
  CHECK(misread->outcome == IdentityTypeEvidence::Outcome::Misread);
  CHECK(misread->error);
  const IdentityTypeEvidence* later =
      c.type_evidence("Microsoft.RecoveryServices/vaults", "2025-08-01", "SystemAssigned, UserAssigned");
  REQUIRE(later);
  CHECK_FALSE(later->error);
  const IdentityTypeEvidence* accepted =
      c.type_evidence("Microsoft.RecoveryServices/vaults", "2025-08-01", "SystemAssigned,UserAssigned");
  REQUIRE(accepted);
  CHECK(accepted->outcome == IdentityTypeEvidence::Outcome::Accepted);
  // A range: PostgreSQL's rejection of a system identity ends before 2024-08-01.
  CHECK(c.type_evidence("Microsoft.DBforPostgreSQL/flexibleServers", "2024-03-01-preview", "SystemAssigned"));
  CHECK_FALSE(c.type_evidence("Microsoft.DBforPostgreSQL/flexibleServers", "2024-08-01", "SystemAssigned"));
  CHECK_FALSE(c.type_evidence("Microsoft.DBforPostgreSQL/flexibleServers", "2022-03-08-preview", "SystemAssigned"));
  // Every entry says what happened and where that is recorded.
  for (const IdentityTypeEvidence& e : c.type_evidence()) {
    CAPTURE(e.type);
    CHECK(!e.statement.empty());
    CHECK(!e.source.empty());
    CHECK(!e.kinds.empty());
  }
}

TEST_CASE("a newer api-version uses the newest known; an unknown in-between version and type get nothing") {
  const IdentityCatalog& c = IdentityCatalog::builtin();
  const CatalogLookup newer = c.lookup("Microsoft.DBforPostgreSQL/flexibleServers", "2099-01-01");
  REQUIRE(newer.version);
  CHECK(newer.newer_than_known);
  CHECK(newer.version == &newer.type->versions.back());
  CHECK(c.lookup("Microsoft.DBforPostgreSQL/flexibleServers", "2023-01-01").version == nullptr);
  CHECK(c.lookup("Microsoft.Web/sites", "2024-05-01").type != nullptr);
  CHECK(c.lookup("Microsoft.Web/sites", "2024-05-01").version == nullptr);  // between 2024-04-01 and 2024-11-01
  CHECK(c.lookup("Contoso.Widgets/gadgets", "2024-04-01").type == nullptr);
}

TEST_CASE("malformed catalog data is a loud error") {
  CHECK_THROWS(IdentityCatalog::parse(R"({"resourceTypes": {"A/b": {"2024-01-01": {}}}})"));
}

TEST_CASE("user identity limits come from the evidence file, each with its source, and the rule doc lists them") {
  const IdentityCatalog& c = IdentityCatalog::builtin();
  const UserIdentityLimit* aks = c.user_identity_limit("microsoft.containerservice/MANAGEDCLUSTERS");
  REQUIRE(aks);
  CHECK(aks->max == 1);
  REQUIRE(c.user_identity_limit("Microsoft.EventHub/namespaces"));
  CHECK(c.user_identity_limit("Microsoft.EventHub/namespaces")->max == 4);
  REQUIRE(c.user_identity_limit("Microsoft.AppConfiguration/configurationStores"));
  CHECK(c.user_identity_limit("Microsoft.AppConfiguration/configurationStores")->max == 10);
  // Any other type: ARM's limit per request.
  const UserIdentityLimit* any = c.user_identity_limit("Microsoft.Web/sites");
  REQUIRE(any);
  CHECK(any->type == "*");
  CHECK(any->max == 150);
  const RuleInfo* rule = find_rule("IDL008");
  REQUIRE(rule);
  for (const UserIdentityLimit& l : c.user_identity_limits()) {
    CAPTURE(l.type);
    CHECK(!l.source.empty());
    CHECK(!l.quote.empty());
    CHECK(!l.help.empty());
    if (l.type != "*") CHECK(rule->doc.find("`" + l.type + "` | " + std::to_string(l.max) + " |") != std::string_view::npos);
    CHECK(rule->doc.find(l.quote) != std::string_view::npos);
  }
}

TEST_CASE("the catalog knows every type with an identity and the values a type spells its own way") {
  const IdentityCatalog& c = IdentityCatalog::builtin();
  CHECK(c.has_identity("Microsoft.Web/sites"));
  CHECK(c.has_identity("microsoft.servicefabric/MANAGEDCLUSTERS/applications"));
  CHECK(c.has_identity("Microsoft.DBforPostgreSQL/flexibleServers"));
  CHECK_FALSE(c.has_identity("Microsoft.ManagedIdentity/userAssignedIdentities"));
  CHECK_FALSE(c.has_identity("Contoso.Widgets/gadgets"));
  CHECK(c.identity_type_literals("microsoft.sql/servers/jobagents") ==
        std::vector<std::string>{"SystemAssignedUserAssigned"});
  CHECK(c.identity_type_literals("Dynatrace.Observability/monitors") ==
        std::vector<std::string>{"SystemAndUserAssigned"});
  CHECK(c.identity_type_literals("Microsoft.Cache/redisEnterprise") ==
        std::vector<std::string>{"systemAssignedIdentity", "userAssignedIdentity"});
  CHECK(c.identity_type_literals("Microsoft.Web/sites").empty());
}
