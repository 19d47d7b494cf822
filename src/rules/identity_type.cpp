// The identity.type judgement shared by IDL001, IDL006 and IDL007 (see identity_type.h).
//
// Grading follows the evidence (../shared/specs/identity-catalog/evidence.md, Q1 and Q2): the REST
// specifications are not the services' truth (values missing from a specification are accepted,
// enums change inside an api-version, most services read either spelling of the combined value),
// so only a part that is no identity type at all, an api-version without identity, or a rejection
// recorded in rules/identity-evidence.json is an error; everything else the specification does not
// list is a warning.
#include "rules/identity_type.h"

#include <algorithm>

namespace idlint {
namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The accepted word within a typo's distance of token ('SystemAsigned' -> 'SystemAssigned'), or empty.
std::string near_word(std::string_view token, const std::vector<std::string>& words) {
  std::string best;
  size_t best_distance = SIZE_MAX;
  const std::string v = to_lower_ascii(token);
  for (const std::string& w : words) {
    const std::string n = to_lower_ascii(w);
    // The distance is at least the difference in length: a long value is no typo of a short one
    // (and a 4 MB value must not cost an edit distance against each word).
    if ((v.size() > n.size() ? v.size() - n.size() : n.size() - v.size()) > 2) continue;
    const size_t d = edit_distance(v, n);
    if (d < best_distance) {
      best_distance = d;
      best = w;
    }
  }
  return best_distance <= 2 ? best : std::string();
}

std::string quoted_list(const std::vector<std::string>& values) {
  std::string s;
  for (size_t i = 0; i < values.size(); ++i) s += (i ? ", '" : "'") + values[i] + "'";
  return s;
}

bool lists(const CatalogVersion& v, std::string_view value) {
  return std::find(v.identity_types.begin(), v.identity_types.end(), value) != v.identity_types.end();
}

// The value the run lists for these identities, or empty.
std::string listed_spelling(const CatalogVersion& v, std::string_view kinds) {
  for (const std::string& value : v.identity_types) {
    if (identity_kinds(value) == kinds) return value;
  }
  return {};
}

// The first reference of an evidence source ('Azure/azure-rest-api-specs#27851; …' -> the number).
std::string first_source(const std::string& source) {
  size_t end = source.size();
  for (const char* stop : {";", " (", " and ", ", "}) end = std::min(end, source.find(stop));
  return source.substr(0, end);
}

// Each part of the value, split on ',' and trimmed, must be None, SystemAssigned or UserAssigned in
// any case (or the whole value one the type alone spells, such as 'SystemAssignedUserAssigned').
// Anything else cannot mean what the author meant on any resource provider: it fails, or becomes no
// identity (evidence.md, Q1).
bool judge_tokens(const ResourceCheck& r, const std::string& value, IdentityTypeVerdict& out) {
  if (trim_blanks(value).empty()) return false;
  const std::vector<std::string>& literals = IdentityCatalog::builtin().identity_type_literals(r.type());
  std::vector<std::string> words = {"None", "SystemAssigned", "UserAssigned"};
  words.insert(words.end(), literals.begin(), literals.end());
  auto known = [&](std::string_view token) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return equals_ignore_case(w, token); });
  };
  if (known(trim_blanks(value))) return false;  // a literal of the type's own, whole
  std::vector<std::string> bad;
  std::string fixed;  // the value with each unknown part replaced by its near spelling, spaces kept
  bool all_fixed = true;
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    if (comma == std::string::npos) comma = value.size();
    const std::string segment = value.substr(start, comma - start);
    const std::string token(trim_blanks(segment));
    std::string part = segment;
    if (!token.empty() && !known(token)) {
      bad.push_back(token);
      const std::string near = near_word(token, words);
      if (near.empty()) all_fixed = false;
      part.replace(segment.find(token), token.size(), near);
    }
    fixed += (start == 0 ? "" : ",") + part;
    start = comma + 1;
  }
  if (bad.empty()) return false;
  out.kind = IdentityTypeVerdict::Kind::Invalid;
  out.message = quote_text(value) + " is not an identity type: ";
  for (size_t i = 0; i < bad.size() && i < 3; ++i) out.message += (i ? ", " : "") + quote_text(bad[i], 60);
  out.message += std::string(bad.size() == 1 ? " is not " : " are not ") + "None, SystemAssigned or UserAssigned";
  out.help = all_fixed ? "write '" + fixed + "'"
                       : "an identity type is None, SystemAssigned, UserAssigned, or SystemAssigned and "
                         "UserAssigned together, separated by a comma";
  if (!literals.empty()) out.help += " (" + r.type() + " also spells " + quoted_list(literals) + ")";
  return true;
}

// The run nearest to self (later first, then earlier) that lists a value naming these identities.
const CatalogVersion* nearest_listing(const CatalogLookup& found, const std::string& kinds) {
  const auto& runs = found.type->versions;
  const auto self = std::find_if(runs.begin(), runs.end(), [&](const CatalogVersion& v) { return &v == found.version; });
  for (auto it = self + 1; it != runs.end(); ++it) {
    if (!listed_spelling(*it, kinds).empty()) return &*it;
  }
  for (auto it = self; it != runs.begin();) {
    --it;
    if (!listed_spelling(*it, kinds).empty()) return &*it;
  }
  return nullptr;
}

// Where a value was or will be listed: "'SystemAssigned' needs api-version 2024-08-01 or later",
// "these identities need api-version 2024-08-01 or later, written 'SystemAssigned,UserAssigned'".
std::string elsewhere(const CatalogLookup& found, const std::string& value, const std::string& kinds) {
  const CatalogVersion* other = nearest_listing(found, kinds);
  if (!other) return {};
  const std::string spelled = listed_spelling(*other, kinds);
  if (compare_api_versions(other->first(), found.version->first()) > 0) {
    return spelled == value ? quote_text(value) + " needs api-version " + std::string(other->first()) + " or later"
                            : "these identities need api-version " + std::string(other->first()) +
                                  " or later, written '" + spelled + "'";
  }
  return spelled == value ? quote_text(value) + " was accepted up to api-version " + std::string(other->last())
                          : "these identities were accepted up to api-version " + std::string(other->last()) +
                                ", written '" + spelled + "'";
}

std::string listed_at(const CatalogLookup& found) {
  std::string s = "the specification lists ";
  s += found.version->identity_types.empty() ? std::string("no value") : quoted_list(found.version->identity_types);
  if (found.newer_than_known) s += " at " + std::string(found.version->last()) + ", the newest api-version known";
  return s;
}

}  // namespace

IdentityTypeVerdict judge_identity_type(ResourceCheck& r) {
  IdentityTypeVerdict out;
  const IdentityCatalog& catalog = IdentityCatalog::builtin();
  // A type the specifications give no identity is not judged, unless evidence is recorded for it
  // (Media Services, retired from the specifications the catalog is made of).
  if (r.type().empty()) return out;
  const bool known_type = catalog.has_identity(r.type());
  if (!known_type && !catalog.has_type_evidence(r.type())) return out;
  const Val& type = r.property({"identity", "type"});
  if (type.is_unknown() || type.is_unset()) return out;
  const CatalogLookup found = r.catalog();
  const std::string where = r.type() + "@" + r.api_version();
  if (!type.is_string()) {
    if (type.kind == Val::Kind::Null) return out;  // no identity asked for
    out.kind = IdentityTypeVerdict::Kind::Invalid;
    out.message = "identity type " + r.show(type) + " is not a string";
    out.help = "an identity type is None, SystemAssigned, UserAssigned, or SystemAssigned and UserAssigned together";
    if (found.version && !found.version->identity_types.empty()) out.help = listed_at(found);
    return out;
  }
  const std::string& value = type.str;
  if (judge_tokens(r, value, out)) return out;
  if (found.version && found.version->any_string) return out;
  const std::string kinds = identity_kinds(value);

  if (found.version && found.version->no_identity) {
    if (kinds == "none") return out;  // asking for no identity is harmless there
    out.kind = IdentityTypeVerdict::Kind::Invalid;
    out.message = quote_text(value) + " is not accepted by " + where + ", which has no managed identity";
    out.help = elsewhere(found, value, kinds);
    if (out.help.empty()) out.help = "remove the identity, or use an api-version that has one";
    return out;
  }

  const IdentityTypeEvidence* evidence = catalog.type_evidence(r.type(), r.api_version(), value);
  if (evidence && evidence->outcome == IdentityTypeEvidence::Outcome::Accepted) return out;
  if (evidence) {
    const bool misread = evidence->outcome == IdentityTypeEvidence::Outcome::Misread;
    out.kind = evidence->error ? IdentityTypeVerdict::Kind::Invalid : IdentityTypeVerdict::Kind::NotInSpec;
    out.message = quote_text(value) + (evidence->error ? (misread ? " is misread by " : " is not accepted by ")
                                                       : " may not work on ") +
                  where + ": " + evidence->statement + " (" + first_source(evidence->source) + ")";
    out.help = evidence->help;
    if (out.help.empty() && found.version) {
      const std::string other = elsewhere(found, value, kinds);
      out.help = other.empty() ? listed_at(found) : other;
    }
    return out;
  }
  if (!found.version) return out;
  const CatalogVersion& at = *found.version;
  if (lists(at, value)) return out;

  const std::string spelled = listed_spelling(at, kinds);
  if (!spelled.empty()) {
    out.kind = IdentityTypeVerdict::Kind::Spelling;
    out.message = quote_text(value) + " is spelled '" + spelled + "' by the specification of " + where;
    out.help = "write '" + spelled + "'";
    return out;
  }
  out.kind = IdentityTypeVerdict::Kind::NotInSpec;
  out.message = "the specification of " + where + " does not list " + quote_text(value);
  out.help = listed_at(found);
  if (const std::string other = elsewhere(found, value, kinds); !other.empty()) out.help += "; " + other;
  if (const IdentityTypeEvidence* ok = catalog.accepted_spelling(r.type(), kinds)) {
    out.help += "; or write '" + ok->spelling + "' (" + ok->statement + ")";
  }
  return out;
}

void report_identity_type(ResourceCheck& r, IdentityTypeVerdict::Kind kind, const RuleInfo& rule) {
  // Judged once per binding, by whichever of the three rules runs first.
  static const char key = 0;
  std::shared_ptr<void>& slot = r.shared_judgement(&key);
  if (!slot) slot = std::make_shared<IdentityTypeVerdict>(judge_identity_type(r));
  const IdentityTypeVerdict& v = *static_cast<const IdentityTypeVerdict*>(slot.get());
  if (v.kind != kind) return;
  r.report(rule, {"identity", "type"}, r.property({"identity", "type"}), v.message, v.help);
}

}  // namespace idlint
