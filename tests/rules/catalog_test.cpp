// The identity catalog: api-version order and lookups, including versions newer than known.
#include <doctest/doctest.h>

#include "rules/catalog.h"

using namespace idlint;

TEST_CASE("api-versions order by date, previews before the release of the same date") {
  CHECK(compare_api_versions("2023-12-01-preview", "2024-08-01") < 0);
  CHECK(compare_api_versions("2024-08-01-preview", "2024-08-01") < 0);
  CHECK(compare_api_versions("2025-01-01", "2024-12-30") > 0);
  CHECK(compare_api_versions("2024-08-01", "2024-08-01") == 0);
}

TEST_CASE("the built-in catalog holds the flexible servers with their exact spellings") {
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
}

TEST_CASE("a newer api-version uses the newest known; an unknown in-between version and type get nothing") {
  const IdentityCatalog& c = IdentityCatalog::builtin();
  const CatalogLookup newer = c.lookup("Microsoft.DBforPostgreSQL/flexibleServers", "2099-01-01");
  REQUIRE(newer.version);
  CHECK(newer.newer_than_known);
  CHECK(newer.version == &newer.type->versions.back());
  CHECK(c.lookup("Microsoft.DBforPostgreSQL/flexibleServers", "2023-01-01").version == nullptr);
  CHECK(c.lookup("Microsoft.Web/sites", "2024-04-01").type == nullptr);
}

TEST_CASE("malformed catalog data is a loud error") {
  CHECK_THROWS(IdentityCatalog::parse(R"({"resourceTypes": {"A/b": {"2024-01-01": {}}}})"));
}
