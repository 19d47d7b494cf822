// Loading and lookup of the identity catalog.
#include "rules/catalog.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "model/value.h"

namespace idlint {

namespace catalog_data {
extern const unsigned char bytes[];
extern const std::size_t size;
}  // namespace catalog_data

int compare_api_versions(std::string_view a, std::string_view b) {
  const std::string_view da = a.substr(0, 10);
  const std::string_view db = b.substr(0, 10);
  if (da != db) return da < db ? -1 : 1;
  const bool pa = a.size() > 10;  // any suffix (-preview, -beta, -privatepreview) precedes the release
  const bool pb = b.size() > 10;
  if (pa != pb) return pa ? -1 : 1;
  if (a == b) return 0;
  return a < b ? -1 : 1;
}

IdentityCatalog IdentityCatalog::parse(std::string_view text) {
  IdentityCatalog catalog;
  const nlohmann::json doc = nlohmann::json::parse(text.begin(), text.end());
  catalog.source_ = doc.value("source", std::string());
  for (const auto& [type, versions] : doc.at("resourceTypes").items()) {
    CatalogType t;
    t.name = type;
    for (const auto& [api, entry] : versions.items()) {
      CatalogVersion v;
      v.api_version = api;
      v.identity_types = entry.at("identityTypes").get<std::vector<std::string>>();
      v.user_assigned_identities = entry.value("userAssignedIdentities", false);
      v.identity_read_only = entry.value("identityReadOnly", std::vector<std::string>{});
      t.versions.push_back(std::move(v));
    }
    std::sort(t.versions.begin(), t.versions.end(), [](const CatalogVersion& x, const CatalogVersion& y) {
      return compare_api_versions(x.api_version, y.api_version) < 0;
    });
    catalog.types_.push_back(std::move(t));
  }
  for (const auto& t : doc.value("typesWithIdentity", nlohmann::json::array())) {
    catalog.with_identity_.push_back(to_lower_ascii(t.get<std::string>()));
  }
  std::sort(catalog.with_identity_.begin(), catalog.with_identity_.end());
  // Held in a variable: items() refers to the object, which a temporary would not outlive.
  const nlohmann::json literals = doc.value("identityTypeLiterals", nlohmann::json::object());
  for (const auto& [type, values] : literals.items()) {
    catalog.literals_.emplace_back(type, values.get<std::vector<std::string>>());
  }
  for (const auto& l : doc.value("userIdentityLimits", nlohmann::json::array())) {
    catalog.limits_.push_back(UserIdentityLimit{l.at("type").get<std::string>(), l.at("max").get<size_t>(),
                                                l.at("source").get<std::string>(), l.at("quote").get<std::string>(),
                                                l.at("help").get<std::string>()});
  }
  return catalog;
}

bool IdentityCatalog::has_identity(std::string_view type) const {
  return std::binary_search(with_identity_.begin(), with_identity_.end(), to_lower_ascii(type));
}

const std::vector<std::string>& IdentityCatalog::identity_type_literals(std::string_view type) const {
  static const std::vector<std::string> none;
  for (const auto& [name, values] : literals_) {
    if (equals_ignore_case(name, type)) return values;
  }
  return none;
}

const UserIdentityLimit* IdentityCatalog::user_identity_limit(std::string_view type) const {
  const UserIdentityLimit* any = nullptr;
  for (const UserIdentityLimit& l : limits_) {
    if (equals_ignore_case(l.type, type)) return &l;
    if (l.type == "*") any = &l;
  }
  return any;
}

const IdentityCatalog& IdentityCatalog::builtin() {
  static const IdentityCatalog catalog =
      parse(std::string_view(reinterpret_cast<const char*>(catalog_data::bytes), catalog_data::size));
  return catalog;
}

const CatalogType* IdentityCatalog::find(std::string_view type) const {
  for (const CatalogType& t : types_) {
    if (equals_ignore_case(t.name, type)) return &t;
  }
  return nullptr;
}

CatalogLookup IdentityCatalog::lookup(std::string_view type, std::string_view api_version) const {
  CatalogLookup r;
  r.type = find(type);
  if (!r.type || r.type->versions.empty()) return r;
  for (const CatalogVersion& v : r.type->versions) {
    if (equals_ignore_case(v.api_version, api_version)) {
      r.version = &v;
      return r;
    }
  }
  if (compare_api_versions(api_version, r.type->versions.back().api_version) > 0) {
    r.version = &r.type->versions.back();
    r.newer_than_known = true;
  }
  return r;
}

}  // namespace idlint
