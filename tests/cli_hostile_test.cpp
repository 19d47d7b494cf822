// Hostile input from a pull request, as idlint meets it in CI: module references that try to leave
// the module cache, special and huge files wherever idlint reads one, values that would reach the
// terminal raw or whole, a repository whose git configuration runs programs, and --output paths
// that are not regular files. (Values that grow without bound: tests/hostile/run.py.)
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support.h"

using namespace idlint::test;
namespace fs = std::filesystem;

namespace {

const std::string kSchema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// An ARM template of one PostgreSQL server whose identity type is the JSON string literal `type`.
std::string arm_server(const std::string& json_type) {
  return R"({
  "$schema": ")" +
         kSchema + R"(",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2023-12-01-preview",
      "name": "pg",
      "location": "westeurope",
      "identity": { "type": )" +
         json_type + R"( }
    }
  ]
}
)";
}

// A template a module call could reach: its server's identity type is the caller's argument.
const std::string kModuleTemplate = R"({
  "$schema": ")" + kSchema + R"(",
  "contentVersion": "1.0.0.0",
  "parameters": { "identityType": { "type": "string", "defaultValue": "None" } },
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2023-12-01-preview",
      "name": "pg",
      "location": "westeurope",
      "identity": { "type": "[parameters('identityType')]" }
    }
  ]
}
)";

std::string module_call(const std::string& name, const std::string& path) {
  return "module " + name + " '" + path + "' = {\n  name: '" + name +
         "'\n  params: {\n    identityType: 'SystemAssigned, UserAssigned'\n  }\n}\n";
}

std::vector<std::string> messages(const RunResult& r) {
  std::vector<std::string> out;
  const auto doc = nlohmann::json::parse(r.out);
  for (const auto& f : doc["findings"]) out.push_back(f["message"].get<std::string>());
  return out;
}

bool any_contains(const std::vector<std::string>& texts, const std::string& part) {
  return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return contains(t, part); });
}

bool is_fifo(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
}

}  // namespace

TEST_CASE("a registry module reference cannot reach a file outside the module cache") {
  TempDir t;
  t.put("main.json", kModuleTemplate);  // what '..' segments would reach from the cache below
  fs::create_directories(t.root + "/a/cache");
  const std::string cache = t.root + "/a/cache";
  // A cache entry that is a symlink out of the cache.
  t.put("elsewhere/module.json", kModuleTemplate);
  fs::create_directories(cache + "/br/example.azurecr.io/mod/v1$");
  fs::create_symlink(t.root + "/elsewhere/module.json", cache + "/br/example.azurecr.io/mod/v1$/main.json");
  const std::string main =
      t.put("proj/main.bicep", module_call("up", "br:../..@..") +
                                   module_call("segments", "br:example.azurecr.io/../../x:v1") +
                                   module_call("backslash", "br:example.azurecr.io/a\\\\b:v1") +
                                   module_call("spec", "ts:00000000-0000-0000-0000-000000000000/../..:v1") +
                                   module_call("linked", "br:example.azurecr.io/mod:v1"));
  RunResult r = run_idlint({"--module-cache", cache, "--explain-unknown", "--format", "json", main});
  REQUIRE(r.exit_code == 0);
  const std::vector<std::string> m = messages(r);
  CHECK_FALSE(contains(r.out + r.err, "main.json"));
  CHECK_FALSE(contains(r.out + r.err, "elsewhere"));
  CHECK_FALSE(any_contains(m, "is not accepted"));  // no module was followed
  CHECK(any_contains(m, "module 'up' is not followed"));
  CHECK(
      any_contains(m, "'br:../..@..' is not a valid registry module reference: the registry '..' is not a host name"));
  CHECK(any_contains(m,
                     "'br:example.azurecr.io/../../x:v1' is not a valid registry module reference: '..' is not a "
                     "repository path segment"));
  CHECK(any_contains(m, "is not a valid registry module reference: 'a\\b' is not a repository path segment"));
  CHECK(
      any_contains(m, "is not a valid template spec reference: the resource group '..' is not a resource group name"));
  CHECK(any_contains(m,
                     "module 'linked' is not followed, so its arguments are not checked: registry module "
                     "'br:example.azurecr.io/mod:v1' leads outside the module cache"));
}

TEST_CASE("a local module path may go anywhere, but only to a regular file") {
  TempDir t;
  t.put("shared/pg.json", kModuleTemplate);
  const std::string fifo = t.root + "/proj/pipe.json";
  fs::create_directories(t.root + "/proj/folder.json");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string main =
      t.put("proj/main.bicep", module_call("shared", "../shared/pg.json") + module_call("pipe", "./pipe.json") +
                                   module_call("folder", "./folder.json") + module_call("proc", "/proc/self/environ"));
  RunResult r = run_idlint({"--explain-unknown", "--format", "json", main});
  REQUIRE(r.exit_code == 1);  // the module outside the project folder is followed
  const std::vector<std::string> m = messages(r);
  CHECK(any_contains(m, "is not accepted"));
  CHECK(any_contains(m, "/proj/pipe.json' cannot be read: not a regular file (a FIFO)"));
  CHECK(any_contains(m, "/proj/folder.json' cannot be read: not a regular file (a directory)"));
  CHECK(any_contains(m, "module file '/proc/self/environ' cannot be read: in /proc, which idlint does not read"));
}

TEST_CASE("every file idlint reads is a regular file within the size limit; the others are errors with the path") {
  TempDir t;
  const std::string clean = t.put("clean.json", arm_server("\"None\""));

  // --baseline: a device, a FIFO with no writer, a directory.
  const std::string fifo = t.root + "/baseline.sarif";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (const std::string& baseline : {std::string("/dev/zero"), fifo}) {
    RunResult r = run_idlint({"--baseline", baseline, clean});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "idlint: error: cannot read baseline " + baseline + ": not a regular file"));
  }
  RunResult dir = run_idlint({"--baseline", t.root, clean});
  CHECK(dir.exit_code == 2);
  CHECK(contains(dir.err, "cannot read baseline " + t.root + ": not a regular file (a directory)"));

  // --base-file and --parameters, the same.
  RunResult base = run_idlint({"--base-file", fifo, clean});
  CHECK(base.exit_code == 2);
  CHECK(contains(base.err, "cannot read " + fifo + ": not a regular file (a FIFO)"));
  RunResult params = run_idlint({"--parameters", "/dev/zero", clean});
  CHECK(params.exit_code == 0);
  CHECK(contains(params.err, "parameter file /dev/zero: not a regular file (a character device)"));

  // Empty values ask for a comparison that cannot happen: usage errors.
  for (const char* option : {"--base", "--base-file", "--baseline", "--module-cache", "--output", "--parameters"}) {
    RunResult empty = run_idlint({option, "", clean});
    CHECK_MESSAGE(empty.exit_code == 2, option);
    CHECK_MESSAGE(contains(empty.err, std::string("idlint: error: ") + option + ": the value is empty"), option);
  }

  // A symlink loop, named or met in a folder walk.
  fs::create_directories(t.root + "/walk");
  fs::create_symlink(t.root + "/walk/b.bicep", t.root + "/walk/a.bicep");
  fs::create_symlink(t.root + "/walk/a.bicep", t.root + "/walk/b.bicep");
  RunResult loop = run_idlint({t.root + "/walk/a.bicep"});
  CHECK(loop.exit_code == 2);
  CHECK(contains(loop.err, "cannot read " + t.root + "/walk/a.bicep: Too many levels of symbolic links"));
  RunResult walked = run_idlint({t.root + "/walk"});
  CHECK(walked.exit_code == 2);
  CHECK(contains(walked.err, "/walk/a.bicep: Too many levels of symbolic links"));
}

TEST_CASE("a file over the size limit is an error in a folder walk as when named, whatever its format") {
  TempDir t;
  t.put("walk/ok.json", arm_server("\"SystemAssigned\""));
  const std::string big = t.put("walk/huge.bicep", "");
  fs::resize_file(big, (size_t{64} << 20) + 1);  // sparse: nothing is written
  RunResult walked = run_idlint({t.root + "/walk"});
  CHECK(walked.exit_code == 2);
  CHECK(contains(walked.err, "cannot read " + big + ": larger than 64 MiB"));

  // bicepconfig.json is read through the same reader: a 1 GiB one is refused, not read.
  const std::string config = t.put("proj/bicepconfig.json", "");
  fs::resize_file(config, size_t{1} << 30);
  const std::string main = t.put("proj/main.bicep", module_call("aliased", "br/mine:mod:v1"));
  RunResult r = run_idlint({"--explain-unknown", "--format", "json", main});
  CHECK(r.exit_code == 0);
  CHECK(any_contains(messages(r), "module alias 'br/mine' cannot be read: " + config + ": larger than 64 MiB"));
}

TEST_CASE("values quoted in messages are cut to a readable length in every format") {
  TempDir t;
  const std::string value = "SystemAssigned" + std::string(1000000, 'x');
  const std::string file = t.put("long.json", arm_server("\"" + value + "\""));
  const std::string shown = "'SystemAssigned" + std::string(186, 'x') + "…' (1000014 characters)";
  RunResult text = run_idlint({file});
  CHECK(text.exit_code == 1);
  CHECK(contains(text.out, shown + " is not an identity type"));
  CHECK(text.out.size() < 3000);
  RunResult json = run_idlint({"--format", "json", file});
  const auto findings = nlohmann::json::parse(json.out)["findings"];
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0]["message"].get<std::string>(), shown));
  CHECK(json.out.size() < 3000);
  RunResult sarif = run_idlint({"--format", "sarif", file});
  const auto results = nlohmann::json::parse(sarif.out)["runs"][0]["results"];
  REQUIRE(results.size() == 1);
  CHECK(contains(results[0]["message"]["text"].get<std::string>(), shown));
  CHECK(results[0]["message"]["text"].get<std::string>().size() < 1000);
  CHECK(sarif.out.size() < 200000);  // the rules' documentation makes up most of it
}

TEST_CASE("control characters from a template reach the terminal quoted, never raw") {
  TempDir t;
  // An identity type with a newline that forges a finding line, an escape sequence and a
  // right-to-left override; JSON and SARIF keep the characters (escaped as JSON escapes them).
  const std::string file =
      t.put("inject.json",
            arm_server(R"("x\n/etc/passwd:1:1: error: forged [IDL001 identity-type-invalid]\u001b[2J\r\u202e")"));
  RunResult text = run_idlint({file});
  CHECK(text.exit_code == 1);
  CHECK_FALSE(contains(text.out, "\x1b"));
  CHECK_FALSE(contains(text.out, "\r"));
  CHECK_FALSE(contains(text.out, "\xe2\x80\xae"));  // U+202E
  CHECK_FALSE(contains(text.out, "\n/etc/passwd:1:1: error"));
  CHECK(contains(text.out, R"('x\n/etc/passwd:1:1: error: forged [IDL001 identity-type-invalid]\x1b[2J\r\u202e')"));
  RunResult json = run_idlint({"--format", "json", file});
  const auto findings = nlohmann::json::parse(json.out)["findings"];
  REQUIRE(findings.size() == 1);
  CHECK(contains(findings[0]["message"].get<std::string>(), "'x\n/etc/passwd:1:1: error: forged"));

  // A Bicep source line holding an escape character, and a file name holding one.
  const std::string bicep = t.put("a\x1b[31mred.bicep",
                                  "resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {\n"
                                  "  name: 'pg'\n  identity: {\n    type: 'None\x1b[8m'\n  }\n}\n");
  RunResult b = run_idlint({bicep});
  CHECK(b.exit_code == 1);
  CHECK_FALSE(contains(b.out + b.err, "\x1b"));
  CHECK(contains(b.out, R"(a\x1b[31mred.bicep:4:11: error: 'None\x1b[8m' is not an identity type)"));
  CHECK(contains(b.out, R"(    type: 'None\x1b[8m')"));
  // The marker spans the characters as shown: 'None\x1b[8m' is 13 wide.
  CHECK(contains(b.out, "   |" + std::string(11, ' ') + "^" + std::string(12, '~') + "\n"));
}

TEST_CASE("--base runs git as a tool: the repository's configuration runs no program" * NEEDS_GIT) {
  require_git();
  TempDir t;
  const std::string repo = t.root + "/repo";
  fs::create_directories(repo);
  REQUIRE(git(repo, "init -q"));
  const std::string marker = t.root + "/ran";
  const std::string script = t.put("hook.sh", "#!/bin/sh\necho \"$0 $*\" >> '" + marker + "'\ncat\n");
  ::chmod(script.c_str(), 0755);
  t.put("repo/pg.json", arm_server("\"SystemAssigned\""));
  t.put("repo/.gitattributes", "*.json filter=evil diff=evil\n");
  REQUIRE(git(repo, "add -A"));
  REQUIRE(git(repo, "commit -q -m base"));
  for (const char* setting :
       {"core.fsmonitor", "core.pager", "diff.external", "filter.evil.clean", "filter.evil.smudge",
        "filter.evil.process", "diff.evil.textconv", "diff.evil.command", "core.sshCommand", "core.askPass"}) {
    REQUIRE(git(repo, std::string("config ") + setting + " '" + script + "'"));
  }
  t.put("repo/pg.json", arm_server("\"None\""));  // changed: git must look at it anew
  RunResult r = run_idlint({"--base", "HEAD", "pg.json"}, repo);
  CHECK(r.exit_code == 0);
  CHECK_MESSAGE(!fs::exists(marker), read_file(marker));
}

TEST_CASE("--output writes into what is not a regular file, and never replaces it") {
  TempDir t;
  const std::string bad = t.put("bad.json", arm_server("\"SystemAssigned, UserAssigned\""));
  auto kind = [](const std::string& p) {
    struct stat st {};
    ::lstat(p.c_str(), &st);
    return st.st_mode & S_IFMT;
  };
  // Device nodes made for the test (root only): a regression that renamed over them must not
  // take the machine's /dev/null with it.
  const std::string null_device = t.root + "/null";
  const std::string full_device = t.root + "/full";
  if (::mknod(null_device.c_str(), S_IFCHR | 0666, ::makedev(1, 3)) == 0 &&
      ::mknod(full_device.c_str(), S_IFCHR | 0666, ::makedev(1, 7)) == 0) {
    RunResult null = run_idlint({bad, "--output", null_device});
    CHECK(null.exit_code == 1);
    CHECK(kind(null_device) == S_IFCHR);
    RunResult full = run_idlint({bad, "--output", full_device});
    CHECK(full.exit_code == 2);
    CHECK(contains(full.err, "idlint: error: cannot write " + full_device + ": No space left on device"));
    CHECK(kind(full_device) == S_IFCHR);
  } else {
    MESSAGE("device nodes cannot be made here (not root): symlinks, folders and FIFOs are still tested");
  }

  // A symlink stays a symlink; the report is in the file it points to (written atomically there).
  const std::string target = t.put("reports/idlint.txt", "old");
  fs::create_symlink(target, t.root + "/link.txt");
  RunResult link = run_idlint({bad, "--output", t.root + "/link.txt"});
  CHECK(link.exit_code == 1);
  CHECK(kind(t.root + "/link.txt") == S_IFLNK);
  CHECK(contains(read_file(target), "[IDL001 identity-type-invalid]"));
  size_t leftovers = 0;
  for (const auto& e : fs::directory_iterator(t.root)) leftovers += e.path().filename().string()[0] == '.';
  for (const auto& e : fs::directory_iterator(t.root + "/reports")) leftovers += e.path().filename().string()[0] == '.';
  CHECK(leftovers == 0);

  // A directory is refused.
  RunResult dir = run_idlint({bad, "--output", t.root + "/reports"});
  CHECK(dir.exit_code == 2);
  CHECK(contains(dir.err, "idlint: error: cannot write " + t.root + "/reports: it is a directory"));

  // A FIFO is opened and written, as a shell redirection would.
  const std::string fifo = t.root + "/report.pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string captured = t.root + "/captured.txt";
  REQUIRE(std::system(("timeout 60 cat '" + fifo + "' > '" + captured + "' &").c_str()) == 0);
  RunResult pipe = run_idlint({bad, "--output", fifo});
  CHECK(pipe.exit_code == 1);
  CHECK(is_fifo(fifo));
  for (int i = 0; i < 100 && !contains(read_file(captured), "1 file checked"); ++i) ::usleep(50000);
  CHECK(contains(read_file(captured), "[IDL001 identity-type-invalid]"));
}
