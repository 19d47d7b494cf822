// Module paths: local files, and registry modules and template specs in the Bicep CLI's restore cache.
#include "load/module_path.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include "load/file_reader.h"
#include "load/json_reader.h"
#include "model/value.h"

namespace idlint {

namespace fs = std::filesystem;

namespace {

// Something is at p (a file, a folder, a FIFO, a dangling or looping symlink): the reader says
// what is wrong with it, if anything.
bool exists_at(const fs::path& p) {
  std::error_code ec;
  return fs::symlink_status(p, ec).type() != fs::file_type::not_found && !ec;
}

bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool alnum(char c) { return lower_alnum(c) || (c >= 'A' && c <= 'Z'); }

// As the Bicep CLI checks references (OciArtifactReferenceFacts): a repository path segment is
// [a-z0-9]+([._-][a-z0-9]+)*, a tag [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}, a digest sha256:<64 hex>.
bool is_path_segment(std::string_view s) {
  if (s.empty() || !lower_alnum(s.front()) || !lower_alnum(s.back())) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (lower_alnum(c)) continue;
    if ((c != '.' && c != '_' && c != '-') || !lower_alnum(s[i + 1])) return false;  // one separator between
  }
  return true;
}

bool is_tag(std::string_view s) {
  if (s.empty() || s.size() > 128 || !(alnum(s[0]) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return alnum(c) || c == '_' || c == '.' || c == '-'; });
}

bool is_digest(std::string_view s) {
  if (s.size() != 7 + 64 || !s.starts_with("sha256:")) return false;
  return std::all_of(s.begin() + 7, s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A registry is a URI authority: a host name (dot-separated labels of letters, digits and '-') or
// an IPv6 address in brackets ('[::1]', as the Bicep compiler's own tests use), with an optional
// port, at most 255 characters.
bool is_registry(std::string_view s) {
  if (s.empty() || s.size() > 255) return false;
  const size_t host_end = s.front() == '[' ? s.find(']') + 1 : s.find(':');
  if (host_end == 0) return false;  // '[' without ']'
  const std::string_view host = s.substr(0, host_end);
  if (host_end < s.size()) {
    const std::string_view port = s.substr(host_end);
    if (port.size() < 2 || port.size() > 6 || port[0] != ':' ||
        !std::all_of(port.begin() + 1, port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
  }
  if (host.front() == '[') {
    const std::string_view address = host.substr(1, host.size() - 2);
    return address.find(':') != std::string_view::npos && std::all_of(address.begin(), address.end(), [](char c) {
             return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
           });
  }
  for (size_t start = 0;;) {
    const size_t dot = host.find('.', start);
    const std::string_view label =
        host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-' ||
        !std::all_of(label.begin(), label.end(), [](char c) { return alnum(c) || c == '-'; })) {
      return false;
    }
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

// A template spec's resource group: letters, digits and -_.() (at most 90), not ending in '.';
// its name and version: the same without the rule on '.' inside, ending in a letter, digit or -_().
bool is_resource_name_char(char c) {
  return alnum(c) || c == '-' || c == '_' || c == '(' || c == ')' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_resource_group(std::string_view s) {
  return !s.empty() && s.size() <= 90 && s.back() != '.' &&
         std::all_of(s.begin(), s.end(), [](char c) { return is_resource_name_char(c) || c == '.'; });
}
bool is_spec_name(std::string_view s) { return is_resource_group(s); }

bool is_guid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? c != '-' : !std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// An OCI artifact reference 'registry/repository:tag' or 'registry/repository@digest'.
struct OciReference {
  std::string registry;
  std::string repository;
  std::string tag;     // or
  std::string digest;  // 'sha256:…'
};

// Parses and validates a reference as the Bicep CLI does; on failure says why in `why`.
std::optional<OciReference> parse_oci(std::string_view unqualified, std::string& why) {
  const size_t slash = unqualified.find('/');
  OciReference r;
  r.registry = std::string(unqualified.substr(0, slash));
  if (!is_registry(r.registry)) {
    why = "the registry " + quote_text(r.registry) + " is not a host name";
    return std::nullopt;
  }
  if (slash == std::string_view::npos) {
    why = "it has no repository after the registry";
    return std::nullopt;
  }
  const std::string_view path = unqualified.substr(slash + 1);
  // The tag or digest follows the first ':' or '@' of the last path segment.
  const size_t last_segment = path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1;
  const size_t delimiter = path.find_first_of(":@", last_segment);
  const std::string_view repository = path.substr(0, delimiter);
  for (size_t start = 0;;) {
    const size_t end = repository.find('/', start);
    const std::string_view segment = repository.substr(start, end == std::string_view::npos ? end : end - start);
    if (!is_path_segment(segment)) {
      why = quote_text(segment) +
            " is not a repository path segment (lower-case letters and digits, separated by one '.', "
            "'_' or '-')";
      return std::nullopt;
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (repository.size() > 255) {
    why = "the repository is longer than 255 characters";
    return std::nullopt;
  }
  if (delimiter == std::string_view::npos || delimiter + 1 == path.size()) {
    why = "it has no tag or digest (':<tag>' or '@sha256:<digest>')";
    return std::nullopt;
  }
  r.repository = std::string(repository);
  const std::string_view rest = path.substr(delimiter + 1);
  if (path[delimiter] == ':') {
    if (!is_tag(rest)) {
      why = "the tag " + quote_text(rest) + " is not a tag (letters, digits, '.', '_' and '-', at most 128)";
      return std::nullopt;
    }
    r.tag = std::string(rest);
  } else {
    if (!is_digest(rest)) {
      why = "the digest " + quote_text(rest) + " is not 'sha256:' and 64 hexadecimal digits";
      return std::nullopt;
    }
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
    if (exists_at(dir / "bicepconfig.json")) return dir / "bicepconfig.json";
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
  FileRead read = read_input_file(config.string());
  if (!read.ok()) {
    reason = "module alias '" + written + "' cannot be read: " + config.string() + ": " + read.error;
    return std::nullopt;
  }
  const SourceFile file(config.string(), std::move(read.text));
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
  // Anywhere the user's files are; what is there is read as any file is (load/file_reader.h), so a
  // folder, a FIFO or a file in /proc is refused with the reason.
  const fs::path resolved = (fs::path(caller_path).parent_path() / fs::path(written)).lexically_normal();
  if (exists_at(resolved)) {
    t.path = resolved.string();
  } else {
    t.unknown_reason = "module file " + quote_text(written) + " not found";
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
      t.unknown_reason = quote_text(written) + " names a module alias but no module after it";
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
  std::string why;
  if (oci) {
    const std::optional<OciReference> r = parse_oci(reference, why);
    if (!r) {
      t.unknown_reason = quote_text(written) + " is not a valid registry module reference: " + why;
      return t;
    }
    file = oci_cache_file(cache, *r);
  } else {
    // '<subscription>/<resource group>/<name>:<version>', stored in lower case.
    const size_t colon = reference.rfind(':');
    const size_t slashes = std::count(reference.begin(), reference.end(), '/');
    if (colon == std::string::npos || slashes != 2 || colon < reference.rfind('/') || colon + 1 == reference.size()) {
      t.unknown_reason =
          quote_text(written) +
          " is not a valid template spec reference ('ts:<subscription>/<resource group>/<name>:<version>')";
      return t;
    }
    const size_t first = reference.find('/');
    const size_t second = reference.find('/', first + 1);
    const std::string_view subscription = std::string_view(reference).substr(0, first);
    const std::string_view group = std::string_view(reference).substr(first + 1, second - first - 1);
    const std::string_view name = std::string_view(reference).substr(second + 1, colon - second - 1);
    const std::string_view version = std::string_view(reference).substr(colon + 1);
    if (!is_guid(subscription)) {
      why = "the subscription " + quote_text(subscription) + " is not a GUID";
    } else if (!is_resource_group(group)) {
      why = "the resource group " + quote_text(group) + " is not a resource group name";
    } else if (!is_spec_name(name)) {
      why = "the name " + quote_text(name) + " is not a template spec name";
    } else if (!is_spec_name(version)) {
      why = "the version " + quote_text(version) + " is not a template spec version";
    }
    if (!why.empty()) {
      t.unknown_reason = quote_text(written) + " is not a valid template spec reference: " + why;
      return t;
    }
    reference[colon] = '/';
    file = fs::path(cache) / "ts" / to_lower_ascii(reference) / "main.json";
  }
  if (cache.empty()) {
    t.unknown_reason = kind + quote_text(written) + " cannot be looked up: no local module cache (HOME is not set)";
    return t;
  }
  if (!exists_at(file)) {
    t.unknown_reason = kind + quote_text(written) + " is not in the local module cache (" + cache + ")";
    return t;
  }
  // The references are validated above; what the cache holds may still be a symlink out of it.
  std::error_code ec;
  const fs::path real_cache = fs::weakly_canonical(fs::absolute(cache), ec);
  const fs::path real_file = ec ? fs::path() : fs::weakly_canonical(fs::absolute(file), ec);
  const fs::path inside = real_file.lexically_relative(real_cache);
  if (ec || inside.empty() || *inside.begin() == "..") {
    t.unknown_reason = kind + quote_text(written) + " leads outside the module cache (" + cache + ")";
    return t;
  }
  t.path = file.string();
  return t;
}

}  // namespace idlint
