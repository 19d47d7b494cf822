// ARM parameter files: entries read literally, values that are only known at deployment named as such.
#include "load/parameter_file.h"

#include <dirent.h>

#include <algorithm>
#include <filesystem>

#include "load/directives.h"

namespace idlint {

namespace fs = std::filesystem;

namespace {

// Resource Manager does not evaluate expressions in a parameter file: "[...]" strings are literal.
class LiteralValues final : public ExpressionSource {
 public:
  const ir::Node* expression(const Value&, std::string& error) const override {
    error = "a parameter file's values are literal, not expressions";
    return nullptr;
  }
};

const LiteralValues kLiteralValues;

bool ends_with_ignore_case(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && equals_ignore_case(s.substr(s.size() - suffix.size()), suffix);
}

// The first `${…}` placeholder in a string (through its closing brace, or to the end), or empty.
std::string_view placeholder_in(std::string_view s) {
  const size_t start = s.find("${");
  if (start == std::string_view::npos) return {};
  const size_t close = s.find('}', start + 2);
  return s.substr(start, close == std::string_view::npos ? std::string_view::npos : close - start + 1);
}

// The first placeholder in any string of a value, keys included (azd substitutes the whole file).
std::string_view find_placeholder(const Value& v) {
  switch (v.kind) {
    case Value::Kind::String:
      return placeholder_in(v.text);
    case Value::Kind::Array:
      for (uint32_t i = 0; i < v.size; ++i) {
        if (std::string_view p = find_placeholder(v.items[i]); !p.empty()) return p;
      }
      return {};
    case Value::Kind::Object:
      for (uint32_t i = 0; i < v.size; ++i) {
        if (std::string_view p = find_placeholder(*v.members[i].key); !p.empty()) return p;
        if (std::string_view p = find_placeholder(*v.members[i].value); !p.empty()) return p;
      }
      return {};
    default:
      return {};
  }
}

ParameterFileEntry read_entry(const Member& m) {
  ParameterFileEntry e;
  e.name = m.key->text;
  e.name_span = m.key->span;
  e.span = m.value->span;
  const Value& body = *m.value;
  if (!body.is_object()) {
    e.unknown_reason = "the entry is not an object with a 'value' or a 'reference'";
    return e;
  }
  if (body.find("reference")) {
    e.unknown_reason = "a Key Vault secret reference (read at deployment)";
    return e;
  }
  const Value* value = body.find("value");
  if (!value) {
    e.unknown_reason = "the entry has neither a 'value' nor a 'reference'";
    return e;
  }
  if (std::string_view p = find_placeholder(*value); !p.empty()) {
    e.unknown_reason = "environment placeholder " + std::string(p) + " (substituted before deployment)";
    return e;
  }
  e.value = value;
  return e;
}

bool looks_like_entry(const Value& v) { return v.is_object() && (v.find("value") || v.find("reference")); }

// Whether the root is a parameter file, and the object whose members are its entries (null for none).
std::optional<const Value*> entries_object(const Value& root) {
  if (!root.is_object()) return std::nullopt;
  if (const Value* schema = root.find("$schema")) {
    if (!schema->is_string() || !is_deployment_parameters_schema(schema->text)) return std::nullopt;
    const Value* params = root.find("parameters");
    return params && params->is_object() ? params : nullptr;
  }
  // Without a $schema: {"contentVersion": …, "parameters": {…}} or the bare entries themselves.
  auto all_entries = [](const Value& object) {
    if (object.size == 0) return false;
    for (uint32_t i = 0; i < object.size; ++i) {
      if (!looks_like_entry(*object.members[i].value)) return false;
    }
    return true;
  };
  if (const Value* params = root.find("parameters"); params && params->is_object() && all_entries(*params)) {
    for (uint32_t i = 0; i < root.size; ++i) {
      const std::string_view key = root.members[i].key->text;
      if (!equals_ignore_case(key, "parameters") && !equals_ignore_case(key, "contentVersion") &&
          !equals_ignore_case(key, "metadata")) {
        return std::nullopt;
      }
    }
    return params;
  }
  if (all_entries(root)) return &root;
  return std::nullopt;
}

bool is_json_extension(std::string_view ext) {
  return equals_ignore_case(ext, ".json") || equals_ignore_case(ext, ".jsonc");
}

// Splits a file name into its base and a .json/.jsonc extension; false for other extensions.
bool split_json_name(std::string_view name, std::string_view& base) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || !is_json_extension(name.substr(dot))) return false;
  base = name.substr(0, dot);
  return true;
}

// Whether a parameter file's name pairs with a template whose name without extension is stem.
bool pairs_with(std::string_view name, std::string_view stem) {
  std::string_view base;
  if (!split_json_name(name, base) || !starts_with_ignore_case(base, stem)) return false;
  const std::string_view rest = base.substr(stem.size());
  if (equals_ignore_case(rest, ".parameters")) return true;
  if (starts_with_ignore_case(rest, ".parameters.") && rest.size() > std::string_view(".parameters.").size()) {
    return true;
  }
  // The quickstart templates' azuredeploy.parameters-dev.json and the like.
  return equals_ignore_case(stem, "azuredeploy") && starts_with_ignore_case(rest, ".parameters");
}

}  // namespace

bool is_deployment_parameters_schema(std::string_view schema) {
  if (!schema.empty() && schema.back() == '#') schema.remove_suffix(1);
  return ends_with_ignore_case(schema, "deploymentParameters.json");
}

bool is_arm_parameter_file_text(std::string_view text) {
  static constexpr std::string_view key = "\"$schema\"";
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  for (size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
    size_t i = at + key.size();
    while (i < text.size() && space(text[i])) ++i;
    if (i == text.size() || text[i] != ':') continue;  // "$schema" as a value, not a key
    ++i;
    while (i < text.size() && space(text[i])) ++i;
    if (i == text.size() || text[i] != '"') return false;
    const size_t close = text.find('"', i + 1);
    if (close == std::string_view::npos) return false;
    return is_deployment_parameters_schema(text.substr(i + 1, close - i - 1));
  }
  return false;
}

std::optional<ParameterFile> load_arm_parameter_file(std::shared_ptr<const SourceFile> file) {
  ParameterFile result;
  result.tmpl = std::make_unique<Template>();
  result.tmpl->file = file;
  result.file = std::move(file);
  result.tmpl->arena = std::make_shared<Arena>();
  result.tmpl->expressions = &kLiteralValues;
  JsonReadOptions options;
  options.arm_expressions = false;
  JsonReadResult json = read_json(result.file->text(), *result.tmpl->arena, options);
  if (json.error) {
    result.syntax_error = std::move(json.error);
    return result;
  }
  const std::optional<const Value*> entries = entries_object(*json.root);
  if (!entries) return std::nullopt;
  result.tmpl->root = json.root;
  if (const Value* object = *entries) {
    for (uint32_t i = 0; i < object->size; ++i) result.entries.push_back(read_entry(object->members[i]));
  }
  // `// idlint-disable-next-line` above a value covers the findings that value causes.
  for (Span comment : json.line_comments) {
    if (std::optional<DisableDirective> d = read_idlint_directive(*result.file, comment)) {
      result.tmpl->disable_next_line.push_back(std::move(*d));
    }
  }
  return result;
}

namespace {
// The regular files of a directory whose names could pair with a template (they contain
// ".parameters"). The last directory listed is remembered: a folder walk lints
// its templates one directory at a time, and listing a folder of thousands of templates once per
// template would be quadratic.
const std::vector<std::string>& parameter_file_candidates(const fs::path& dir) {
  thread_local std::string cached_dir;
  thread_local std::vector<std::string> cached_names;
  thread_local fs::file_time_type cached_time;
  thread_local bool valid = false;
  const std::string key = dir.empty() ? std::string(".") : dir.string();
  std::error_code tec;
  const fs::file_time_type time = fs::last_write_time(key, tec);
  if (valid && key == cached_dir && !tec && time == cached_time) return cached_names;
  cached_names.clear();
  // readdir, not std::filesystem: a folder of thousands of templates is listed without a path
  // object per entry, and only names containing ".parameters" are kept.
  if (DIR* d = ::opendir(key.c_str())) {
    while (const dirent* e = ::readdir(d)) {
      const std::string_view name(e->d_name);
      if (name.size() < 12 || !contains_ignore_case(name, ".parameters")) continue;
      if (e->d_type != DT_REG && e->d_type != DT_UNKNOWN && e->d_type != DT_LNK) continue;
      std::error_code fec;
      if (e->d_type != DT_REG && !fs::is_regular_file(fs::path(key) / std::string(name), fec)) continue;
      cached_names.emplace_back(name);
    }
    ::closedir(d);
  }
  cached_dir = key;
  cached_time = time;
  valid = !tec;
  return cached_names;
}
}  // namespace

std::vector<std::string> paired_parameter_files(const std::string& template_path) {
  const fs::path path(template_path);
  const std::string ext = path.extension().string();
  if (!is_json_extension(ext) && ext != ".bicep") return {};
  const std::string stem = path.stem().string();
  const fs::path dir = path.parent_path();
  std::vector<std::string> found;
  for (const std::string& name : parameter_file_candidates(dir)) {
    if (!pairs_with(name, stem)) continue;
    const fs::path candidate = dir / name;
    std::error_code fec;
    if (fs::equivalent(candidate, path, fec)) continue;
    found.push_back(candidate.string());
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<std::string> templates_paired_with(const std::string& parameter_file_path) {
  const fs::path path(parameter_file_path);
  const std::string name = path.filename().string();
  const fs::path dir = path.parent_path();
  std::vector<std::string> found;
  // X.parameters*.json pairs with X.json, X.jsonc, X.bicep: X is a prefix of the name, ending at a dot.
  for (size_t dot = name.find('.'); dot != std::string::npos; dot = name.find('.', dot + 1)) {
    if (dot == 0) continue;
    const std::string stem = name.substr(0, dot);
    if (!pairs_with(name, stem)) continue;
    for (const char* ext : {".json", ".jsonc", ".bicep"}) {
      const fs::path candidate = dir / (stem + ext);
      std::error_code ec;
      if (!fs::is_regular_file(candidate, ec) || fs::equivalent(candidate, path, ec)) continue;
      if (is_parameter_file_name(candidate.string())) continue;
      found.push_back(candidate.string());
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

bool is_parameter_file_name(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::string_view base;
  if (!split_json_name(name, base)) return false;
  if (starts_with_ignore_case(base, "azuredeploy.parameters")) return true;
  // "X.parameters" or "X.parameters.Y", with X and Y not empty.
  static constexpr std::string_view marker = ".parameters";
  for (size_t at = 1; at < base.size(); ++at) {
    if (!equals_ignore_case(base.substr(at, marker.size()), marker)) continue;
    const size_t after = at + marker.size();
    if (after == base.size() || (base[after] == '.' && after + 1 < base.size())) return true;
  }
  return false;
}

}  // namespace idlint
