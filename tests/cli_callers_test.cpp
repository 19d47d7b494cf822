// --with-callers (and --base): a named module's callers in the repository are linted with it.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/callers.h"
#include "support.h"

using namespace idlint::test;

namespace {

const char* kModule = R"(param name string
param identityType string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: name
  location: resourceGroup().location
  identity: {
    type: identityType
  }
}
)";

std::string call(const std::string& path, const std::string& type) {
  return "@description('the server')\nmodule server '" + path +
         "' = {\n  name: 'server'\n  params: {\n    name: 'orders'\n" + "    identityType: '" + type + "'\n  }\n}\n";
}

struct Repo {
  TempDir dir;
  Repo() {
    std::filesystem::create_directories(dir.root + "/.git");
    dir.put("infra/modules/server.bicep", kModule);
    dir.put("infra/main.bicep", call("modules/server.bicep", "SystemAssigned"));
    dir.put("infra/ok.bicep", call("./modules/server.bicep", "None"));  // calls it without a finding
    dir.put("apps/other.bicep", call("../infra/modules/server.bicep", "SystemAssigned"));
    dir.put("apps/registry.bicep", "module server 'br/public:avm/res/server.bicep:1.0.0' = { name: 'x' }\n");
    dir.put("apps/mentions.bicep", "// server.bicep is mentioned, not called\nparam p string\n");
    dir.put("infra/main.bicepparam",
            "using 'modules/server.bicep'\nparam name = 'x'\nparam identityType = 'SystemAssigned'\n");
  }
};

}  // namespace

TEST_CASE("the callers of a module are the files whose module declaration or using line lead to it") {
  Repo repo;
  const std::string cwd = std::filesystem::current_path().string();
  std::filesystem::current_path(repo.dir.root);
  const std::vector<idlint::Caller> callers = idlint::find_callers({"infra/modules/server.bicep"}, {});
  std::vector<std::string> paths;
  for (const idlint::Caller& c : callers) {
    paths.push_back(c.path);
    CHECK(c.callee == "infra/modules/server.bicep");
  }
  CHECK(paths ==
        std::vector<std::string>{"apps/other.bicep", "infra/main.bicep", "infra/main.bicepparam", "infra/ok.bicep"});
  // Excluded files are not walked; a named caller is not listed again.
  std::vector<std::string> fewer;
  for (const idlint::Caller& c : idlint::find_callers({"infra/modules/server.bicep", "infra/main.bicep"}, {"apps/"})) {
    fewer.push_back(c.path);
  }
  CHECK(fewer == std::vector<std::string>{"infra/main.bicepparam", "infra/ok.bicep"});
  std::filesystem::current_path(cwd);
}

TEST_CASE("--with-callers lints the callers with the module; without it, the module is linted alone") {
  Repo repo;
  const RunResult alone = run_idlint({"-q", "infra/modules/server.bicep"}, repo.dir.root);
  CHECK(alone.exit_code == 0);
  CHECK(alone.out == "");
  const RunResult with =
      run_idlint({"--format", "github", "--with-callers", "infra/modules/server.bicep"}, repo.dir.root);
  CHECK(with.exit_code == 1);
  CHECK(with.err ==
        "idlint: note: apps/other.bicep is linted too: it calls infra/modules/server.bicep\n"
        "idlint: note: infra/main.bicep is linted too: it calls infra/modules/server.bicep\n"
        "idlint: note: infra/main.bicepparam is linted too: it calls infra/modules/server.bicep\n"
        "idlint: note: infra/ok.bicep is linted too: it calls infra/modules/server.bicep\n");
  for (const char* at : {"file=apps/other.bicep,line=6,col=19,", "file=infra/main.bicep,line=6,col=19,",
                         // a .bicepparam's finding is on the template, with the parameter file named
                         "file=infra/modules/server.bicep,line=8,col=11,"}) {
    CAPTURE(at);
    CHECK(with.out.find(std::string("::error ") + at) != std::string::npos);
  }
  CHECK(with.out.find("(with parameter file 'main.bicepparam')") != std::string::npos);
  CHECK(with.out.find("infra/ok.bicep") == std::string::npos);
  // -q leaves out the notes and nothing else.
  const RunResult quiet =
      run_idlint({"-q", "--format", "github", "--with-callers", "infra/modules/server.bicep"}, repo.dir.root);
  CHECK(quiet.exit_code == 1);
  CHECK(quiet.err == "");
  CHECK(quiet.out == with.out);

  SUBCASE("outside a repository no callers are looked for") {
    std::filesystem::remove(repo.dir.root + "/.git");
    const RunResult outside = run_idlint({"-q", "--with-callers", "infra/modules/server.bicep"}, repo.dir.root);
    CHECK(outside.exit_code == 0);
    CHECK(outside.err == "");
  }
}
