// Module paths: local files, and registry modules and template specs in the Bicep CLI's restore cache.
#include "load/module_path.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "load/json_reader.h"
#include "model/value.h"

namespace idlint {

namespace fs = std::filesystem;

namespace {

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

std::string quoted(std::string_view written) { return "'" + std::string(written) + "'"; }

// An OCI artifact reference 'registry/repository:tag' or 'registry/repository@digest'.
struct OciReference {
  std::string registry;
  std::string repository;
  std::string tag;     // or
  std::string digest;  // 'sha256:…'
};

std::optional<OciReference> parse_oci(std::string_view unqualified) {
  const size_t slash = unqualified.find('/');
  if (slash == 0 || slash == std::string_view::npos) return std::nullopt;
  OciReference r;
  r.registry = std::string(unqualified.substr(0, slash));
  const std::string_view path = unqualified.substr(slash + 1);
  // The tag or digest follows the first ':' or '@' of the last path segment.
  const size_t last_segment = path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1;
  const size_t delimiter = path.find_first_of(":@", last_segment);
  if (delimiter == std::string_view::npos || delimiter == last_segment || delimiter + 1 == path.size()) {
    return std::nullopt;
  }
  r.repository = std::string(path.substr(0, delimiter));
  const std::string_view rest = path.substr(delimiter + 1);
  if (path[delimiter] == ':') {
    if (rest.size() > 128) return std::nullopt;  // longer than an OCI tag may be
    r.tag = std::string(rest);
  } else {
    r.digest = std::string(rest);
  }
  return r;
}

// The cache folder name of a tag: the tag, '$', then a hex mask of its upper-case letters (nothing
// when there are none), so that tags differing in case get different folders on any file system.
std::string encode_tag(std::string_view tag) {
  uint64_t mask[2] = {0, 0};  // a tag has at most 128 characters
  for (size_t i = 0; i < tag.size() && i < 128; ++i) {
    if (tag[i] >= 'A' && tag[i] <= 'Z') mask[i / 64] |= uint64_t{1} << (i % 64);
  }
  std::string out(tag);
  out += '$';
  bool leading = false;
  for (int i = 1; i >= 0; --i) {
    if (mask[i] == 0 && !leading) continue;
    char buf[17];
    std::snprintf(buf, sizeof buf, leading ? "%016llx" : "%llx", static_cast<unsigned long long>(mask[i]));
    out += buf;
    leading = true;
  }
  return out;
}

fs::path oci_cache_file(const fs::path& cache, const OciReference& r) {
  std::string registry = to_lower_ascii(r.registry);
  std::replace(registry.begin(), registry.end(), ':', '$');
  std::string repository = r.repository;
  std::replace(repository.begin(), repository.end(), '/', '$');
  std::string version = r.tag.empty() ? r.digest : encode_tag(r.tag);
  if (r.tag.empty()) std::replace(version.begin(), version.end(), ':', '#');
  return cache / "br" / registry / repository / version / "main.json";
}

// The nearest bicepconfig.json in the caller's directory or above it, as Bicep looks for it.
fs::path find_bicepconfig(const std::string& caller_path) {
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(caller_path), ec).parent_path();
  while (!dir.empty()) {
    if (is_file(dir / "bicepconfig.json")) return dir / "bicepconfig.json";
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return {};
}

// An alias's definition in bicepconfig.json: moduleAliases.<scheme>.<name>, with its string members.
struct Alias {
  std::string first;   // br: registry; ts: subscription
  std::string second;  // br: modulePath (optional); ts: resourceGroup
};

// Looks up 'br/<name>' or 'ts/<name>'; returns the alias, or nullopt with the reason set.
std::optional<Alias> find_alias(const std::string& caller_path, std::string_view scheme, std::string_view name,
                                std::string& reason) {
  const std::string written = std::string(scheme) + "/" + std::string(name);
  const fs::path config = find_bicepconfig(caller_path);
  const bool builtin_public = scheme == "br" && name == "public";
  if (config.empty()) {
    if (builtin_public) return Alias{"mcr.microsoft.com", "bicep"};
    reason = "module alias '" + written + "' is not defined: no bicepconfig.json in the module's folder or above it";
    return std::nullopt;
  }
  std::ifstream in(config, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const SourceFile file(config.string(), text.str());
  Arena arena;
  JsonReadOptions options;
  options.arm_expressions = false;
  const JsonReadResult json = read_json(file.text(), arena, options);
  if (json.error) {
    const Position at = file.position(json.error->span.begin);
    reason = "module alias '" + written + "' cannot be read: " + config.string() + ":" + std::to_string(at.line) + ":" +
             std::to_string(at.column) + ": " + json.error->message;
    return std::nullopt;
  }
  const Value* aliases = json.root->is_object() ? json.root->find("moduleAliases") : nullptr;
  const Value* group = aliases && aliases->is_object() ? aliases->find(scheme) : nullptr;
  const Value* alias = nullptr;
  for (uint32_t i = 0; group && group->is_object() && i < group->size; ++i) {
    if (group->members[i].key->text == name) alias = group->members[i].value;  // alias names are case-sensitive
  }
  if (!alias || !alias->is_object()) {
    // The user's configuration is merged over Bicep's own, which defines br/public.
    if (builtin_public) return Alias{"mcr.microsoft.com", "bicep"};
    reason = "module alias '" + written + "' is not defined in " + config.string();
    return std::nullopt;
  }
  auto member = [&](std::string_view key) {
    const Value* v = alias->find(key);
    return v ? std::string(v->string_or_empty()) : std::string();
  };
  Alias result = scheme == "br" ? Alias{member("registry"), member("modulePath")}
                                : Alias{member("subscription"), member("resourceGroup")};
  const char* missing = nullptr;
  if (result.first.empty()) missing = scheme == "br" ? "registry" : "subscription";
  if (scheme == "ts" && result.second.empty()) missing = "resourceGroup";
  if (missing) {
    reason = "module alias '" + written + "' in " + config.string() + " has no " + missing;
    return std::nullopt;
  }
  return result;
}

ModuleTarget resolve_local(const std::string& caller_path, std::string_view written) {
  ModuleTarget t;
  if (written.empty()) {
    t.unknown_reason = "the module path is empty";
    return t;
  }
  const fs::path resolved = (fs::path(caller_path).parent_path() / fs::path(written)).lexically_normal();
  if (is_file(resolved)) {
    t.path = resolved.string();
  } else {
    t.unknown_reason = "module file " + quoted(written) + " not found";
  }
  return t;
}

}  // namespace

std::string default_module_cache_dir() {
  const char* home = std::getenv("HOME");
  if (!home || !*home) return {};
  return (fs::path(home) / ".bicep").string();
}

ModuleTarget resolve_module_path(const std::string& caller_path, std::string_view written,
                                 const std::string& cache_dir) {
  const bool oci = written.starts_with("br:") || written.starts_with("br/");
  const bool spec = written.starts_with("ts:") || written.starts_with("ts/");
  if (!oci && !spec) return resolve_local(caller_path, written);

  ModuleTarget t;
  t.registry = true;
  const std::string_view scheme = written.substr(0, 2);
  // 'br:<reference>' or 'br/<alias>:<reference relative to the alias>' (the same for ts).
  std::string reference;
  if (written[2] == ':') {
    reference = std::string(written.substr(3));
  } else {
    const size_t colon = written.find(':');
    if (colon == std::string_view::npos) {
      t.unknown_reason = quoted(written) + " names a module alias but no module after it";
      return t;
    }
    const std::optional<Alias> alias = find_alias(caller_path, scheme, written.substr(3, colon - 3), t.unknown_reason);
    if (!alias) return t;
    const std::string prefix = alias->second.empty() ? alias->first : alias->first + "/" + alias->second;
    reference = prefix + "/" + std::string(written.substr(colon + 1));
  }

  const std::string cache = cache_dir.empty() ? default_module_cache_dir() : cache_dir;
  const char* kind = oci ? "registry module " : "template spec ";
  fs::path file;
  if (oci) {
    const std::optional<OciReference> r = parse_oci(reference);
    if (!r) {
      t.unknown_reason = quoted(written) + " is not a registry module reference ('br:<registry>/<path>:<tag>')";
      return t;
    }
    file = oci_cache_file(cache, *r);
  } else {
    // '<subscription>/<resource group>/<name>:<version>', stored in lower case.
    const size_t colon = reference.rfind(':');
    const size_t slashes = std::count(reference.begin(), reference.end(), '/');
    if (colon == std::string::npos || slashes != 2 || colon < reference.rfind('/') || colon + 1 == reference.size()) {
      t.unknown_reason =
          quoted(written) + " is not a template spec reference ('ts:<subscription>/<resource group>/<name>:<version>')";
      return t;
    }
    reference[colon] = '/';
    file = fs::path(cache) / "ts" / to_lower_ascii(reference) / "main.json";
  }
  if (cache.empty()) {
    t.unknown_reason = kind + quoted(written) + " cannot be looked up: no local module cache (HOME is not set)";
    return t;
  }
  if (is_file(file)) {
    t.path = file.string();
  } else {
    t.unknown_reason = kind + quoted(written) + " is not in the local module cache (" + cache + ")";
  }
  return t;
}

}  // namespace idlint
