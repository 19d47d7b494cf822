// `idlint --version`, `idlint --license`, and the build step that records the git commit.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "support.h"

using namespace idlint::test;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Runs cmake/build_info.cmake on source tree dir and returns the header it writes.
std::string build_info_for(const std::string& dir, const std::string& out) {
  const RunResult r = run_command({"cmake", "-DSOURCE_DIR=" + dir, "-DOUT=" + out, "-P",
                                   std::string(IDLINT_SOURCE_DIR) + "/cmake/build_info.cmake"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return read_file(out);
}

}  // namespace

TEST_CASE("--version: the version on the first line, then the commit, the catalog's source and the licence") {
  const RunResult v = run_idlint({"--version"});
  CHECK(v.exit_code == 0);
  CHECK(v.err.empty());
  const std::vector<std::string> lines = lines_of(v.out);
  REQUIRE(lines.size() >= 3);
  // Scripts (the release workflow, the install test) read the first line alone.
  CHECK(lines[0] == "idlint " IDLINT_VERSION);
  const std::string catalog_source =
      nlohmann::json::parse(read_file(std::string(IDLINT_SOURCE_DIR) + "/rules/identity-catalog.json"))["source"];
  CHECK(catalog_source.find("Azure/bicep-types-az ") == 0);
  CHECK(lines[lines.size() - 2] == "identity catalog: " + catalog_source);
  CHECK(lines.back() == "licence: MIT (idlint --license prints it and the notices of the code idlint contains)");
  // Built from a git checkout (as the suite is): the commit is one of the repository's.
  if (lines.size() == 4) {
    REQUIRE(lines[1].rfind("commit: ", 0) == 0);
    const std::string hash = lines[1].substr(8, 12);
    CHECK(hash.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(git(IDLINT_SOURCE_DIR, "cat-file -e " + hash + "^{commit}"));
  } else {
    CHECK(lines.size() == 3);
  }
}

TEST_CASE("--license prints LICENSE and THIRD_PARTY_NOTICES.md as the binary carries them") {
  const RunResult r = run_idlint({"--license"});
  CHECK(r.exit_code == 0);
  const std::string license = read_file(std::string(IDLINT_SOURCE_DIR) + "/LICENSE");
  const std::string notices = read_file(std::string(IDLINT_SOURCE_DIR) + "/THIRD_PARTY_NOTICES.md");
  CHECK(license.rfind("MIT License", 0) == 0);
  CHECK(r.out == license + "\n" + notices);
  for (const char* part : {"{fmt}", "CLI11", "nlohmann_json", "Azure/bicep-types-az", "GNU C library"}) {
    CHECK_MESSAGE(notices.find(part) != std::string::npos, part);
  }
}

TEST_CASE("a source tree that is no git checkout (a release tarball) records no commit") {
  TempDir t;
  t.put("tree/CMakeLists.txt", "project(x)\n");
  CHECK(build_info_for(t.root + "/tree", t.root + "/a.h").find("#define IDLINT_GIT_COMMIT \"\"\n") !=
        std::string::npos);
}

TEST_CASE("the build records the commit of a git checkout of the source tree, and nothing elsewhere" * NEEDS_GIT) {
  require_git();
  TempDir t;
  t.put("tree/CMakeLists.txt", "project(x)\n");
  REQUIRE(git(t.root + "/tree", "init -q"));
  REQUIRE(git(t.root + "/tree", "-c user.name=t -c user.email=t@t add CMakeLists.txt"));
  REQUIRE(git(t.root + "/tree", "-c user.name=t -c user.email=t@t commit -qm one"));
  const RunResult head = run_command({"git", "-C", t.root + "/tree", "rev-parse", "--short=12", "HEAD"});
  REQUIRE(head.exit_code == 0);
  const std::string commit = head.out.substr(0, 12);
  const std::string clean = build_info_for(t.root + "/tree", t.root + "/b.h");
  CHECK(clean.find("#define IDLINT_GIT_COMMIT \"" + commit + "\"\n") != std::string::npos);
  CHECK(clean.find("#define IDLINT_GIT_DIRTY 0\n") != std::string::npos);
  // A tracked file changed: the binary is not that commit exactly, and says so.
  t.put("tree/CMakeLists.txt", "project(y)\n");
  const std::string dirty = build_info_for(t.root + "/tree", t.root + "/c.h");
  CHECK(dirty.find("#define IDLINT_GIT_DIRTY 1\n") != std::string::npos);
  // idlint vendored in a folder of another repository: that repository's commit is not idlint's.
  t.put("tree/vendor/idlint/CMakeLists.txt", "project(idlint)\n");
  CHECK(build_info_for(t.root + "/tree/vendor/idlint", t.root + "/d.h").find("#define IDLINT_GIT_COMMIT \"\"\n") !=
        std::string::npos);
}

TEST_CASE("CHANGELOG.md has this version's entry and names every rule id") {
  const std::string changelog = read_file(std::string(IDLINT_SOURCE_DIR) + "/CHANGELOG.md");
  const std::string heading = "\n## [" IDLINT_VERSION "] - ";
  const size_t at = changelog.find(heading);
  REQUIRE_MESSAGE(at != std::string::npos, "no '## [" IDLINT_VERSION "] - DATE' entry");
  const std::string date = changelog.substr(at + heading.size(), 10);
  CHECK_MESSAGE((date.size() == 10 && date[4] == '-' && date[7] == '-'), "the entry's date: " << date);
  CHECK(changelog.find("\n[" IDLINT_VERSION "]: ") != std::string::npos);
  CHECK(changelog.find("## [Unreleased]") < at);
  // A rule is added with a changelog line, and its id is never given to another rule.
  const RunResult rules = run_idlint({"--list-rules", "--format", "json"});
  REQUIRE(rules.exit_code == 0);
  const nlohmann::json listed = nlohmann::json::parse(rules.out);
  REQUIRE(listed["rules"].size() >= 20);
  for (const auto& rule : listed["rules"]) {
    const std::string id = rule["id"];
    const std::string name = rule["name"];
    CHECK_MESSAGE(changelog.find(id + " `" + name + "`") != std::string::npos, id << " `" << name << "`");
  }
}
