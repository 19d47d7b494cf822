// Finding the files to lint: named files as given, directories walked recursively.
#pragma once
#include <string>
#include <vector>

namespace idlint {

struct DiscoveredFile {
  std::string path;
  bool explicitly_named = false;
};

struct DiscoveryResult {
  std::vector<DiscoveredFile> files;  // in a stable order: arguments in order, each directory sorted
  std::vector<std::pair<std::string, std::string>> errors;  // path, reason (missing, unreadable)
  // ARM parameter files met while walking a directory: not linted on their own, but with their template.
  std::vector<std::string> parameter_files;
};

// Walks directories (skipping .git, node_modules, hidden folders and symlink loops) for .json, .jsonc,
// .bicep and .bicepparam files; named files are kept whatever their extension. A walked file named as
// a parameter file (main.parameters.json) is set aside unless its text is a deployment template.
// Walked files and folders matching one of excludes (gitignore-style, relative to the working
// directory: cli/glob.h) are left out; named files are linted whatever the patterns say. The bin and
// obj folders beside a .NET project file (*.csproj, *.fsproj, *.vbproj, *.sln) are build output.
// With ignore_files, a walk in a git repository (a folder with '.git' at or above it) leaves out what
// git ignores: the .gitignore files from the repository root down, the repository's info/exclude and
// the global excludes file (core.excludesFile of the user's git config or the repository's, by
// default $XDG_CONFIG_HOME/git/ignore or ~/.config/git/ignore), read without running git. A folder
// named is walked whatever the ignore files say of it.
DiscoveryResult discover(const std::vector<std::string>& paths, const std::vector<std::string>& excludes = {},
                         bool ignore_files = true);

}  // namespace idlint
