// Directory walking with loop detection through symlinked folders.
#include "cli/discover.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>

#include "cli/glob.h"
#include "load/arm_template.h"
#include "load/file_reader.h"
#include "load/parameter_file.h"

namespace idlint {

namespace fs = std::filesystem;

namespace {

bool lintable_extension(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".json" || ext == ".jsonc" || ext == ".bicep" || ext == ".bicepparam";
}

// A file named as a parameter file is one unless its text says it is a template (an unreadable file
// counts as a template, so that linting it reports why it cannot be read).
bool is_parameter_file(const fs::path& p) {
  if (!is_parameter_file_name(p.filename().string())) return false;
  // The $schema comes first: a parameter file over the size limit is still told by its start.
  const FileRead read = read_input_file(p.string(), kMaxInputSize, size_t{64} << 10);
  if (read.status == FileRead::Status::Error) return false;
  return is_arm_parameter_file_text(read.text) || !may_be_deployment_template(read.text);
}

bool skipped_directory(const std::string& name) { return name == "node_modules" || (!name.empty() && name[0] == '.'); }

bool dotnet_project_file(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".csproj" || ext == ".fsproj" || ext == ".vbproj" || ext == ".sln";
}

// The text of a small file (an ignore file, a git config file), or nothing when it cannot be read.
std::optional<std::string> read_small_file(const fs::path& p) {
  FileRead read = read_input_file(p.string());
  if (!read.ok()) return std::nullopt;
  return std::move(read.text);
}

// The value of core.excludesFile in a git config file's text (the last one), when it is set there.
// Sections, comments, quoted values and escapes are read as git reads them; include directives are
// not followed.
std::optional<std::string> excludes_file_setting(std::string_view text) {
  std::optional<std::string> setting;
  std::string section;
  const auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const auto skip_blanks = [](std::string_view& s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  };
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    skip_blanks(line);
    if (!line.empty() && line.front() == '[') {
      const size_t close = line.find(']');
      if (close == std::string_view::npos) return setting;  // git refuses the whole file
      // '[core "x"]' and '[core.x]' are other sections than '[core]'.
      section = lower(line.substr(1, close - 1));
      line.remove_prefix(close + 1);
      skip_blanks(line);
    }
    if (section != "core" || line.empty() || line.front() == '#' || line.front() == ';') continue;
    size_t key_end = 0;
    while (key_end < line.size() && (std::isalnum(static_cast<unsigned char>(line[key_end])) || line[key_end] == '-')) {
      ++key_end;
    }
    if (lower(line.substr(0, key_end)) != "excludesfile") continue;
    line.remove_prefix(key_end);
    skip_blanks(line);
    if (line.empty() || line.front() != '=') continue;
    line.remove_prefix(1);
    skip_blanks(line);
    std::string value;
    size_t kept = 0;  // the length without trailing blanks outside quotes
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (!quoted && (c == '#' || c == ';')) break;
      if (c == '"') {
        quoted = !quoted;
        kept = value.size();
        continue;
      }
      if (c == '\\' && i + 1 < line.size()) {
        const char e = line[++i];
        value += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'b' ? '\b' : e;
        kept = value.size();
        continue;
      }
      value += c;
      if (quoted || (c != ' ' && c != '\t' && c != '\r')) kept = value.size();
    }
    value.resize(kept);
    setting = value;
  }
  return setting;
}

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

// The git directory of the repository whose work tree is dir: dir/.git, or where a '.git' file
// ('gitdir: PATH', in linked worktrees and submodules) points. Nothing when dir is no repository's
// (no '.git', or a '.git' file that names no folder, which git refuses too).
std::optional<fs::path> git_dir(const fs::path& dir) {
  const fs::path dot_git = dir / ".git";
  struct stat st;
  if (::stat(dot_git.c_str(), &st) != 0) return std::nullopt;
  if (S_ISDIR(st.st_mode)) return dot_git;
  const std::optional<std::string> text = read_small_file(dot_git);
  if (!text || text->compare(0, 7, "gitdir:") != 0) return std::nullopt;
  std::string_view target = std::string_view(*text).substr(7);
  while (!target.empty() && (target.front() == ' ' || target.front() == '\t')) target.remove_prefix(1);
  while (!target.empty() && std::isspace(static_cast<unsigned char>(target.back()))) target.remove_suffix(1);
  const fs::path gitdir = dir / fs::path(target);  // an absolute target replaces dir
  if (target.empty() || ::stat(gitdir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return std::nullopt;
  return gitdir;
}

// The ignore files in force in the folder being walked, when it is in a git repository.
struct IgnoreRules {
  struct Level {
    IgnorePatterns patterns;
    size_t prefix;  // the length of its folder's path from the repository root, with the '/'
  };
  std::vector<IgnorePatterns> repository;  // info/exclude, then the global excludes file
  std::vector<Level> gitignores;           // the .gitignore files from the repository root down
  std::string rel;  // the folder walked, from the repository root, with a trailing '/' ('' at the root)

  // Reads folder's .gitignore (rel is that folder's path); false when there is none to read. A
  // symlink is not followed, as git does not follow one in the work tree.
  bool push_gitignore(const fs::path& folder) {
    const fs::path file = folder / ".gitignore";
    struct stat st;
    if (::lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    std::optional<std::string> text = read_small_file(file);
    if (!text) return false;
    IgnorePatterns patterns(*text);
    if (patterns.empty()) return false;
    gitignores.push_back({std::move(patterns), rel.size()});
    return true;
  }

  // The deepest .gitignore that says anything decides, then info/exclude, then the global file.
  bool ignored(const std::string& name, bool is_dir) {
    const size_t base = rel.size();
    rel += name;
    IgnoreMatch m = IgnoreMatch::None;
    for (auto it = gitignores.rbegin(); it != gitignores.rend() && m == IgnoreMatch::None; ++it) {
      m = it->patterns.match(std::string_view(rel).substr(it->prefix), is_dir);
    }
    for (auto it = repository.begin(); it != repository.end() && m == IgnoreMatch::None; ++it) {
      m = it->match(rel, is_dir);
    }
    rel.resize(base);
    return m == IgnoreMatch::Ignored;
  }
};

struct Walker {
  DiscoveryResult& result;
  std::set<std::pair<dev_t, ino_t>> visited;
  std::set<std::pair<dev_t, ino_t>> files_seen;  // the same file named twice is linted once
  std::vector<PathGlob> excludes;
  fs::path cwd;  // absolute: what the exclude patterns are relative to
  bool ignore_files = true;
  std::optional<std::optional<std::string>> user_excludes_file;  // from the user's git config, once read

  // core.excludesFile as a repository with the given common git directory sees it (its own config
  // over the user's), or the default; empty when there is none.
  fs::path global_excludes_file(const fs::path& common_dir) {
    const std::string home = environment("HOME");
    const std::string xdg = environment("XDG_CONFIG_HOME");
    const fs::path xdg_git = !xdg.empty()    ? fs::path(xdg) / "git"
                             : !home.empty() ? fs::path(home) / ".config/git"
                                             : fs::path();
    if (!user_excludes_file) {
      // As git reads them: the XDG file first, ~/.gitconfig after it (a later setting wins).
      user_excludes_file.emplace();
      std::vector<fs::path> configs;
      if (!xdg_git.empty()) configs.push_back(xdg_git / "config");
      if (!home.empty()) configs.push_back(fs::path(home) / ".gitconfig");
      for (const fs::path& config : configs) {
        if (const std::optional<std::string> text = read_small_file(config)) {
          if (std::optional<std::string> value = excludes_file_setting(*text)) *user_excludes_file = std::move(value);
        }
      }
    }
    std::optional<std::string> value = *user_excludes_file;
    if (const std::optional<std::string> text = read_small_file(common_dir / "config")) {
      if (std::optional<std::string> local = excludes_file_setting(*text)) value = std::move(local);
    }
    if (!value) return xdg_git.empty() ? fs::path() : xdg_git / "ignore";
    if (value->empty()) return {};
    if (value->compare(0, 2, "~/") == 0) return fs::path(home) / value->substr(2);
    return fs::path(*value);
  }

  // The rules of the repository whose work tree is root, with git directory gitdir.
  IgnoreRules repository_rules(const fs::path& root, const fs::path& gitdir) {
    // A linked worktree keeps info/ and config in the main repository's directory ('commondir').
    fs::path common_dir = gitdir;
    if (const std::optional<std::string> text = read_small_file(gitdir / "commondir")) {
      std::string_view target = *text;
      while (!target.empty() && std::isspace(static_cast<unsigned char>(target.back()))) target.remove_suffix(1);
      if (!target.empty()) common_dir = gitdir / fs::path(target);
    }
    IgnoreRules rules;
    fs::path global = global_excludes_file(common_dir);
    if (!global.empty() && global.is_relative()) global = root / global;
    for (const fs::path& file : {common_dir / "info" / "exclude", global}) {
      if (file.empty()) continue;
      if (const std::optional<std::string> text = read_small_file(file)) {
        IgnorePatterns patterns(*text);
        if (!patterns.empty()) rules.repository.push_back(std::move(patterns));
      }
    }
    return rules;
  }

  // For a folder named to walk that is inside a repository but not its root: the rules in force
  // in it but for its own .gitignore (read by the walk).
  std::optional<IgnoreRules> rules_above(const fs::path& dir) {
    std::error_code ec;
    fs::path abs = fs::absolute(dir, ec).lexically_normal();
    if (ec) return std::nullopt;
    if (!abs.has_filename()) abs = abs.parent_path();
    for (fs::path root = abs.parent_path();; root = root.parent_path()) {
      if (const std::optional<fs::path> gitdir = git_dir(root)) {
        IgnoreRules rules = repository_rules(root, *gitdir);
        fs::path folder = root;
        for (const fs::path& name : abs.lexically_relative(root)) {
          rules.push_gitignore(folder);
          folder /= name;
          rules.rel += name.string() + '/';
        }
        return rules;
      }
      if (root == root.parent_path()) return std::nullopt;
    }
  }

  bool excluded(const fs::path& p, bool is_dir) const {
    if (excludes.empty()) return false;
    std::error_code ec;
    const fs::path rel = fs::absolute(p, ec).lexically_normal().lexically_relative(cwd);
    const std::string text = !rel.empty() && *rel.begin() != ".." ? rel.generic_string() : p.generic_string();
    for (const PathGlob& g : excludes) {
      if (g.matches(text, is_dir)) return true;
    }
    return false;
  }

  void add_file(const std::string& path, bool explicitly_named) {
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && !files_seen.insert({st.st_dev, st.st_ino}).second) return;
    result.files.push_back({path, explicitly_named});
  }

  // rules: the ignore files in force in dir (nullptr when outside a repository or not read).
  void walk(const fs::path& dir, IgnoreRules* rules) {
    struct stat st;
    if (::stat(dir.c_str(), &st) != 0) {
      result.errors.emplace_back(dir.string(), std::strerror(errno));
      return;
    }
    if (!visited.insert({st.st_dev, st.st_ino}).second) return;  // a symlink loop or a folder seen already
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      result.errors.emplace_back(dir.string(), ec.message());
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
    const bool dotnet = std::any_of(entries.begin(), entries.end(),
                                    [](const fs::directory_entry& e) { return dotnet_project_file(e.path()); });
    std::optional<IgnoreRules> repository;  // when dir is a repository's root
    bool pushed = false;
    if (ignore_files) {
      const auto has = [&](std::string_view name) {
        return std::any_of(entries.begin(), entries.end(), [&](const fs::directory_entry& e) {
          const std::string& p = e.path().native();  // the name without making a path of it
          return p.size() > name.size() && p.compare(p.size() - name.size(), name.size(), name) == 0 &&
                 p[p.size() - name.size() - 1] == '/';
        });
      };
      if (has(".git")) {
        if (const std::optional<fs::path> gitdir = git_dir(dir)) {
          repository = repository_rules(dir, *gitdir);
          rules = &*repository;
        }
      }
      pushed = rules != nullptr && has(".gitignore") && rules->push_gitignore(dir);
    }
    for (const fs::directory_entry& e : entries) {
      const std::string name = e.path().filename().string();
      std::error_code sec;
      if (e.is_directory(sec)) {
        if (skipped_directory(name) || (dotnet && (name == "bin" || name == "obj"))) continue;
        if ((rules != nullptr && rules->ignored(name, true)) || excluded(e.path(), true)) continue;
        if (rules == nullptr) {
          walk(e.path(), nullptr);
          continue;
        }
        const size_t base = rules->rel.size();
        rules->rel += name + '/';
        walk(e.path(), rules);
        rules->rel.resize(base);
      } else if (lintable_extension(e.path())) {
        if ((rules != nullptr && rules->ignored(name, false)) || excluded(e.path(), false)) continue;
        if (!e.is_regular_file(sec) && e.is_symlink(sec) && !e.exists(sec)) {
          // A dangling symlink is nothing to lint; a loop is reported when it is read.
          if (sec.value() != ELOOP) continue;
        }
        if (is_parameter_file(e.path())) {
          result.parameter_files.push_back(e.path().string());
        } else {
          // Whatever else is there (a symlink loop, a FIFO, a device named *.json) is reported by
          // the reader when it is linted, as when named.
          add_file(e.path().string(), false);
        }
      }
    }
    if (pushed) rules->gitignores.pop_back();
  }

  void walk_named(const fs::path& dir) {
    std::optional<IgnoreRules> rules;
    if (ignore_files && !git_dir(dir)) rules = rules_above(dir);
    walk(dir, rules ? &*rules : nullptr);
  }
};

}  // namespace

DiscoveryResult discover(const std::vector<std::string>& paths, const std::vector<std::string>& excludes,
                         bool ignore_files) {
  DiscoveryResult result;
  Walker walker{result, {}, {}, {}, {}, ignore_files, {}};
  for (const std::string& e : excludes) walker.excludes.emplace_back(e);
  std::error_code ec;
  walker.cwd = fs::current_path(ec);
  for (const std::string& p : paths) {
    struct stat st;
    if (::stat(p.c_str(), &st) != 0) {
      result.errors.emplace_back(p, std::strerror(errno));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      walker.walk_named(fs::path(p));
    } else {
      walker.add_file(p, true);  // a FIFO or device is refused, with its kind, when it is read
    }
  }
  return result;
}

}  // namespace idlint
