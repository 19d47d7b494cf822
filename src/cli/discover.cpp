// Directory walking with loop detection through symlinked folders.
#include "cli/discover.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
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

struct Walker {
  DiscoveryResult& result;
  std::set<std::pair<dev_t, ino_t>> visited;
  std::set<std::pair<dev_t, ino_t>> files_seen;  // the same file named twice is linted once
  std::vector<PathGlob> excludes;
  fs::path cwd;  // absolute: what the exclude patterns are relative to

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

  void walk(const fs::path& dir) {
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
    for (const fs::directory_entry& e : entries) {
      const std::string name = e.path().filename().string();
      std::error_code sec;
      if (e.is_directory(sec)) {
        if (skipped_directory(name) || (dotnet && (name == "bin" || name == "obj"))) continue;
        if (!excluded(e.path(), true)) walk(e.path());
      } else if (lintable_extension(e.path())) {
        if (excluded(e.path(), false)) continue;
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
  }
};

}  // namespace

DiscoveryResult discover(const std::vector<std::string>& paths, const std::vector<std::string>& excludes) {
  DiscoveryResult result;
  Walker walker{result, {}, {}, {}, {}};
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
      walker.walk(fs::path(p));
    } else {
      walker.add_file(p, true);  // a FIFO or device is refused, with its kind, when it is read
    }
  }
  return result;
}

}  // namespace idlint
