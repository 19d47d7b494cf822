// Test helpers: process runner and temporary files.
#include <doctest/doctest.h>

#include "support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace idlint::test {

namespace {
std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'')
      q += "'\\''";
    else
      q += c;
  }
  return q + "'";
}
}  // namespace

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string temp_dir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "idlint-test-XXXXXX").string();
  const char* made = ::mkdtemp(tmpl.data());
  return made ? std::string(made) : std::string();
}

namespace {
RunResult run_program(const std::string& program, const std::vector<std::string>& args, const std::string& cwd) {
  const std::string dir = temp_dir();
  // A run that hangs or grows without bound fails its test instead of stopping the suite or the
  // machine (sanitizer builds reserve far more address space than they use: no memory limit there).
  std::string cmd = "cd " + quote(cwd) + " && ";
#if !defined(__SANITIZE_ADDRESS__)
  cmd += "ulimit -v 4194304 && ";
#endif
  cmd += "timeout --signal=KILL 60 " + quote(program);
  for (const std::string& a : args) cmd += " " + quote(a);
  cmd += " >" + quote(dir + "/out") + " 2>" + quote(dir + "/err") + " </dev/null";
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(dir + "/out");
  r.err = read_file(dir + "/err");
  std::filesystem::remove_all(dir);
  return r;
}
}  // namespace

RunResult run_idlint(const std::vector<std::string>& args, const std::string& cwd) {
  return run_program(IDLINT_BINARY, args, cwd);
}

RunResult run_command(const std::vector<std::string>& argv, const std::string& cwd) {
  return run_program(argv.at(0), std::vector<std::string>(argv.begin() + 1, argv.end()), cwd);
}

bool has_git() { return std::system("git --version >/dev/null 2>&1") == 0; }

void require_git() {
  REQUIRE_MESSAGE(has_git(), "git is not installed: this case needs it (CTest runs it as unit-git, skipped without git)");
}

bool git(const std::string& dir, const std::string& args) {
  const std::string command = "git -C " + quote(dir) + " -c user.email=test@example.com -c user.name=test " + args +
                              " >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

FileResult lint(const std::string& text, const std::string& path) {
  return lint_text(path, text, true, RuleSelection::defaults());
}

std::vector<std::string> summary(const FileResult& r) {
  std::vector<std::string> out;
  for (const ResolvedFinding& f : r.findings) {
    out.push_back(std::string(f.rule->id) + "@" + std::to_string(f.primary.range.start.line) + ":" +
                  std::to_string(f.primary.range.start.column));
  }
  return out;
}

}  // namespace idlint::test

namespace idlint::test {

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(root, ec);
}

std::string TempDir::put(const std::string& rel, const std::string& text) {
  write_file(root + "/" + rel, text);
  return root + "/" + rel;
}

}  // namespace idlint::test
