// Finding callers by their text: a `module NAME 'PATH'` or `using 'PATH'` line whose path resolves
// to the named file. Only files that mention the file's name are looked at closely, so a repository
// of thousands of templates costs one read of each (the files are small; parsing them all would
// cost as much as linting them).
#include "cli/callers.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "cli/discover.h"
#include "load/arm_template.h"
#include "load/file_reader.h"
#include "load/module_path.h"
#include "report/report.h"

namespace idlint {

namespace fs = std::filesystem;

namespace {

using FileId = std::pair<dev_t, ino_t>;

bool file_id(const std::string& path, FileId& id) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  id = {st.st_dev, st.st_ino};
  return true;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// The paths of the `module` declarations (Bicep) or the `using` line (.bicepparam) of text, as
// written. A declaration's keyword starts its line (after blanks or decorators' lines).
std::vector<std::string> called_paths(std::string_view text, bool bicepparam) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    size_t i = 0;
    while (i < line.size() && is_space(line[i])) ++i;
    const std::string_view keyword = bicepparam ? "using" : "module";
    if (line.compare(i, keyword.size(), keyword) != 0) continue;
    i += keyword.size();
    if (i >= line.size() || !is_space(line[i])) continue;
    while (i < line.size() && is_space(line[i])) ++i;
    if (!bicepparam) {  // the symbolic name
      const size_t name = i;
      while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_')) ++i;
      if (i == name) continue;
      while (i < line.size() && is_space(line[i])) ++i;
    }
    if (i >= line.size() || line[i] != '\'') continue;
    const size_t close = line.find('\'', i + 1);
    if (close == std::string_view::npos) continue;
    out.emplace_back(line.substr(i + 1, close - i - 1));
  }
  return out;
}

}  // namespace

std::vector<Caller> find_callers(const std::vector<std::string>& files, const std::vector<std::string>& excludes,
                                 bool ignore_files) {
  // The named files that can be called, by repository.
  struct Callee {
    std::string path;
    FileId id;
  };
  std::map<std::string, std::vector<Callee>> by_root;
  std::set<FileId> named;
  for (const std::string& f : files) {
    FileId id;
    if (!file_id(f, id)) continue;
    named.insert(id);
    const std::string ext = fs::path(f).extension().string();
    if (ext != ".bicep" && ext != ".json" && ext != ".jsonc") continue;
    if (ext != ".bicep") {
      const FileRead read = read_input_file(f, kMaxInputSize, size_t{64} << 10);
      if (read.status == FileRead::Status::Error || !may_be_deployment_template(read.text)) continue;
    }
    std::error_code ec;
    const std::string dir = fs::absolute(f, ec).lexically_normal().parent_path().string();
    const std::string root = repository_root(dir);
    if (!fs::exists(fs::path(root) / ".git", ec)) continue;  // outside a repository: no callers looked for
    by_root[root].push_back({f, id});
  }
  std::vector<Caller> out;
  for (const auto& [root, callees] : by_root) {
    // The caller is named as the walk names it: relative to the working directory when below it.
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    const fs::path rel_root = fs::path(root).lexically_relative(cwd);
    const std::string walk_root = !ec && !rel_root.empty() && *rel_root.begin() != ".." ? rel_root.string() : root;
    const DiscoveryResult found = discover({walk_root}, excludes, ignore_files);
    for (const DiscoveredFile& candidate : found.files) {
      const std::string ext = fs::path(candidate.path).extension().string();
      if (ext != ".bicep" && ext != ".bicepparam") continue;
      FileId candidate_id;
      if (!file_id(candidate.path, candidate_id) || named.count(candidate_id)) continue;
      const FileRead read = read_input_file(candidate.path);
      if (!read.ok()) continue;
      std::vector<std::string> written;  // parsed only when the text names one of the callees
      bool parsed = false;
      for (const Callee& callee : callees) {
        if (read.text.find(fs::path(callee.path).filename().string()) == std::string::npos) continue;
        if (!parsed) written = called_paths(read.text, ext == ".bicepparam");
        parsed = true;
        const bool calls = std::any_of(written.begin(), written.end(), [&](const std::string& w) {
          const ModuleTarget target = resolve_module_path(candidate.path, w, "");
          FileId target_id;
          return !target.registry && !target.path.empty() && file_id(target.path, target_id) && target_id == callee.id;
        });
        if (!calls) continue;
        // Named relative to the working directory, as a path the user typed: 'infra/main.bicep',
        // '../main.bicep' (not './infra/main.bicep' or absolute).
        const fs::path rel = fs::absolute(candidate.path, ec).lexically_normal().lexically_relative(cwd);
        const std::string shown = rel.empty() ? candidate.path : rel.string();
        out.push_back({shown, callee.path});
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [&](const Caller& a, const Caller& b) {
    const auto index = [&](const std::string& p) { return std::find(files.begin(), files.end(), p) - files.begin(); };
    return index(a.callee) != index(b.callee) ? index(a.callee) < index(b.callee) : a.path < b.path;
  });
  return out;
}

}  // namespace idlint
