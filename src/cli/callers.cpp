// Finding callers: a `module NAME 'PATH'` declaration or a `using 'PATH'` line whose path resolves
// to the named file. Only files whose text mentions the file's name are parsed, so a repository of
// thousands of templates costs one read of each (parsing them all would cost much of a lint).
#include "cli/callers.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "cli/discover.h"
#include "load/arm_template.h"
#include "load/bicep_syntax.h"
#include "load/file_reader.h"
#include "load/module_path.h"
#include "model/arena.h"
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

// The paths of the `module` declarations (Bicep) or the `using` line (.bicepparam) of text, as
// written, read by the Bicep parser the linter uses.
std::vector<std::string> called_paths(std::string_view text, bool bicepparam) {
  Arena arena;
  const bicep::ParsedFile parsed = bicep::parse(text, arena, bicepparam);
  std::vector<std::string> out;
  for (const bicep::Decl* d : parsed.decls) {
    const bicep::Expr* path = d->kind == bicep::Decl::Kind::Module  ? d->type_string
                              : d->kind == bicep::Decl::Kind::Using ? d->value
                                                                    : nullptr;
    if (path && path->is_plain_string()) out.emplace_back(path->plain_string());
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
