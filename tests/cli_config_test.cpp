// The configuration file (idlint.jsonc): found like bicepconfig.json, rule levels by id or name,
// overrides, exclude, option defaults, errors with positions, --config/--no-config/--print-config.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/config.h"
#include "rules/rule.h"
#include "support.h"

using namespace idlint::test;

namespace {

// One IDL001 error (PostgreSQL's system identity before 2024-08-01) at 10:29 and one IDL007 warning
// (the case of 'systemAssigned') at 19:29.
const char* kTemplate = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2023-12-01-preview",
      "name": "a",
      "location": "westeurope",
      "identity": { "type": "SystemAssigned" }
    },
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "b",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": { "name": "Standard_LRS" },
      "identity": { "type": "systemAssigned" }
    }
  ]
}
)";

// "level ID file:line" for each annotation of --format github.
std::set<std::string> findings(const RunResult& r) {
  std::set<std::string> out;
  size_t at = 0;
  while ((at = r.out.find("::", at)) != std::string::npos) {
    const size_t start = r.out.rfind('\n', at) == std::string::npos ? 0 : r.out.rfind('\n', at) + 1;
    if (start != at) {
      at += 2;
      continue;
    }
    const size_t space = r.out.find(' ', at);
    const std::string level = r.out.substr(at + 2, space - at - 2);
    const size_t file = r.out.find("file=", at) + 5;
    const std::string path = r.out.substr(file, r.out.find(',', file) - file);
    const size_t line = r.out.find("line=", at) + 5;
    const std::string line_no = r.out.substr(line, r.out.find(',', line) - line);
    const size_t title = r.out.find("title=", at) + 6;
    out.insert(level + " " + r.out.substr(title, 6) + " " + path + ":" + line_no);
    at = r.out.find('\n', at);
    if (at == std::string::npos) break;
  }
  return out;
}

struct Repo {
  TempDir dir;
  Repo() {
    std::filesystem::create_directories(dir.root + "/.git");  // the repository root, for the search
    dir.put("infra/main.json", kTemplate);
    dir.put("infra/legacy/old.json", kTemplate);
  }
  RunResult run(std::vector<std::string> args, const std::string& cwd = "") {
    args.insert(args.begin(), {"-q", "--format", "github"});
    return run_idlint(args, cwd.empty() ? dir.root : dir.root + "/" + cwd);
  }
};

}  // namespace

TEST_CASE("without a configuration file every default applies") {
  Repo repo;
  const RunResult r = repo.run({"infra"});
  CHECK(r.exit_code == 1);
  CHECK(findings(r) == std::set<std::string>{"error IDL001 infra/legacy/old.json:10",
                                             "warning IDL007 infra/legacy/old.json:19",
                                             "error IDL001 infra/main.json:10", "warning IDL007 infra/main.json:19"});
}

TEST_CASE("rule levels by id or name, in both forms, and overrides where later entries win") {
  Repo repo;
  repo.dir.put("idlint.jsonc", R"({
  // JSON with comments, and trailing commas
  "$schema": "./docs/idlint.schema.json",
  "rules": {
    "identity-type-spelling": "error",
    "IDL001": { "level": "note" },
  },
  "overrides": [
    { "files": ["infra/legacy/**"], "rules": { "IDL001": "off", "IDL007": "warning" } },
    { "files": ["infra/legacy/*.json"], "rules": { "IDL007": "note" } },
    { "files": ["/other/"], "rules": { "IDL007": "off" } },
  ],
})");
  const RunResult r = repo.run({"infra"});
  CHECK(r.err == "");
  // github writes a note as 'notice'.
  CHECK(findings(r) == std::set<std::string>{"notice IDL007 infra/legacy/old.json:19",
                                             "notice IDL001 infra/main.json:10", "error IDL007 infra/main.json:19"});
  CHECK(r.exit_code == 1);  // IDL007 is an error in infra/main.json now

  SUBCASE("the command line wins: --rule runs a rule the file turns off, --disable stops one it sets") {
    const RunResult only = repo.run({"--rule", "IDL001", "infra/legacy"});
    CHECK(findings(only) == std::set<std::string>{"error IDL001 infra/legacy/old.json:10"});
    const RunResult disabled = repo.run({"--disable", "IDL007", "infra"});
    CHECK(findings(disabled) == std::set<std::string>{"notice IDL001 infra/main.json:10"});
    CHECK(disabled.exit_code == 0);
  }
  SUBCASE("each file keeps its own settings when files are linted at once") {
    const RunResult one = repo.run({"-j", "1", "infra"});
    const RunResult four = repo.run({"-j", "4", "infra"});
    CHECK(one.out == r.out);
    CHECK(four.out == r.out);
    CHECK(four.exit_code == r.exit_code);
  }
  SUBCASE("--no-config ignores it") { CHECK(findings(repo.run({"--no-config", "infra"})).size() == 4); }
}

TEST_CASE("the nearest configuration applies, found from the linted file's folder up to the repository root") {
  Repo repo;
  repo.dir.put("idlint.jsonc", R"({ "rules": { "IDL007": "off" } })");
  repo.dir.put("infra/legacy/.idlint.jsonc", R"({ "rules": { "IDL001": "off" } })");
  // Above the repository root: never read.
  TempDir above;
  above.put("idlint.jsonc", "{ not json");
  above.put("repo/.git/HEAD", "");
  above.put("repo/main.json", kTemplate);

  const RunResult r = repo.run({"infra"});
  CHECK(findings(r) ==
        std::set<std::string>{"warning IDL007 infra/legacy/old.json:19", "error IDL001 infra/main.json:10"});
  const RunResult from_inside = repo.run({"old.json"}, "infra/legacy");
  CHECK(findings(from_inside) == std::set<std::string>{"warning IDL007 infra/legacy/old.json:19"});
  const RunResult not_above_root = run_idlint({"-q", "main.json"}, above.root + "/repo");
  CHECK(not_above_root.exit_code == 1);
  CHECK(not_above_root.err == "");

  SUBCASE("--config names one for every file") {
    repo.dir.put("ci.jsonc", R"({ "rules": { "IDL001": "warning" }, "failLevel": "none" })");
    const RunResult named = repo.run({"--config", "ci.jsonc", "infra"});
    CHECK(findings(named).count("warning IDL001 infra/legacy/old.json:10") == 1);
    CHECK(findings(named).count("warning IDL007 infra/legacy/old.json:19") == 1);
    CHECK(named.exit_code == 0);
    const RunResult both = repo.run({"--config", "ci.jsonc", "--no-config", "infra"});
    CHECK(both.exit_code == 2);
    CHECK(both.err == "idlint: error: --config and --no-config contradict each other\n");
  }
  SUBCASE("two in one folder are an error") {
    repo.dir.put(".idlint.jsonc", "{}");
    const RunResult two = repo.run({"infra/main.json"});
    CHECK(two.exit_code == 2);
    CHECK(two.err.find("two configuration files in one folder (idlint.jsonc and .idlint.jsonc): keep one") !=
          std::string::npos);
  }
}

TEST_CASE("exclude leaves walked files out, relative to the configuration's folder; named files are linted") {
  Repo repo;
  repo.dir.put("infra/idlint.jsonc", R"({ "exclude": ["legacy/"] })");
  repo.dir.put("legacy/x.json", kTemplate);  // outside the configuration's folder: not its business
  CHECK(findings(repo.run({"."})) ==
        std::set<std::string>{"error IDL001 infra/main.json:10", "warning IDL007 infra/main.json:19",
                              "error IDL001 legacy/x.json:10", "warning IDL007 legacy/x.json:19"});
  CHECK(findings(repo.run({"infra/legacy/old.json"})).size() == 2);

  SUBCASE("as .gitignore lines: the last pattern that matches decides, a folder excluded stays so") {
    repo.dir.put("infra/idlint.jsonc", R"({ "exclude": ["*.json", "!main.json", "legacy/", "!legacy/old.json"] })");
    repo.dir.put("infra/other.json", kTemplate);
    CHECK(findings(repo.run({"infra"})) ==
          std::set<std::string>{"error IDL001 infra/main.json:10", "warning IDL007 infra/main.json:19"});
    const RunResult p = run_idlint({"--print-config", "infra/other.json"}, repo.dir.root);
    CHECK(p.out.find("excluded from folder walks: yes\n") != std::string::npos);
  }
}

TEST_CASE("failLevel, parameterPairing, moduleCache and explainUnknown set the options' defaults") {
  Repo repo;
  repo.dir.put("idlint.jsonc", R"({ "failLevel": "warning", "rules": { "IDL001": "off" } })");
  CHECK(repo.run({"infra/main.json"}).exit_code == 1);                           // the IDL007 warning fails
  CHECK(repo.run({"--fail-level", "error", "infra/main.json"}).exit_code == 0);  // the command line wins
  repo.dir.put("idlint.jsonc", R"({ "explainUnknown": true, "moduleCache": "~/cache", "parameterPairing": false })");
  const RunResult p = run_idlint({"--print-config", "infra/main.json"}, repo.dir.root);
  CHECK(p.exit_code == 0);
  CHECK(p.out.find("configuration: idlint.jsonc\n") != std::string::npos);
  CHECK(p.out.find("parameterPairing: false\n") != std::string::npos);
  CHECK(p.out.find("explainUnknown: true\n") != std::string::npos);
  CHECK(p.out.find("/cache\n") != std::string::npos);
  CHECK(p.out.find("~") == std::string::npos);
  CHECK(p.out.find("IDL901  value-undetermined                             note     idlint.jsonc: explainUnknown\n") !=
        std::string::npos);
}

TEST_CASE("--print-config names the file, the overrides that match and where each rule's level is set") {
  Repo repo;
  repo.dir.put("idlint.jsonc", R"({
  "rules": { "IDL007": "error" },
  "overrides": [
    { "files": ["infra/legacy/"], "rules": { "IDL001": "off" } }
  ]
})");
  const RunResult r = run_idlint({"--disable", "IDL013", "--print-config", "infra/legacy/old.json"}, repo.dir.root);
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind(
            "file: infra/legacy/old.json\nconfiguration: idlint.jsonc\noverride 1 (line 4): files infra/legacy/\n",
            0) == 0);
  CHECK(r.out.find("failLevel: error (default)\n") != std::string::npos);
  CHECK(r.out.find("  IDL001  identity-type-invalid                          off      idlint.jsonc:4 (override 1)\n") !=
        std::string::npos);
  CHECK(r.out.find("  IDL007  identity-type-spelling                         error    idlint.jsonc:2\n") !=
        std::string::npos);
  CHECK(r.out.find("  IDL013  cmk-key-uri-invalid                            off      --disable\n") !=
        std::string::npos);
  CHECK(r.out.find("  IDL002  user-identities-missing                        error    default\n") != std::string::npos);
  const RunResult none = run_idlint({"--no-config", "--print-config", "infra/main.json"}, repo.dir.root);
  CHECK(none.out.find("configuration: none (--no-config)\n") != std::string::npos);
}

TEST_CASE("an invalid configuration is an error with its position, and nothing is linted") {
  Repo repo;
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"{\n  \"rulez\": {}\n}",
       "idlint.jsonc:2:3: unknown key 'rulez' (the keys are $schema, rules, exclude, overrides, "
       "failLevel, parameterPairing, moduleCache, explainUnknown)"},
      {"{ \"rules\": { \"IDL099\": \"error\" } }",
       "idlint.jsonc:1:14: unknown rule 'IDL099' (see idlint --list-rules)"},
      {"{ \"rules\": { \"IDL001\": \"fatal\" } }",
       "idlint.jsonc:1:24: 'fatal' is not a level for IDL001: use \"error\", \"warning\", \"note\" or \"off\""},
      {"{ \"rules\": { \"IDL001\": 2 } }",
       "idlint.jsonc:1:24: the level of IDL001 must be \"error\", \"warning\", \"note\" or \"off\", not a number"},
      {"{ \"rules\": { \"IDL001\": { \"lvl\": \"note\" } } }",
       "idlint.jsonc:1:26: unknown key 'lvl' in the setting of IDL001: only 'level'"},
      {"{ \"rules\": { \"IDL001\": \"off\", \"identity-type-invalid\": \"note\" } }",
       "idlint.jsonc:1:31: rule IDL001 is set twice in 'rules'"},
      {"{ \"failLevel\": \"fatal\" }",
       "idlint.jsonc:1:16: 'fatal' is not a failLevel: use \"error\", \"warning\", \"note\" or \"none\""},
      {"{ \"exclude\": \"legacy\" }", "idlint.jsonc:1:14: 'exclude' must be an array, not a string"},
      {"{ \"exclude\": [\"#x\"] }",
       "idlint.jsonc:1:15: '#x' would be a comment in a .gitignore line: write '\\#' for a name starting with '#'"},
      {"{ \"overrides\": [ { \"files\": [\"!a\"] } ] }",
       "idlint.jsonc:1:30: '!a': negated patterns are not supported in 'overrides' entry 1 'files'"},
      {"{ \"overrides\": [ { \"rules\": {} } ] }",
       "idlint.jsonc:1:18: 'overrides' entry 1 needs 'files', a list of paths or globs"},
      {"{ \"overrides\": [ { \"files\": [\"a\"], \"level\": \"off\" } ] }",
       "idlint.jsonc:1:36: unknown key 'level' in 'overrides' entry 1: use 'files' and 'rules'"},
      {"{ \"parameterPairing\": \"no\" }", "idlint.jsonc:1:23: 'parameterPairing' must be a boolean, not a string"},
      {"{ \"rules\": {", "idlint.jsonc:1:13: unexpected end of file: the '{' opened on line 1 is not closed"},
      {"[]", "idlint.jsonc:1:1: the configuration must be an object, not an array"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    repo.dir.put("idlint.jsonc", c.text);
    const RunResult r = repo.run({"infra"});
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == std::string("idlint: error: ") + c.error + "\n");
    // Named, as pre-commit names a changed file, the configuration is checked the same way.
    const RunResult named = repo.run({"idlint.jsonc"});
    CHECK(named.exit_code == 2);
    CHECK(named.err == std::string("idlint: error: ") + c.error + "\n");
  }
  repo.dir.put("idlint.jsonc", R"({ "rules": { "IDL007": "off" } })");
  const RunResult valid = run_idlint({"idlint.jsonc"}, repo.dir.root);
  CHECK(valid.exit_code == 0);
  CHECK(valid.err == "");
}

TEST_CASE("the schema lists the keys and the rules the configuration accepts") {
  const nlohmann::json schema = nlohmann::json::parse(read_file(IDLINT_SOURCE_DIR "/docs/idlint.schema.json"));
  std::set<std::string> keys;
  for (const auto& [key, value] : schema["properties"].items()) keys.insert(key);
  const std::vector<std::string>& accepted = idlint::config_keys();
  CHECK(keys == std::set<std::string>(accepted.begin(), accepted.end()));
  CHECK(keys == std::set<std::string>{"$schema", "rules", "exclude", "overrides", "failLevel", "parameterPairing",
                                      "moduleCache", "explainUnknown"});
  std::set<std::string> rules;
  for (const auto& [key, value] : schema["definitions"]["rules"]["properties"].items()) rules.insert(key);
  std::set<std::string> expected;
  for (const idlint::RuleInfo* r : idlint::all_rules()) {
    expected.insert(std::string(r->id));
    expected.insert(std::string(r->name));
  }
  CHECK(rules == expected);
  CHECK(schema["definitions"]["level"]["enum"] == nlohmann::json{"error", "warning", "note", "off"});
  CHECK(schema["properties"]["failLevel"]["enum"] == nlohmann::json{"error", "warning", "note", "none"});
}
