// The callers of a module: the files in the repository whose Bicep `module` declarations,
// .bicepparam `using` lines or ARM `templateLink.relativePath` lead to a given file. A commit that
// changes only a module can break a call site; linting the callers with it shows that.
#pragma once
#include <string>
#include <vector>

namespace idlint {

struct Caller {
  std::string path;    // the calling file, as the walk found it
  std::string callee;  // the named file it calls
};

// For each of files (named on the command line) that is a .bicep file or a JSON template, the files
// under its repository's root (the nearest folder holding .git; none outside a repository) that
// call it directly. Walks as discover() does, with the same excludes and ignore files; files already in files are
// left out. In a stable order: by callee as given, then by caller path.
std::vector<Caller> find_callers(const std::vector<std::string>& files, const std::vector<std::string>& excludes,
                                 bool ignore_files = true);

}  // namespace idlint
