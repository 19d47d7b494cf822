// The configuration file, idlint.jsonc (or .idlint.jsonc): rule levels, excluded paths, overrides
// for some files, and defaults for options. Found like bicepconfig.json: the nearest one in the
// linted file's folder or its ancestors, up to the repository root.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/glob.h"
#include "model/finding.h"

namespace idlint {

struct RuleInfo;

// A rule's setting: its level, or off (not run).
struct RuleSetting {
  const RuleInfo* rule = nullptr;
  std::optional<Level> level;  // nullopt: off
  uint32_t line = 0;           // where the file sets it
};

struct ConfigOverride {
  std::vector<PathGlob> files;  // relative to the config file's folder
  std::vector<RuleSetting> rules;
  uint32_t line = 0;
};

struct Config {
  std::string path;           // the file, as found or named
  std::filesystem::path dir;  // its folder, absolute: globs and moduleCache are relative to it
  std::vector<RuleSetting> rules;
  IgnorePatterns exclude;  // .gitignore lines, relative to dir
  std::vector<ConfigOverride> overrides;
  std::optional<FailLevel> fail_level;
  std::optional<bool> parameter_pairing;
  std::optional<std::string> module_cache;  // resolved: relative to dir, '~/' from $HOME
  std::optional<bool> explain_unknown;

  // path relative to dir with '/' separators, or nullopt when it is not under dir.
  std::optional<std::string> relative(const std::string& file) const;
  // A file under dir that one of globs matches, or one of the folders it is in (gitignore-style: a
  // pattern that matches a folder covers everything in it).
  bool matches(const std::vector<PathGlob>& globs, const std::string& file) const;
  // A file the configuration's exclude leaves out of folder walks.
  bool excludes(const std::string& file) const;
};

// The names the file accepts at its top level (the schema, docs/idlint.schema.json, lists the same).
const std::vector<std::string>& config_keys();
// The file names looked for in each folder, in this order.
const std::vector<std::string>& config_file_names();

// A path that starts with '~' (moduleCache, --module-cache), the shell's way: '~' and '~/...' from
// $HOME. Never from the password database, which would need NSS's shared libraries in a static
// binary. error is set when the path needs HOME and it is not set, or names another user's folder
// ('~name/'); a path without '~' comes back as it is.
std::string expand_home(const std::string& path, std::string& error);

// Reads and checks one configuration file. On error, returns null and sets error to
// "PATH:LINE:COLUMN: what is wrong".
std::shared_ptr<const Config> read_config(const std::string& path, std::string& error);

// Finds the configuration of each linted file, reading each file once.
class ConfigFinder {
 public:
  // named: --config FILE (used for every file); disabled: --no-config.
  ConfigFinder(std::string named, bool disabled) : named_(std::move(named)), disabled_(disabled) {}
  // The configuration for a file (null: none). error is set when a configuration file that applies
  // is invalid, or two are in one folder.
  std::shared_ptr<const Config> for_file(const std::string& path, std::string& error);

 private:
  std::shared_ptr<const Config> for_directory(const std::filesystem::path& dir, std::string& error);
  std::string named_;
  bool disabled_ = false;
  std::map<std::filesystem::path, std::shared_ptr<const Config>> by_dir_;
  std::map<std::filesystem::path, std::string> errors_;
  std::shared_ptr<const Config> named_config_;
  std::string named_error_;
  bool named_read_ = false;
  // The folder of the last file asked about, as written, and its answer.
  std::string last_folder_;
  bool last_folder_set_ = false;
  std::shared_ptr<const Config> last_config_;
  std::string last_error_;
};

}  // namespace idlint
