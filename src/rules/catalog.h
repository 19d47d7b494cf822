// The identity catalog: for each resource type and api-version, the identity.type values it accepts.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace idlint {

struct CatalogVersion {
  std::string api_version;
  std::vector<std::string> identity_types;  // exact spellings, in the specification's order
  bool user_assigned_identities = false;    // the identity has a userAssignedIdentities map
  std::vector<std::string> identity_read_only;
};

struct CatalogType {
  std::string name;
  std::vector<CatalogVersion> versions;  // oldest first
};

// How many user-assigned identities a resource may have, with the evidence for it
// (rules/identity-evidence.json).
struct UserIdentityLimit {
  std::string type;  // the resource type, or "*" for every type
  size_t max = 0;
  std::string source;  // where the limit is stated
  std::string quote;   // the service error or documentation text
  std::string help;    // what to do, for a finding's help line
};

// A property that must name one of the resource's own identities (IDL014): a row of
// references.tsv with must_be_assigned = yes.
struct IdentityReference {
  enum class Kind : uint8_t {
    ResourceId,          // a user-assigned identity's resource ID
    ClientId,            // a user-assigned identity's client ID
    PrefixedResourceId,  // prefix then a resource ID (Cosmos DB 'UserAssignedIdentity=<id>'), or a keyword
    KeywordOnly,         // only the system keywords are checked (a user identity may be another resource's)
  };
  std::vector<std::string> path;  // "[*]" steps into each item of an array
  Kind kind = Kind::ResourceId;
  std::string since;                         // the first api-version the specification has it at
  std::vector<std::string> system_keywords;  // values that select the system-assigned identity
  std::string prefix;                        // PrefixedResourceId: the text before the resource ID
  std::string parent_type;                   // the value names this parent's identities; empty: its own
  bool keyword_is_default = false;           // the keyword is the platform default, written on every resource
};

struct CatalogLookup {
  const CatalogType* type = nullptr;
  const CatalogVersion* version = nullptr;  // null when the api-version is unknown and not newer than all
  bool newer_than_known = false;            // the api-version is newer than the catalog knows: newest used
};

class IdentityCatalog {
 public:
  // The catalog compiled into the binary (rules/identity-catalog.json).
  static const IdentityCatalog& builtin();
  // Parses catalog JSON; throws std::runtime_error on malformed data (a build defect, never user input).
  static IdentityCatalog parse(std::string_view json);

  const CatalogType* find(std::string_view type) const;
  CatalogLookup lookup(std::string_view type, std::string_view api_version) const;
  const std::vector<CatalogType>& types() const { return types_; }
  // The limit for a resource type: its own, else the one for every type; null when none is known.
  const UserIdentityLimit* user_identity_limit(std::string_view type) const;
  const std::vector<UserIdentityLimit>& user_identity_limits() const { return limits_; }
  // Whether the specification gives the type an identity with a type (339 types).
  bool has_identity(std::string_view type) const;
  // The values the type spells other than with None, SystemAssigned and UserAssigned
  // ('SystemAssignedUserAssigned' for three Sql types); empty for most types.
  const std::vector<std::string>& identity_type_literals(std::string_view type) const;
  // The properties of a resource type that must name one of its own identities (IDL014); empty for
  // most types.
  const std::vector<IdentityReference>& identity_references(std::string_view type) const;
  size_t identity_reference_count() const;
  // Where the identity.type values come from (the specification snapshot).
  const std::string& source() const { return source_; }

 private:
  std::string source_;
  std::vector<std::string> with_identity_;  // lower case, sorted
  std::vector<std::pair<std::string, std::vector<std::string>>> literals_;
  std::vector<CatalogType> types_;
  std::vector<UserIdentityLimit> limits_;
  std::vector<std::pair<std::string, std::vector<IdentityReference>>> references_;  // by type
};

// Orders api-versions by date; a '-preview' of a date sorts before the release of the same date.
int compare_api_versions(std::string_view a, std::string_view b);

}  // namespace idlint
