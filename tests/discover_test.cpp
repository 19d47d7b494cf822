// Walks in git repositories: the files idlint walks are the ones git does not ignore (.gitignore
// files, info/exclude, the global excludes file), checked against git itself; --no-ignore.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/discover.h"
#include "cli/glob.h"
#include "support.h"

using namespace idlint;
using namespace idlint::test;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for the test's duration (git run by the test sees it too).
struct ScopedEnv {
  std::string name;
  std::optional<std::string> old;
  ScopedEnv(std::string n, const std::string& value) : name(std::move(n)) {
    if (const char* v = std::getenv(name.c_str())) old = v;
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;
  ~ScopedEnv() {
    if (old) {
      ::setenv(name.c_str(), old->c_str(), 1);
    } else {
      ::unsetenv(name.c_str());
    }
  }
};

// A home of the test's own, so that neither idlint nor git reads the user's git configuration.
struct ScratchHome {
  TempDir home;
  ScopedEnv home_env{"HOME", home.root};
  ScopedEnv xdg_env{"XDG_CONFIG_HOME", home.root + "/xdg"};
  ScopedEnv no_system{"GIT_CONFIG_NOSYSTEM", "1"};
};

// A scratch repository, with a home of its own.
struct ScratchRepo {
  ScratchHome home;
  TempDir t;
  ScratchRepo() { REQUIRE(git(t.root, "init -q")); }
};


bool lintable(const std::string& path) {
  for (const char* ext : {".json", ".jsonc", ".bicep", ".bicepparam"}) {
    const std::string e = ext;
    if (path.size() > e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

// The walked files of paths, relative to dir (the working directory meanwhile).
std::set<std::string> walked(const std::string& dir, const std::vector<std::string>& paths, bool ignore_files = true) {
  const fs::path before = fs::current_path();
  fs::current_path(dir);
  const DiscoveryResult r = discover(paths, {}, ignore_files);
  fs::current_path(before);
  std::set<std::string> files;
  for (const DiscoveredFile& f : r.files) files.insert(fs::path(f.path).lexically_normal().generic_string());
  return files;
}

// The untracked files git does not ignore under pathspec, as git lists them (from the repository root).
std::set<std::string> git_not_ignored(const std::string& repo, const std::string& pathspec = ".") {
  const RunResult r = run_command({"git", "-C", repo, "ls-files", "--others", "--exclude-standard", "--", pathspec});
  REQUIRE(r.exit_code == 0);
  std::set<std::string> files;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (lintable(line)) files.insert(line);
  }
  return files;
}

const char* const kTemplate =
    R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": []})";

// A file at each path, in folders at several depths, for the ignore files to sort out.
void put_files(TempDir& t) {
  const char* const names[] = {"main.json",      "main.bicep",         "keep.json",       "a.tmp.json",
                               "#hash.json",     "!bang.json",         "trailing.json",   "abc.bicep",
                               "axc.bicep",      "info-excluded.json", "global-one.json", "global-kept.json",
                               "rootonly.bicep", "local.json",         "x.json",          "1.json",
                               "logs.json"};
  const char* const folders[] = {"",           "infra/",       "infra/nested/",    "infra/nested/deep/",
                                 "infra/sub/", "build/",       "src/build/",       "bin/",
                                 "logs/",      "generated/",   "generated/inner/", "excluded-dir/",
                                 "a/deep/b/",  "Old-Modules/", "old-modules/",     "linked/"};
  for (const char* folder : folders) {
    for (const char* name : names) t.put(std::string(folder) + name, kTemplate);
  }
  t.put("src/logs.json/x.json", kTemplate);  // a folder with a template's name
}

void put_ignore_files(TempDir& t) {
  t.put(".gitignore",
        "# a comment, then patterns\n"
        "*.tmp.json\n"
        "/build/\n"
        "bin/\n"
        "logs\n"
        "generated/*\n"
        "!generated/keep.json\n"
        "excluded-dir/\n"
        "!excluded-dir/keep.json\n"  // a parent folder excluded: cannot be re-included
        "\\#hash.json\n"
        "\\!bang.json\n"
        "trailing.json   \n"
        "[Oo]ld-[Mm]odules/\n"
        "**/deep/**/x.json\n"
        "a?c.bicep\n"
        "!axc.bicep\n"
        "[[:digit:]].json\n"
        "logs.json/\n");
  t.put("infra/.gitignore",
        "*.bicep\r\n"  // CRLF line ends
        "!main.bicep\r\n"
        "/local.json\r\n"
        "sub/\r\n"
        "!/keep.json\r\n");
  t.put("infra/nested/.gitignore",
        "\xEF\xBB\xBF!*.bicep\n"  // a byte order mark; re-includes what infra/.gitignore leaves out
        "keep.json\n"
        "deep/\n"
        "!deep/\n");
  t.put("patterns.txt", "main.json\n");
  fs::create_symlink("../patterns.txt", t.root + "/linked/.gitignore");  // git does not follow it
  t.put(".git/info/exclude",
        "info-excluded.json\n"
        "!global-kept.json\n");
}

}  // namespace

namespace {
// Lines of an ignore file and a path, with what the line says about the path.
struct IgnoreCase {
  std::string text;
  std::string path;
  bool is_dir;
  IgnoreMatch expected;
};
const IgnoreCase kIgnoreCases[] = {
    {"*.json\n!keep.json\n", "keep.json", false, IgnoreMatch::Included},
    {"!keep.json\n*.json\n", "keep.json", false, IgnoreMatch::Ignored},  // the last line that matches decides
    {"*.json\n!keep.json\n", "other.json", false, IgnoreMatch::Ignored},
    {"#hash.json\n", "#hash.json", false, IgnoreMatch::None},  // a comment
    {"\\#hash.json\n", "#hash.json", false, IgnoreMatch::Ignored},
    {"\\!bang.json\n", "!bang.json", false, IgnoreMatch::Ignored},
    {"a.json   \n", "a.json", false, IgnoreMatch::Ignored},  // trailing spaces dropped
    {"a.json\\ \n", "a.json", false, IgnoreMatch::None},     // unless escaped
    {"a.json\\ \n", "a.json ", false, IgnoreMatch::Ignored},
    {"a.json\r\n", "a.json", false, IgnoreMatch::Ignored},
    {"\xEF\xBB\xBF"
     "a.json",
     "a.json", false, IgnoreMatch::Ignored},  // no line end at the end
    {"logs/\n", "logs", false, IgnoreMatch::None},
    {"logs/\n", "logs", true, IgnoreMatch::Ignored},
    {"/a.json\n", "sub/a.json", false, IgnoreMatch::None},
    {"[[:digit:]]*.json\n", "1x.json", false, IgnoreMatch::Ignored},
    {"[[:digit:]]*.json\n", "x1.json", false, IgnoreMatch::None},
    {"[a-\n", "[a-", false, IgnoreMatch::None},  // an unclosed class matches nothing
    {"**/x*\n", "a/x/x1", false, IgnoreMatch::Ignored},
    {"a/**/b\n", "a/b", false, IgnoreMatch::Ignored},
    {"a/**/b\n", "a/x/y/b", false, IgnoreMatch::Ignored},
    {"a/*/b\n", "a/x/y/b", false, IgnoreMatch::None},
    {"/*.json\n", "b.json", false, IgnoreMatch::Ignored},  // '*' and a name's end, anchored
    {"/*.json\n", "a/b.json", false, IgnoreMatch::None},
    {"**/gen/**\n", "gen/x", false, IgnoreMatch::Ignored},
    {"**/gen/**\n", "a/gen", false, IgnoreMatch::None},
    {"\n\n!\n", "a", false, IgnoreMatch::None},
};
}  // namespace

TEST_CASE("ignore file lines: comments, negation, escapes, trailing spaces, line ends") {
  for (const IgnoreCase& c : kIgnoreCases) {
    CAPTURE(c.text);
    CAPTURE(c.path);
    CHECK(IgnorePatterns(c.text).match(c.path, c.is_dir) == c.expected);
  }
}

TEST_CASE("ignore file lines: git ignores exactly what each case says is ignored" * NEEDS_GIT) {
  require_git();
  // The same lines in a .gitignore: git ignores exactly what they say is ignored.
  for (const IgnoreCase& c : kIgnoreCases) {
    CAPTURE(c.text);
    CAPTURE(c.path);
    TempDir t;
    REQUIRE(git(t.root, "init -q"));
    write_file(t.root + "/.gitignore", c.text);
    if (c.is_dir) {
      fs::create_directories(t.root + "/" + c.path);
    } else {
      t.put(c.path);
    }
    const RunResult r = run_command({"git", "-C", t.root, "check-ignore", "-q", "--", c.path});
    CHECK(r.exit_code == (c.expected == IgnoreMatch::Ignored ? 0 : 1));
  }
}

TEST_CASE("a walk in a git repository leaves out exactly what git ignores" * NEEDS_GIT) {
  require_git();
  ScratchRepo repo;
  ScratchHome& home = repo.home;
  TempDir& t = repo.t;
  put_files(t);
  put_ignore_files(t);  // after the files: the symlinked .gitignore goes in a folder put_files made
  const std::string config_ignore = "global-*.json\n/rootonly.bicep\n";
  const std::string not_found = home.home.root + "/none";
  // The global excludes file: by default $XDG_CONFIG_HOME/git/ignore; core.excludesFile in
  // $XDG_CONFIG_HOME/git/config, then in ~/.gitconfig, then in the repository's config.
  struct Setup {
    std::string what;
    std::string xdg_config, home_config, repo_setting;
  };
  const Setup setups[] = {
      {"the default global file", "", "", ""},
      {"core.excludesFile in $XDG_CONFIG_HOME/git/config",
       "[core]\n\texcludesFile = " + home.home.root + "/xdg-ignore\n", "", ""},
      {"~/.gitconfig over the XDG config", "[core]\n\texcludesFile = " + not_found + "\n",
       "# user settings\n[user]\n\tname = x\n[Core] ExcludesFile = \"~/home ignore\" ; a comment\n", ""},
      {"the repository's config over the user's", "", "[core]\n\texcludesfile = " + not_found + "\n",
       home.home.root + "/repo-ignore"},
  };
  for (const char* file : {"xdg/git/ignore", "xdg-ignore", "home ignore", "repo-ignore"})
    home.home.put(file, config_ignore);
  for (const Setup& s : setups) {
    CAPTURE(s.what);
    home.home.put("xdg/git/config", s.xdg_config);
    home.home.put(".gitconfig", s.home_config);
    if (s.repo_setting.empty()) {
      git(t.root, "config --unset-all core.excludesFile");
    } else {
      REQUIRE(git(t.root, "config core.excludesFile '" + s.repo_setting + "'"));
    }
    const std::set<std::string> expected = git_not_ignored(t.root);
    CHECK(walked(t.root, {"."}) == expected);
    // Each of these is decided by a line, so the comparison tests every kind of line.
    for (const std::string path : {"main.json", "keep.json", "generated/keep.json", "infra/main.bicep",
                                   "infra/nested/main.bicep", "infra/nested/abc.bicep", "global-kept.json", "axc.bicep",
                                   "linked/main.json", "logs.json", "src/build/main.json", "infra/nested/local.json"}) {
      CAPTURE(path);
      CHECK(expected.count(path) == 1);
    }
    for (const std::string path : {"a.tmp.json",
                                   "build/main.json",
                                   "bin/main.json",
                                   "excluded-dir/keep.json",
                                   "#hash.json",
                                   "!bang.json",
                                   "trailing.json",
                                   "infra/abc.bicep",
                                   "infra/local.json",
                                   "infra/nested/keep.json",
                                   "info-excluded.json",
                                   "global-one.json",
                                   "rootonly.bicep",
                                   "old-modules/main.json",
                                   "Old-Modules/main.json",
                                   "a/deep/b/x.json",
                                   "infra/nested/deep/x.json",
                                   "infra/sub/main.json",
                                   "generated/main.json",
                                   "generated/inner/keep.json",
                                   "logs/main.json",
                                   "abc.bicep",
                                   "1.json",
                                   "src/logs.json/x.json"}) {
      CAPTURE(path);
      CHECK(expected.count(path) == 0);
    }
    // A folder inside the repository: the .gitignore files above it apply, relative to their folders.
    CHECK(walked(t.root, {"infra/nested"}) == git_not_ignored(t.root, "infra/nested"));
    CHECK(walked(t.root + "/infra", {"."}) == [&] {
      std::set<std::string> under;
      for (const std::string& f : git_not_ignored(t.root, "infra")) under.insert(f.substr(6));
      return under;
    }());
  }
  // A folder named is walked even when ignored; what is in it is still judged by its own path.
  CHECK(walked(t.root, {"bin"}).count("bin/main.json") == 1);
  CHECK(walked(t.root, {"infra/sub"}).count("infra/sub/abc.bicep") == 0);
}

TEST_CASE("a repository inside a walked folder has its own ignore files, a worktree its main repository's" * NEEDS_GIT) {
  require_git();
  ScratchHome home;
  TempDir t;
  t.put("outer/.gitignore", "*.bicep\n");
  REQUIRE(git(t.root + "/outer", "init -q"));
  t.put("outer/inner/.gitignore", "*.json\n");
  REQUIRE(git(t.root + "/outer/inner", "init -q"));
  t.put("outer/inner/info-excluded.bicep");
  for (const char* name : {"main.bicep", "main.json", "sub/a.bicep", "sub/a.json"}) {
    t.put(std::string("outer/") + name, kTemplate);
    t.put(std::string("outer/inner/") + name, kTemplate);
  }
  t.put("outer/inner/.git/info/exclude", "info-excluded.bicep\n");
  // The outer repository's .gitignore says nothing inside the inner one, whose own does.
  std::set<std::string> expected;
  for (const std::string& f : git_not_ignored(t.root + "/outer")) expected.insert("outer/" + f);
  for (const std::string& f : git_not_ignored(t.root + "/outer/inner")) expected.insert("outer/inner/" + f);
  CHECK(expected == std::set<std::string>{"outer/inner/main.bicep", "outer/inner/sub/a.bicep", "outer/main.json",
                                          "outer/sub/a.json"});
  CHECK(walked(t.root, {"outer"}) == expected);

  // A linked worktree: '.git' is a file naming its git directory, info/exclude is the main one's.
  TempDir w;
  w.put("repo/.gitignore", "ignored/\n");
  REQUIRE(git(w.root + "/repo", "init -q"));
  REQUIRE(git(w.root + "/repo", "add .gitignore"));
  REQUIRE(git(w.root + "/repo", "commit -q -m start"));
  REQUIRE(git(w.root + "/repo", "worktree add -q ../linked"));
  w.put("repo/.git/info/exclude", "excluded.json\n");
  for (const char* name : {"main.json", "excluded.json", "ignored/main.json"})
    w.put(std::string("linked/") + name, kTemplate);
  std::set<std::string> in_worktree;
  for (const std::string& f : git_not_ignored(w.root + "/linked")) in_worktree.insert("linked/" + f);
  CHECK(in_worktree == std::set<std::string>{"linked/main.json"});
  CHECK(walked(w.root, {"linked"}) == in_worktree);
  CHECK(walked(w.root, {"linked/ignored"}) == std::set<std::string>{"linked/ignored/main.json"});
}

namespace {
// Two templates, a .gitignore that ignores them and a global ignore file that ignores everything.
void put_ignoring_tree(ScratchHome& home, TempDir& t) {
  t.put(".gitignore", "*.json\n");
  t.put("main.json", kTemplate);
  t.put("sub/x.json", kTemplate);
  home.home.put("xdg/git/ignore", "*\n");
}
}  // namespace

TEST_CASE("outside a git repository, and with --no-ignore, no ignore file is read") {
  ScratchHome home;
  TempDir t;
  put_ignoring_tree(home, t);
  CHECK(walked(t.root, {"."}) == std::set<std::string>{"main.json", "sub/x.json"});
  // A '.git' file that names no git directory makes no repository.
  for (const char* dot_git : {"not a gitdir line\n", "gitdir: missing/folder\n", "gitdir:\n"}) {
    CAPTURE(std::string(dot_git));
    t.put(".git", dot_git);
    CHECK(walked(t.root, {"sub"}) == std::set<std::string>{"sub/x.json"});
  }
}

TEST_CASE("in a git repository the same folder is ignored, unless --no-ignore" * NEEDS_GIT) {
  require_git();
  ScratchHome home;
  TempDir t;
  put_ignoring_tree(home, t);
  REQUIRE(git(t.root, "init -q"));
  CHECK(walked(t.root, {"."}).empty());
  CHECK(walked(t.root, {"."}, false) == std::set<std::string>{"main.json", "sub/x.json"});
}

TEST_CASE("--no-ignore: a file git ignores is linted; a file named is linted whatever the ignore files say" * NEEDS_GIT) {
  require_git();
  ScratchRepo repo;
  TempDir& t = repo.t;
  t.put(".gitignore", "bin/\n");
  t.put("infra/main.json", kTemplate);
  t.put("infra/bin/main.json", R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2023-12-01-preview",
      "name": "pg",
      "identity": { "type": "Bogus" }
    }
  ]
}
)");
  const RunResult ignored = run_idlint({"infra"}, t.root);
  CHECK(ignored.exit_code == 0);
  CHECK(ignored.out == "no findings in 1 file\n");
  const std::string finding =
      "infra/bin/main.json:8:29: error: 'Bogus' is not an identity type: 'Bogus' is not None, SystemAssigned or "
      "UserAssigned [IDL001 identity-type-invalid]\n";
  const RunResult all = run_idlint({"--no-ignore", "infra"}, t.root);
  CHECK(all.exit_code == 1);
  CHECK(all.out.find(finding) == 0);
  CHECK(all.out.find("1 error, 0 warnings, 0 notes in 1 file (2 files checked)\n") != std::string::npos);
  const RunResult named = run_idlint({"infra/bin/main.json"}, t.root);
  CHECK(named.exit_code == 1);
  CHECK(named.out.find(finding) == 0);
  CHECK(named.out.find("1 error, 0 warnings, 0 notes in 1 file (1 file checked)\n") != std::string::npos);
  // --exclude still applies with --no-ignore.
  const RunResult excluded = run_idlint({"--no-ignore", "--exclude", "bin/", "infra"}, t.root);
  CHECK(excluded.exit_code == 0);
  CHECK(excluded.out == "no findings in 1 file\n");
  const RunResult help = run_idlint({"--help"});
  CHECK(help.out.find("--no-ignore") != std::string::npos);
}
