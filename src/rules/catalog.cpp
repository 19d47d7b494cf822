// Loading and lookup of the identity catalog.
#include "rules/catalog.h"

#include <algorithm>
#include <stdexcept>

#include "load/json_reader.h"
#include "model/arena.h"
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

namespace {

// The catalog is read with idlint's own JSON reader: it is read at the start of every run that
// meets an identity, and nlohmann::json took 3.2 million instructions for its 25 KB, as much as
// the rest of a small file's lint (see the README's start-up figure).
[[noreturn]] void malformed(std::string_view what) {
  throw std::runtime_error("malformed identity catalog: " + std::string(what));
}

const Value& need(const Value& object, std::string_view key) {
  const Value* v = object.is_object() ? object.find(key) : nullptr;
  if (!v) malformed("no '" + std::string(key) + "'");
  return *v;
}

std::string text_of(const Value& v) {
  if (!v.is_string()) malformed("a string expected");
  return std::string(v.text);
}

std::vector<std::string> strings_of(const Value& v) {
  if (!v.is_array()) malformed("an array of strings expected");
  std::vector<std::string> out;
  for (uint32_t i = 0; i < v.size; ++i) out.push_back(text_of(v.items[i]));
  return out;
}

// One row of identityReferences: "PATH KIND SINCE [system=K1,K2] [prefix=P] [parent=TYPE] [default]".
IdentityReference parse_identity_reference(std::string_view row) {
  std::vector<std::string_view> words;
  for (size_t at = 0; at < row.size();) {
    const size_t end = std::min(row.find(' ', at), row.size());
    if (end > at) words.push_back(row.substr(at, end - at));
    at = end + 1;
  }
  if (words.size() < 3) malformed("an identity reference without path, kind and api-version");
  IdentityReference ref;
  for (size_t at = 0; at <= words[0].size();) {
    const size_t end = std::min(words[0].find('.', at), words[0].size());
    std::string_view step = words[0].substr(at, end - at);
    // 'rules[*]' is two steps: the array, then each of its items.
    const bool each = step.size() > 3 && step.substr(step.size() - 3) == "[*]";
    if (each) step.remove_suffix(3);
    if (step.empty()) malformed("an empty step in identity reference path '" + std::string(words[0]) + "'");
    ref.path.emplace_back(step);
    if (each) ref.path.emplace_back("[*]");
    at = end + 1;
  }
  const std::string_view kind = words[1];
  if (kind == "resourceId") ref.kind = IdentityReference::Kind::ResourceId;
  else if (kind == "clientId") ref.kind = IdentityReference::Kind::ClientId;
  else if (kind == "prefixedResourceId") ref.kind = IdentityReference::Kind::PrefixedResourceId;
  else if (kind == "keywordOnly") ref.kind = IdentityReference::Kind::KeywordOnly;
  else malformed("identity reference kind '" + std::string(kind) + "'");
  ref.since = std::string(words[2]);
  for (size_t i = 3; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w.rfind("system=", 0) == 0) {
      for (size_t at = 7; at <= w.size();) {
        const size_t end = std::min(w.find(',', at), w.size());
        ref.system_keywords.emplace_back(w.substr(at, end - at));
        at = end + 1;
      }
    } else if (w.rfind("prefix=", 0) == 0) {
      ref.prefix = std::string(w.substr(7));
    } else if (w.rfind("parent=", 0) == 0) {
      ref.parent_type = std::string(w.substr(7));
    } else if (w == "default") {
      ref.keyword_is_default = true;
    } else {
      malformed("identity reference option '" + std::string(w) + "'");
    }
  }
  return ref;
}

}  // namespace

IdentityCatalog IdentityCatalog::parse(std::string_view text) {
  IdentityCatalog catalog;
  Arena arena;
  JsonReadOptions options;
  options.arm_expressions = false;
  const JsonReadResult read = read_json(text, arena, options);
  if (!read.root) malformed(read.error ? read.error->message : "not JSON");
  const Value& doc = *read.root;
  if (const Value* source = doc.is_object() ? doc.find("source") : nullptr) catalog.source_ = text_of(*source);
  const Value& types = need(doc, "resourceTypes");
  if (!types.is_object()) malformed("resourceTypes is not an object");
  for (uint32_t i = 0; i < types.size; ++i) {
    CatalogType t;
    t.name = text_of(*types.members[i].key);
    const Value& runs = *types.members[i].value;
    if (!runs.is_array()) malformed("the versions of " + t.name + " are not an array");
    for (uint32_t k = 0; k < runs.size; ++k) {
      const Value& entry = runs.items[k];
      CatalogVersion v;
      v.api_versions = to_lower_ascii(text_of(need(entry, "apiVersions")));
      v.identity_types = strings_of(need(entry, "identityTypes"));
      v.no_identity = entry.find("noIdentity") != nullptr;
      v.any_string = entry.find("anyString") != nullptr;
      t.versions.push_back(std::move(v));
    }
    catalog.types_.push_back(std::move(t));
  }
  // rules/gen-catalog writes the types in this order already; sorting keeps lookups right if not.
  auto by_name = [](const CatalogType& x, const CatalogType& y) { return less_ignore_case(x.name, y.name); };
  if (!std::is_sorted(catalog.types_.begin(), catalog.types_.end(), by_name)) {
    std::sort(catalog.types_.begin(), catalog.types_.end(), by_name);
  }
  if (const Value* literals = doc.find("identityTypeLiterals"); literals && literals->is_object()) {
    for (uint32_t i = 0; i < literals->size; ++i) {
      catalog.literals_.emplace_back(text_of(*literals->members[i].key), strings_of(*literals->members[i].value));
    }
  }
  if (const Value* limits = doc.find("userIdentityLimits"); limits && limits->is_array()) {
    for (uint32_t i = 0; i < limits->size; ++i) {
      const Value& l = limits->items[i];
      const Value& max = need(l, "max");
      if (max.kind != Value::Kind::Number) malformed("a limit's max is not a number");
      catalog.limits_.push_back(UserIdentityLimit{text_of(need(l, "type")), std::stoul(std::string(max.text)),
                                                  text_of(need(l, "source")), text_of(need(l, "quote")),
                                                  text_of(need(l, "help"))});
    }
  }
  if (const Value* evidence = doc.find("identityTypeEvidence"); evidence && evidence->is_array()) {
    for (uint32_t i = 0; i < evidence->size; ++i) {
      const Value& e = evidence->items[i];
      IdentityTypeEvidence x;
      x.type = text_of(need(e, "type"));
      if (const Value* range = e.find("apiVersions")) {
        if (const Value* from = range->find("from")) x.from = to_lower_ascii(text_of(*from));
        if (const Value* to = range->find("to")) x.to = to_lower_ascii(text_of(*to));
      }
      std::string kinds;
      for (const std::string& k : strings_of(need(e, "kinds"))) kinds += (kinds.empty() ? "" : ",") + k;
      x.kinds = identity_kinds(kinds);
      const Value* spaced = e.find("spaced");
      x.spaced = spaced && spaced->kind == Value::Kind::Bool && spaced->boolean;
      const std::string outcome = text_of(need(e, "outcome"));
      x.outcome = outcome == "accepted"  ? IdentityTypeEvidence::Outcome::Accepted
                  : outcome == "misread" ? IdentityTypeEvidence::Outcome::Misread
                                         : IdentityTypeEvidence::Outcome::Rejected;
      if (x.outcome == IdentityTypeEvidence::Outcome::Accepted) {
        x.spelling = text_of(need(e, "spelling"));
      } else {
        x.error = text_of(need(e, "level")) == "error";
      }
      x.statement = text_of(need(e, "statement"));
      x.source = text_of(need(e, "source"));
      if (const Value* help = e.find("help")) x.help = text_of(*help);
      catalog.evidence_.push_back(std::move(x));
    }
  }
  if (const Value* refs = doc.find("identityReferences"); refs && refs->is_object()) {
    for (uint32_t i = 0; i < refs->size; ++i) {
      const Value& rows = *refs->members[i].value;
      if (!rows.is_array()) malformed("the identity references of a type are not an array");
      std::vector<IdentityReference> parsed;
      for (uint32_t k = 0; k < rows.size; ++k) parsed.push_back(parse_identity_reference(text_of(rows.items[k])));
      catalog.references_.emplace_back(text_of(*refs->members[i].key), std::move(parsed));
    }
    std::sort(catalog.references_.begin(), catalog.references_.end(),
              [](const auto& x, const auto& y) { return less_ignore_case(x.first, y.first); });
  }
  return catalog;
}

std::string identity_kinds(std::string_view value) {
  std::vector<std::string> parts;
  std::string current;
  auto flush = [&] {
    if (!current.empty() && std::find(parts.begin(), parts.end(), current) == parts.end()) parts.push_back(current);
    current.clear();
  };
  for (char c : value) {
    if (c == ',') {
      flush();
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      current += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
  }
  flush();
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ",") + p;
  return out;
}

bool CatalogVersion::has(std::string_view api_version) const {
  std::string_view rest = api_versions;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    if (rest.substr(0, comma) == api_version) return true;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return false;
}

bool IdentityTypeEvidence::covers(std::string_view api_version) const {
  const std::string v = to_lower_ascii(api_version);
  if (!from.empty() && compare_api_versions(v, from) < 0) return false;
  if (!to.empty() && compare_api_versions(v, to) > 0) return false;
  return true;
}

const IdentityTypeEvidence* IdentityCatalog::type_evidence(std::string_view type, std::string_view api_version,
                                                           std::string_view value) const {
  const std::string kinds = identity_kinds(value);
  const bool spaced = value.find_first_of(" \t\r\n") != std::string_view::npos;
  for (const IdentityTypeEvidence& e : evidence_) {
    if (!equals_ignore_case(e.type, type)) continue;
    if (e.outcome == IdentityTypeEvidence::Outcome::Accepted) {
      if (e.spelling == value) return &e;
      continue;
    }
    if (e.kinds == kinds && (!e.spaced || spaced) && e.covers(api_version)) return &e;
  }
  return nullptr;
}

bool IdentityCatalog::has_type_evidence(std::string_view type) const {
  return std::any_of(evidence_.begin(), evidence_.end(),
                     [&](const IdentityTypeEvidence& e) { return equals_ignore_case(e.type, type); });
}

const IdentityTypeEvidence* IdentityCatalog::accepted_spelling(std::string_view type, std::string_view kinds) const {
  for (const IdentityTypeEvidence& e : evidence_) {
    if (e.outcome == IdentityTypeEvidence::Outcome::Accepted && e.kinds == kinds && equals_ignore_case(e.type, type)) {
      return &e;
    }
  }
  return nullptr;
}

const std::vector<IdentityReference>& IdentityCatalog::identity_references(std::string_view type) const {
  static const std::vector<IdentityReference> none;
  const auto it = std::lower_bound(references_.begin(), references_.end(), type, [](const auto& entry, std::string_view t) {
    return less_ignore_case(entry.first, t);
  });
  return it != references_.end() && equals_ignore_case(it->first, type) ? it->second : none;
}

size_t IdentityCatalog::identity_reference_count() const {
  size_t n = 0;
  for (const auto& entry : references_) n += entry.second.size();
  return n;
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
  const auto it = std::lower_bound(types_.begin(), types_.end(), type, [](const CatalogType& t, std::string_view w) {
    return less_ignore_case(t.name, w);
  });
  return it != types_.end() && equals_ignore_case(it->name, type) ? &*it : nullptr;
}

CatalogLookup IdentityCatalog::lookup(std::string_view type, std::string_view api_version) const {
  CatalogLookup r;
  r.type = find(type);
  if (!r.type || r.type->versions.empty()) return r;
  const std::string wanted = to_lower_ascii(api_version);
  for (const CatalogVersion& v : r.type->versions) {
    if (v.has(wanted)) {
      r.version = &v;
      return r;
    }
  }
  if (compare_api_versions(wanted, r.type->versions.back().last()) > 0) {
    r.version = &r.type->versions.back();
    r.newer_than_known = true;
  }
  return r;
}

}  // namespace idlint
