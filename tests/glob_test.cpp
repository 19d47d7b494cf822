// Gitignore-style patterns for --exclude (cli/glob.h), checked case by case against what git does
// with the same line in a .gitignore (git check-ignore), and the walk that uses them.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli/discover.h"
#include "cli/glob.h"
#include "support.h"

using namespace idlint;
using namespace idlint::test;

TEST_CASE("gitignore-style patterns: names at any depth, anchored paths, folders only, stars") {
  struct Case {
    const char* pattern;
    const char* path;
    bool is_dir;
    bool expected;
  };
  const Case cases[] = {
      {"legacy", "legacy", true, true},
      {"legacy", "infra/legacy/main.bicep", false, true},  // a name at any depth, and what is in it
      {"legacy", "infra/legacy-v2/main.bicep", false, false},
      {"legacy/", "infra/legacy", false, false},  // a trailing '/' matches folders only
      {"legacy/", "infra/legacy/main.bicep", false, true},
      {"/infra", "infra/main.bicep", false, true},  // anchored
      {"/infra", "src/infra/main.bicep", false, false},
      {"infra/legacy", "infra/legacy/a.json", false, true},  // a '/' inside anchors too
      {"infra/legacy", "x/infra/legacy/a.json", false, false},
      {"*.test.bicep", "modules/storage/main.test.bicep", false, true},
      {"*.test.bicep", "modules/storage/main.bicep", false, false},
      {"modules/*/generated", "modules/storage/generated/main.json", false, true},
      {"modules/*/generated", "modules/a/b/generated/main.json", false, false},  // '*' stays in one name
      {"modules/**/generated", "modules/a/b/generated/main.json", false, true},
      {"modules/**/generated", "modules/generated/main.json", false, true},  // '**/' may be no folder
      {"**/old", "a/b/old/x.bicep", false, true},
      {"infra/**", "infra/a/b.bicep", false, true},
      {"infra/**", "infrastructure/a.bicep", false, false},
      {"main.?son", "main.json", false, true},
      {"main.?son", "main/json", false, false},
      {"[mp]ain.bicep", "pain.bicep", false, true},
      {"[!m]ain.bicep", "main.bicep", false, false},
      {"[a-c]*.json", "b1.json", false, true},
      {"\\*.json", "*.json", false, true},
      {"\\*.json", "a.json", false, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    CAPTURE(c.path);
    CHECK(PathGlob(c.pattern).matches(c.path, c.is_dir) == c.expected);
  }
  // Many stars against a long name that does not match: quick, never exponential.
  CHECK_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", std::string(5000, 'a')));
}

TEST_CASE("the same patterns as git: each case agrees with git check-ignore" * NEEDS_GIT) {
  require_git();
  TempDir t;
  REQUIRE(git(t.root, "init -q"));
  const std::pair<const char*, const char*> cases[] = {
      {"legacy/", "infra/legacy/main.bicep"}, {"/infra", "src/infra/main.bicep"},
      {"modules/**/generated", "modules/a/b/generated/main.json"}, {"modules/*/generated", "modules/a/b/generated/x.json"},
      {"*.test.bicep", "a/b.test.bicep"}, {"[!m]ain.bicep", "main.bicep"}, {"infra/**", "infrastructure/a.bicep"},
      {"[[:digit:]]*.json", "a/1x.json"}, {"[[:digit:]]*.json", "x1.json"}, {"[a-", "[a-"}, {"[]a]", "]"},
      {"a\\[b].json", "a[b].json"},
  };
  // Not structured bindings: clang 14 cannot capture them in CAPTURE's lambda.
  for (const auto& c : cases) {
    const char* pattern = c.first;
    const char* path = c.second;
    CAPTURE(pattern);
    CAPTURE(path);
    write_file(t.root + "/.gitignore", std::string(pattern) + "\n");
    const bool git_ignores = git(t.root, std::string("check-ignore -q --no-index ") + path);
    CHECK(PathGlob(pattern).matches(path, false) == git_ignores);
  }
}

TEST_CASE("--exclude leaves matching files and folders out of walks, never named files") {
  TempDir t;
  const std::string tmpl = R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": []})";
  t.put("infra/main.json", tmpl);
  t.put("infra/legacy/old.json", tmpl);
  t.put("infra/modules/a/generated/x.json", tmpl);
  t.put("infra/storage.test.bicep", "param x string\n");
  // A .NET project's build output is not walked.
  t.put("tools/app.csproj", "<Project/>");
  t.put("tools/bin/Debug/template.json", tmpl);
  t.put("tools/obj/template.json", tmpl);
  const auto walked = [&](std::vector<std::string> excludes, std::vector<std::string> paths = {"infra", "tools"}) {
    const std::filesystem::path before = std::filesystem::current_path();
    std::filesystem::current_path(t.root);
    const DiscoveryResult r = discover(paths, excludes);
    std::filesystem::current_path(before);
    std::vector<std::string> files;
    for (const DiscoveredFile& f : r.files) files.push_back(f.path);
    return files;
  };
  CHECK(walked({}) == std::vector<std::string>{"infra/legacy/old.json", "infra/main.json",
                                               "infra/modules/a/generated/x.json", "infra/storage.test.bicep"});
  // Anchored at the working directory, as a .gitignore line is at its folder.
  CHECK(walked({"legacy/", "infra/modules/**/generated", "*.test.bicep"}) == std::vector<std::string>{"infra/main.json"});
  CHECK(walked({"modules/**/generated"}).size() == 4);
  CHECK(walked({"/infra/legacy"}) == std::vector<std::string>{"infra/main.json", "infra/modules/a/generated/x.json",
                                                              "infra/storage.test.bicep"});
  // A named file is linted whatever the patterns say.
  CHECK(walked({"legacy/"}, {"infra/legacy/old.json"}) == std::vector<std::string>{"infra/legacy/old.json"});
  const RunResult cli = run_idlint({"--exclude", "legacy/", "--exclude", "*.test.bicep", "infra", "--format", "json"},
                                   t.root);
  CHECK(cli.exit_code == 0);
  CHECK(cli.out.find("\"files_checked\": 2") != std::string::npos);
}
