// Helpers shared by the tests: running the idlint binary, reading files, linting text.
#pragma once
#include <string>
#include <vector>

#include "engine/lint.h"

namespace idlint::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built idlint binary with arguments (shell-quoted here) in directory cwd, killed after 60 s
// and limited to 4 GiB of address space (exit code 137 then).
RunResult run_idlint(const std::vector<std::string>& args, const std::string& cwd = ".");
// Runs another program (argv[0], found on PATH) the same way.
RunResult run_command(const std::vector<std::string>& argv, const std::string& cwd = ".");
bool has_git();
// Test cases that need git are in the doctest test suite "needs-git" (decorate them with NEEDS_GIT
// and start them with require_git()). CTest runs that suite as the test unit-git, which reports
// Skipped when git is not installed (Failed under CI=true, tests/unit_suite.sh), and the others as
// unit. Run directly without git, such a case fails: it never passes without having run.
#define NEEDS_GIT doctest::test_suite("needs-git")
void require_git();
// The same for ../shared (the third-party corpus and specifications beside the checkout): suite
// "needs-shared", CTest test unit-shared, skipped when ../shared is not there.
#define NEEDS_SHARED doctest::test_suite("needs-shared")
// Runs git in dir quietly (args are shell words, quoted by the caller); true when it succeeded.
bool git(const std::string& dir, const std::string& args);
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);
// A fresh empty directory under the system temporary folder.
std::string temp_dir();

// A fresh temporary directory, removed with everything in it when the test ends.
struct TempDir {
  std::string root = temp_dir();
  TempDir() = default;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();
  // Writes root/rel (creating folders) and returns its path.
  std::string put(const std::string& rel, const std::string& text = "{}");
};

// Lints text as an explicitly named file with every default rule.
FileResult lint(const std::string& text, const std::string& path = "test.json");
// "IDL001@12:9" for each finding, in order.
std::vector<std::string> summary(const FileResult& r);

}  // namespace idlint::test
