// -j N: files linted on several threads give exactly what one thread gives: the same report in
// every format, the same lines on standard error in the same order, the same exit code.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "support.h"

using namespace idlint::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Runs idlint with `-j 1` and with `-j N` (and the other arguments) in cwd; checks that everything
// it printed and its exit code are the same, and returns the one-thread run.
RunResult same_with_jobs(const std::vector<std::string>& args, const std::string& cwd, const std::string& jobs = "4") {
  std::vector<std::string> one = {"-j", "1"};
  one.insert(one.end(), args.begin(), args.end());
  std::vector<std::string> many = {"--jobs", jobs};
  many.insert(many.end(), args.begin(), args.end());
  const RunResult a = run_idlint(one, cwd);
  const RunResult b = run_idlint(many, cwd);
  CHECK(a.exit_code == b.exit_code);
  CHECK(a.out == b.out);
  CHECK(a.err == b.err);
  return a;
}

// A server with a user-assigned identity, its identity.type a parameter (a fixture: its parameter
// files are written by each test).
std::string server() { return read_file(IDLINT_SOURCE_DIR "/testdata/values/arm-parameter-file/azuredeploy.json"); }

std::string parameters(const std::string& identity_type) {
  return R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "identityType": { "value": ")" +
         identity_type + R"(" } }
}
)";
}

}  // namespace

TEST_CASE("-j N: the test fixtures and examples give the same output as one file at a time, in every format") {
  // Hundreds of files: findings, syntax errors, notes (parameter files that cannot be used,
  // evaluation stopped early), modules, parameter files, suppressions.
  for (const std::vector<std::string>& options : std::vector<std::vector<std::string>>{
           {"--format", "text"},
           {"--format", "json"},
           {"--format", "sarif"},
           {"--format", "github"},
           {"--format", "text", "--explain-unknown", "--disable", "IDL900", "--show-suppressed"}}) {
    CAPTURE(options[1]);
    std::vector<std::string> args = options;
    args.insert(args.end(), {"testdata", "examples"});
    const RunResult r = same_with_jobs(args, IDLINT_SOURCE_DIR);
    CHECK(r.exit_code == 2);  // testdata/IDL900 holds files that do not parse
    CHECK(r.out.size() > 10000);
    CHECK(contains(r.err, "idlint: note: "));
  }
  // 0, the default, is one per core: the same output too.
  same_with_jobs({"--format", "json", "testdata/values"}, IDLINT_SOURCE_DIR, "0");
  same_with_jobs({"--format", "json", "testdata/values"}, IDLINT_SOURCE_DIR, "64");
}

TEST_CASE("-j N: named parameter files lint their templates once each, after the files named, in order") {
  TempDir d;
  d.put("a.json", server());
  d.put("a.parameters.json", parameters("SystemAssigned, UserAssigned"));  // IDL007 in a.json
  d.put("b.json", server());
  d.put("b.parameters.json", parameters("SystemAssigned"));  // IDL003: user identities listed
  d.put("c.parameters.json", parameters("None"));            // no template beside it: a note
  for (int i = 0; i < 12; ++i) d.put("t" + std::to_string(i) + ".json", server());
  std::vector<std::string> args = {"--format", "json", "a.parameters.json", "b.json", "b.parameters.json",
                                   "c.parameters.json"};
  for (int i = 0; i < 12; ++i) args.push_back("t" + std::to_string(i) + ".json");
  args.push_back("a.parameters.json");  // named twice: its template is still linted once
  const RunResult r = same_with_jobs(args, d.root);
  CHECK(r.exit_code == 1);
  CHECK(r.err == "idlint: note: skipped c.parameters.json: an ARM parameter file, and no template beside it "
                 "pairs with it by name (X.json, X.jsonc or X.bicep for X.parameters*.json): lint its template "
                 "with --parameters\n");
  // a.json is linted, with its parameter files, though only a parameter file was named; b.json is
  // linted once; each finding is there once.
  const nlohmann::json report = nlohmann::json::parse(r.out);
  CHECK(report["summary"]["files_checked"] == 14);
  std::set<std::string> findings;
  std::set<std::string> files;
  for (const auto& f : report["findings"]) {
    files.insert(f["file"].get<std::string>());
    CHECK(findings.insert(f.dump()).second);
  }
  CHECK(files == std::set<std::string>{"a.json", "b.json"});
}

TEST_CASE("-j N with --base HEAD: every file compared with its last commit, as on one thread" * NEEDS_GIT) {
  require_git();
  TempDir repo;
  REQUIRE(git(repo.root, "init -q"));
  // Files in two folders of one repository (each folder is looked up in git once, on any thread).
  for (int i = 0; i < 16; ++i) {
    repo.put((i % 2 ? "x/" : "y/") + std::to_string(i) + ".json", server());
    repo.put((i % 2 ? "x/" : "y/") + std::to_string(i) + ".parameters.json", parameters("SystemAssigned,UserAssigned"));
  }
  REQUIRE(git(repo.root, "add -A"));
  REQUIRE(git(repo.root, "commit -q -m base"));
  // The servers of y/ switch their system identity off while keeping a user identity (IDL020).
  for (int i = 0; i < 16; i += 2) repo.put("y/" + std::to_string(i) + ".parameters.json", parameters("UserAssigned"));
  repo.put("new/n.json", server());  // not at HEAD: nothing to compare with
  for (const char* format : {"text", "sarif"}) {
    CAPTURE(format);
    const RunResult r = same_with_jobs({"--base", "HEAD", "--format", format, "."}, repo.root);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "IDL020"));
    for (int i = 0; i < 16; i += 2) CHECK(contains(r.out, "y/" + std::to_string(i) + ".json"));
    CHECK(!contains(r.out, "x/"));
  }
}

TEST_CASE("-j N: a value that is not a number of files is refused, naming the option") {
  for (const std::string value : {"x", "-1", "2x", "1.5", "99999999999"}) {
    CAPTURE(value);
    const RunResult r = run_idlint({"-j", value, "."});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "idlint: error: --jobs: '" + value +
                       "' is not a number of files: use 1 or more (0: one per core)\nRun 'idlint --help' for usage.\n");
    CHECK(r.out.empty());
  }
  const RunResult empty = run_idlint({"--jobs", "", "."});
  CHECK(empty.exit_code == 2);
  CHECK(contains(empty.err, "idlint: error: --jobs: '' is not a number of files"));
}
