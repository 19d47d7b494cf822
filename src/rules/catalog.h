// The identity catalog: for each resource type and api-version, the identity.type values it accepts.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace idlint {

// A run of consecutive api-versions of a type at which the identity.type values are the same.
struct CatalogVersion {
  std::string api_versions;                 // comma-separated, oldest first
  std::vector<std::string> identity_types;  // exact spellings, in the specification's order
  bool no_identity = false;                 // the type has no managed identity at these api-versions
  bool any_string = false;                  // the specification types identity.type as a plain string
  std::string_view first() const { return std::string_view(api_versions).substr(0, api_versions.find(',')); }
  std::string_view last() const {
    const size_t comma = api_versions.rfind(',');
    return comma == std::string::npos ? std::string_view(api_versions) : std::string_view(api_versions).substr(comma + 1);
  }
  bool has(std::string_view api_version) const;  // api_version in lower case
};

struct CatalogType {
  std::string name;
  std::vector<CatalogVersion> versions;  // runs of api-versions, oldest first
};

// What a service is known to do with an identity.type value, beyond its specification
// (rules/identity-evidence.json, from ../shared/specs/identity-catalog/evidence.md).
struct IdentityTypeEvidence {
  enum class Outcome : uint8_t { Rejected, Misread, Accepted };
  std::string type;
  std::string from, to;  // the api-versions the evidence covers, inclusive; empty: unbounded
  std::string kinds;     // identity_kinds() of the values it covers ('systemassigned,userassigned')
  bool spaced = false;   // only values written with whitespace
  std::string spelling;  // an acceptance: the value as deployed
  Outcome outcome = Outcome::Rejected;
  bool error = false;     // a rejection proven at these api-versions (IDL001), else a warning (IDL006)
  std::string statement;  // what the service did, for a finding
  std::string source;     // where that is recorded
  std::string help;       // what to write instead; empty: IDL001's own remedy
  bool covers(std::string_view api_version) const;
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
  bool has_identity(std::string_view type) const { return find(type) != nullptr; }
  // The first evidence entry about this value of identity.type at this type and api-version
  // (accepted: a spelling; rejected or misread: the identities it names), or null.
  const IdentityTypeEvidence* type_evidence(std::string_view type, std::string_view api_version,
                                            std::string_view value) const;
  // An acceptance of a value naming these identities (identity_kinds) at the type, or null.
  const IdentityTypeEvidence* accepted_spelling(std::string_view type, std::string_view kinds) const;
  const std::vector<IdentityTypeEvidence>& type_evidence() const { return evidence_; }
  bool has_type_evidence(std::string_view type) const;
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
  std::vector<std::pair<std::string, std::vector<std::string>>> literals_;
  std::vector<CatalogType> types_;  // sorted by lower-case name
  std::vector<UserIdentityLimit> limits_;
  std::vector<IdentityTypeEvidence> evidence_;
  std::vector<std::pair<std::string, std::vector<IdentityReference>>> references_;  // by type
};

// The identities a value of identity.type names, ignoring case, whitespace and order:
// 'UserAssigned, systemAssigned' -> 'systemassigned,userassigned'.
std::string identity_kinds(std::string_view value);

// Orders api-versions by date; a '-preview' of a date sorts before the release of the same date.
int compare_api_versions(std::string_view a, std::string_view b);

}  // namespace idlint
