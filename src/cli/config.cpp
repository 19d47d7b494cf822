// Reading idlint.jsonc with the template reader (comments, trailing commas and exact positions come
// with it), checking every key and value, and finding the file that applies to a linted file.
#include "cli/config.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "load/file_reader.h"
#include "load/json_reader.h"
#include "model/arena.h"
#include "report/report.h"
#include "rules/rule.h"

namespace idlint {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxConfigSize = size_t{1} << 20;  // a configuration is a few lines; 1 MiB is plenty

// A level as findings name it (level_name), or "off".
std::optional<Level> parse_level(std::string_view text, bool& ok) {
  ok = true;
  for (Level level : {Level::Error, Level::Warning, Level::Note}) {
    if (text == level_name(level)) return level;
  }
  ok = text == "off";
  return std::nullopt;
}

std::string kind_name(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::Null:
      return "null";
    case Value::Kind::Bool:
      return "a boolean";
    case Value::Kind::Number:
      return "a number";
    case Value::Kind::String:
      return "a string";
    case Value::Kind::Array:
      return "an array";
    case Value::Kind::Object:
      return "an object";
    case Value::Kind::Expr:
      return "an expression";
  }
  return "a value";
}

// Reading one file: every problem is an exception carrying the position of the value at fault.
struct ConfigReader {
  const SourceFile& source;

  struct Error {
    Span span;
    std::string message;
  };

  [[noreturn]] void fail(const Value& at, std::string message) const { throw Error{at.span, std::move(message)}; }

  uint32_t line(const Value& v) const { return source.position(v.span.begin).line; }

  void expect(const Value& v, Value::Kind kind, const std::string& what) const {
    if (v.kind != kind) fail(v, fmt::format("{} must be {}, not {}", what, kind_name(kind), kind_name(v.kind)));
  }

  // Members in order, each key once.
  template <typename F>
  void members(const Value& object, const std::string& what, F&& each) const {
    expect(object, Value::Kind::Object, what);
    std::set<std::string_view> seen;
    for (uint32_t i = 0; i < object.size; ++i) {
      const Member& m = object.members[i];
      if (!seen.insert(m.key->text).second) fail(*m.key, fmt::format("'{}' is set twice in {}", m.key->text, what));
      each(*m.key, *m.value);
    }
  }

  std::vector<RuleSetting> rules(const Value& object, const std::string& what) const {
    std::vector<RuleSetting> out;
    std::set<const RuleInfo*> seen;
    members(object, what, [&](const Value& key, const Value& value) {
      const RuleInfo* rule = find_rule(key.text);
      if (!rule) fail(key, fmt::format("unknown rule '{}' (see idlint --list-rules)", shortened(key.text, 60)));
      if (!seen.insert(rule).second) fail(key, fmt::format("rule {} is set twice in {}", rule->id, what));
      const Value* level = &value;
      if (value.is_object()) {
        // { "level": "note" }: the form of bicepconfig.json's analyzers.core.rules.<name>.
        level = nullptr;
        members(value, fmt::format("the setting of {}", rule->id), [&](const Value& k, const Value& v) {
          if (k.text != "level")
            fail(k,
                 fmt::format("unknown key '{}' in the setting of {}: only 'level'", shortened(k.text, 60), rule->id));
          level = &v;
        });
        if (!level) fail(value, fmt::format("the setting of {} needs a 'level'", rule->id));
      }
      if (!level->is_string()) {
        fail(*level, fmt::format("the level of {} must be \"error\", \"warning\", \"note\" or \"off\", not {}",
                                 rule->id, kind_name(level->kind)));
      }
      bool ok = false;
      const std::optional<Level> parsed = parse_level(level->text, ok);
      if (!ok) {
        fail(*level, fmt::format("'{}' is not a level for {}: use \"error\", \"warning\", \"note\" or \"off\"",
                                 shortened(level->text, 60), rule->id));
      }
      out.push_back(RuleSetting{rule, parsed, line(key)});
    });
    return out;
  }

  std::vector<PathGlob> globs(const Value& array, const std::string& what) const {
    expect(array, Value::Kind::Array, what);
    std::vector<PathGlob> out;
    for (uint32_t i = 0; i < array.size; ++i) {
      const Value& item = array.items[i];
      if (!item.is_string())
        fail(item, fmt::format("each entry of {} must be a string, not {}", what, kind_name(item.kind)));
      if (trim_blanks(item.text).empty()) fail(item, fmt::format("an entry of {} is empty", what));
      if (item.text.front() == '!') {
        fail(item, fmt::format("'{}': negated patterns are not supported in {}", shortened(item.text, 60), what));
      }
      out.emplace_back(std::string(item.text));
    }
    return out;
  }

  bool boolean(const Value& v, const std::string& what) const {
    expect(v, Value::Kind::Bool, what);
    return v.boolean;
  }

  void read(const Value& root, Config& config) const {
    members(root, "the configuration", [&](const Value& key, const Value& value) {
      const std::string_view k = key.text;
      if (k == "$schema") {
        expect(value, Value::Kind::String, "'$schema'");
      } else if (k == "rules") {
        config.rules = rules(value, "'rules'");
      } else if (k == "exclude") {
        expect(value, Value::Kind::Array, "'exclude'");
        std::string lines;  // read as the lines of a .gitignore file, '!' included
        for (uint32_t i = 0; i < value.size; ++i) {
          const Value& item = value.items[i];
          if (!item.is_string()) {
            fail(item, fmt::format("each entry of 'exclude' must be a string, not {}", kind_name(item.kind)));
          }
          if (trim_blanks(item.text).empty() || item.text == "!") fail(item, "an entry of 'exclude' is empty");
          if (item.text.find_first_of("\r\n") != std::string_view::npos) {
            fail(item, "an entry of 'exclude' holds a line break: one pattern per entry");
          }
          if (item.text.front() == '#') {
            fail(item,
                 fmt::format("'{}' would be a comment in a .gitignore line: write '\\#' for a name starting with '#'",
                             shortened(item.text, 60)));
          }
          lines.append(item.text).push_back('\n');
        }
        config.exclude = IgnorePatterns(lines);
      } else if (k == "overrides") {
        expect(value, Value::Kind::Array, "'overrides'");
        for (uint32_t i = 0; i < value.size; ++i) {
          const Value& entry = value.items[i];
          const std::string what = fmt::format("'overrides' entry {}", i + 1);
          ConfigOverride o;
          o.line = line(entry);
          bool has_files = false;
          members(entry, what, [&](const Value& ok, const Value& ov) {
            if (ok.text == "files") {
              o.files = globs(ov, what + " 'files'");
              has_files = true;
            } else if (ok.text == "rules") {
              o.rules = rules(ov, what + " 'rules'");
            } else {
              fail(ok, fmt::format("unknown key '{}' in {}: use 'files' and 'rules'", shortened(ok.text, 60), what));
            }
          });
          if (!has_files || o.files.empty()) fail(entry, what + " needs 'files', a list of paths or globs");
          config.overrides.push_back(std::move(o));
        }
      } else if (k == "failLevel") {
        expect(value, Value::Kind::String, "'failLevel'");
        for (FailLevel f : {FailLevel::Error, FailLevel::Warning, FailLevel::Note, FailLevel::None}) {
          if (value.text == fail_level_name(f)) config.fail_level = f;
        }
        if (!config.fail_level) {
          fail(value, fmt::format("'{}' is not a failLevel: use \"error\", \"warning\", \"note\" or \"none\"",
                                  shortened(value.text, 60)));
        }
      } else if (k == "parameterPairing") {
        config.parameter_pairing = boolean(value, "'parameterPairing'");
      } else if (k == "explainUnknown") {
        config.explain_unknown = boolean(value, "'explainUnknown'");
      } else if (k == "moduleCache") {
        expect(value, Value::Kind::String, "'moduleCache'");
        if (value.text.empty()) fail(value, "'moduleCache' is empty");
        std::string home_error;
        std::string cache = expand_home(std::string(value.text), home_error);
        if (!home_error.empty()) fail(value, "'moduleCache': " + home_error);
        if (fs::path(cache).is_relative()) {
          cache = (config.dir / cache).lexically_normal().string();
        }
        config.module_cache = cache;
      } else {
        std::string known;
        for (const std::string& name : config_keys()) known += (known.empty() ? "" : ", ") + name;
        fail(key, fmt::format("unknown key '{}' (the keys are {})", shortened(k, 60), known));
      }
    });
  }
};

}  // namespace

const std::vector<std::string>& config_keys() {
  static const std::vector<std::string> keys = {
      "$schema", "rules", "exclude", "overrides", "failLevel", "parameterPairing", "moduleCache", "explainUnknown"};
  return keys;
}

const std::vector<std::string>& config_file_names() {
  static const std::vector<std::string> names = {"idlint.jsonc", ".idlint.jsonc"};
  return names;
}

std::optional<std::string> Config::relative(const std::string& file) const {
  std::error_code ec;
  const fs::path rel = fs::absolute(file, ec).lexically_normal().lexically_relative(dir);
  if (ec || rel.empty() || *rel.begin() == "..") return std::nullopt;
  return rel.generic_string();
}

bool Config::excludes(const std::string& file) const {
  if (exclude.empty()) return false;
  const std::optional<std::string> rel = relative(file);
  if (!rel) return false;
  // As git walks: each folder from the top (a file in an excluded folder cannot be re-included),
  // then the file; the last pattern that matches decides.
  for (size_t slash = rel->find('/'); slash != std::string::npos; slash = rel->find('/', slash + 1)) {
    if (exclude.match(std::string_view(rel->data(), slash), true) == IgnoreMatch::Ignored) return true;
  }
  return exclude.match(*rel, false) == IgnoreMatch::Ignored;
}

bool Config::matches(const std::vector<PathGlob>& globs, const std::string& file) const {
  if (globs.empty()) return false;
  const std::optional<std::string> rel = relative(file);
  if (!rel) return false;
  // A pattern matches the file or one of its folders (everything in a folder it matches).
  return std::any_of(globs.begin(), globs.end(), [&](const PathGlob& g) { return g.matches(*rel, false); });
}

std::string expand_home(const std::string& path, std::string& error) {
  if (path.empty() || path[0] != '~') return path;
  if (path != "~" && path[1] != '/') {
    error = "'" + shortened(path, 60) + "' names another user's home folder: write the folder in full";
    return path;
  }
  const char* home = std::getenv("HOME");
  if (!home || !*home) {
    error = "'" + shortened(path, 60) + "' starts with '~' and HOME is not set: write the folder in full";
    return path;
  }
  return std::string(home) + path.substr(1);
}

std::shared_ptr<const Config> read_config(const std::string& path, std::string& error) {
  const FileRead read = read_input_file(path, kMaxConfigSize);
  if (!read.ok()) {
    error = fmt::format("{}: cannot read the configuration: {}", path, read.error);
    return nullptr;
  }
  auto source = std::make_shared<SourceFile>(path, read.text);
  Arena arena;
  JsonReadOptions options;
  options.arm_expressions = false;
  options.max_depth = 32;
  const JsonReadResult parsed = read_json(source->text(), arena, options);
  auto at = [&](Span span, const std::string& message) {
    const Position p = source->position(span.begin);
    return fmt::format("{}:{}:{}: {}", path, p.line, p.column, message);
  };
  if (parsed.error) {
    error = at(parsed.error->span, parsed.error->message);
    return nullptr;
  }
  auto config = std::make_shared<Config>();
  config->path = path;
  std::error_code ec;
  config->dir = fs::absolute(path, ec).lexically_normal().parent_path();
  try {
    ConfigReader{*source}.read(*parsed.root, *config);
  } catch (const ConfigReader::Error& e) {
    error = at(e.span, e.message);
    return nullptr;
  }
  return config;
}

std::shared_ptr<const Config> ConfigFinder::for_file(const std::string& path, std::string& error) {
  if (disabled_) return nullptr;
  if (!named_.empty()) {
    if (!named_read_) {
      named_read_ = true;
      named_config_ = read_config(named_, named_error_);
    }
    error = named_error_;
    return named_config_;
  }
  // Files of one folder, as named, share a lookup (a walk names thousands of files in few folders).
  const size_t slash = path.find_last_of('/');
  const std::string folder = slash == std::string::npos ? std::string() : path.substr(0, slash);
  if (folder == last_folder_ && last_folder_set_) {
    error = last_error_;
    return last_config_;
  }
  std::error_code ec;
  last_config_ = for_directory(fs::absolute(path, ec).lexically_normal().parent_path(), last_error_);
  last_folder_ = folder;
  last_folder_set_ = true;
  error = last_error_;
  return last_config_;
}

std::shared_ptr<const Config> ConfigFinder::for_directory(const fs::path& dir, std::string& error) {
  if (const auto it = by_dir_.find(dir); it != by_dir_.end()) {
    if (const auto e = errors_.find(dir); e != errors_.end()) error = e->second;
    return it->second;
  }
  std::shared_ptr<const Config> found;
  std::string found_error;
  std::vector<std::string> present;
  std::error_code ec;
  for (const std::string& name : config_file_names()) {
    if (!fs::is_regular_file(dir / name, ec)) continue;
    // Named in messages relative to the working directory when it is below it.
    const fs::path rel = (dir / name).lexically_relative(fs::current_path(ec));
    present.push_back(!ec && !rel.empty() && *rel.begin() != ".." ? rel.string() : (dir / name).string());
  }
  if (present.size() > 1) {
    found_error = fmt::format("{}: two configuration files in one folder ({} and {}): keep one", dir.string(),
                              config_file_names()[0], config_file_names()[1]);
  } else if (present.size() == 1) {
    found = read_config(present.front(), found_error);
  } else if (!fs::exists(dir / ".git", ec) && dir.has_parent_path() && dir.parent_path() != dir) {
    // Up to the repository root (the folder holding .git), or the file system's root.
    found = for_directory(dir.parent_path(), found_error);
  }
  by_dir_[dir] = found;
  if (!found_error.empty()) errors_[dir] = found_error;
  error = found_error;
  return found;
}

}  // namespace idlint
