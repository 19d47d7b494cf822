// Module paths: local files, and registry modules and template specs in a fake Bicep module cache.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "load/module_path.h"
#include "support.h"

using namespace idlint;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for one test and restores it after.
struct ScopedEnv {
  std::string name;
  std::optional<std::string> saved;
  ScopedEnv(std::string n, const char* value) : name(std::move(n)) {
    if (const char* old = std::getenv(name.c_str())) saved = old;
    if (value) {
      ::setenv(name.c_str(), value, 1);
    } else {
      ::unsetenv(name.c_str());
    }
  }
  ~ScopedEnv() {
    if (saved) {
      ::setenv(name.c_str(), saved->c_str(), 1);
    } else {
      ::unsetenv(name.c_str());
    }
  }
};

const std::string kSub = "00000000-0000-0000-0000-00000000ABCD";

}  // namespace

TEST_CASE("local module paths resolve against the caller's folder") {
  test::TempDir d;
  const std::string caller = d.put("infra/main.bicep", "");
  const std::string pg = d.put("infra/modules/pg.bicep", "");
  const std::string shared = d.put("shared/net.json");

  ModuleTarget t = resolve_module_path(caller, "./modules/pg.bicep", "");
  CHECK(t.path == pg);
  CHECK(t.unknown_reason.empty());
  CHECK_FALSE(t.registry);
  CHECK(resolve_module_path(caller, "modules/pg.bicep", "").path == pg);
  CHECK(resolve_module_path(caller, "../shared/net.json", "").path == shared);

  ModuleTarget missing = resolve_module_path(caller, "./x.bicep", "");
  CHECK(missing.path.empty());
  CHECK(missing.unknown_reason == "module file './x.bicep' not found");
  CHECK_FALSE(missing.registry);
  // Whatever is there is the module file: reading it says what is wrong with a folder (tests/cli_hostile_test.cpp).
  CHECK(resolve_module_path(caller, "./modules", "").path == d.root + "/infra/modules");
  CHECK(resolve_module_path(caller, "", "").unknown_reason == "the module path is empty");
}

TEST_CASE("registry modules are read from the cache layout the Bicep CLI restores into") {
  test::TempDir d;
  const std::string caller = d.put("main.bicep", "");
  const std::string cache = d.root + "/cache";
  const std::string avm = d.put("cache/br/mcr.microsoft.com/bicep$avm$res$storage$storage-account/0.9.0$/main.json");
  const std::string own = d.put("cache/br/contoso.azurecr.io/modules$pg/v1.0-RC$60/main.json");
  const std::string port = d.put("cache/br/localhost$5000/pg/1$/main.json");
  const std::string hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  const std::string digest = d.put("cache/br/contoso.azurecr.io/pg/sha256#" + hex + "/main.json");

  ModuleTarget t = resolve_module_path(caller, "br/public:avm/res/storage/storage-account:0.9.0", cache);
  CHECK(t.path == avm);
  CHECK(t.registry);
  CHECK(t.unknown_reason.empty());
  // The same module with the public registry written out.
  CHECK(resolve_module_path(caller, "br:mcr.microsoft.com/bicep/avm/res/storage/storage-account:0.9.0", cache).path ==
        avm);
  // Upper-case letters in a tag are kept as a mask after '$'; the registry is lower-cased.
  CHECK(resolve_module_path(caller, "br:Contoso.azurecr.io/modules/pg:v1.0-RC", cache).path == own);
  CHECK(resolve_module_path(caller, "br:localhost:5000/pg:1", cache).path == port);
  // An IPv6 registry, as the Bicep compiler's own tests write one.
  CHECK(resolve_module_path(caller, "br:[::1]:5000/passthrough/ipv6port:v1", cache).unknown_reason ==
        "registry module 'br:[::1]:5000/passthrough/ipv6port:v1' is not in the local module cache (" + cache + ")");
  CHECK(resolve_module_path(caller, "br:contoso.azurecr.io/pg@sha256:" + hex, cache).path == digest);
  CHECK(resolve_module_path(caller, "br:contoso.azurecr.io/pg@sha256:0123abcd", cache).unknown_reason ==
        "'br:contoso.azurecr.io/pg@sha256:0123abcd' is not a valid registry module reference: the digest "
        "'sha256:0123abcd' is not 'sha256:' and 64 hexadecimal digits");

  ModuleTarget absent = resolve_module_path(caller, "br/public:avm/res/storage/storage-account:0.10.0", cache);
  CHECK(absent.path.empty());
  CHECK(absent.registry);
  CHECK(absent.unknown_reason ==
        "registry module 'br/public:avm/res/storage/storage-account:0.10.0' is not in the local module cache (" +
            cache + ")");
  // The lower-case tag is a different folder from the mixed-case one.
  CHECK(resolve_module_path(caller, "br:contoso.azurecr.io/modules/pg:v1.0-rc", cache).path.empty());

  ModuleTarget bad = resolve_module_path(caller, "br:contoso.azurecr.io/pg", cache);
  CHECK(bad.registry);
  CHECK(bad.unknown_reason ==
        "'br:contoso.azurecr.io/pg' is not a valid registry module reference: it has no tag or digest (':<tag>' or "
        "'@sha256:<digest>')");
  // As the Bicep CLI validates references: no '..', upper case or empty segments, a host name as registry.
  for (const char* written :
       {"br:contoso.azurecr.io/../pg:1", "br:contoso.azurecr.io/Pg:1", "br:contoso.azurecr.io//pg:1",
        "br:contoso.azurecr.io/pg/:1", "br:/pg:1", "br:conto so.io/pg:1", "br:a@b/pg:1", "br:[::1/pg:1", "br:[/pg:1",
        "br:[..]/pg:1", "br:host:/pg:1", "br:host:99999999/pg:1", "br:contoso.azurecr.io/pg:v1/../x",
        "br:contoso.azurecr.io/pg:.v1"}) {
    CHECK_MESSAGE(
        resolve_module_path(caller, written, cache).unknown_reason.find("is not a valid registry module reference") !=
            std::string::npos,
        written);
  }
}

TEST_CASE("template specs are read from the cache in lower case") {
  test::TempDir d;
  const std::string caller = d.put("main.bicep", "");
  const std::string cache = d.root + "/cache";
  const std::string spec = d.put("cache/ts/00000000-0000-0000-0000-00000000abcd/rg-specs/pgspec/v2.1/main.json");
  ModuleTarget t = resolve_module_path(caller, "ts:" + kSub + "/RG-Specs/pgSpec:V2.1", cache);
  CHECK(t.path == spec);
  CHECK(t.registry);
  ModuleTarget absent = resolve_module_path(caller, "ts:" + kSub + "/rg-specs/pgspec:v3", cache);
  CHECK(absent.registry);
  CHECK(absent.unknown_reason ==
        "template spec 'ts:" + kSub + "/rg-specs/pgspec:v3' is not in the local module cache (" + cache + ")");
  CHECK(resolve_module_path(caller, "ts:" + kSub + "/pgspec:v3", cache)
            .unknown_reason.find("is not a valid template spec reference") != std::string::npos);
  for (const std::string& written :
       {std::string("ts:not-a-guid/rg/spec:v1"), "ts:" + kSub + "/../spec:v1", "ts:" + kSub + "/rg/..:v1",
        "ts:" + kSub + "/rg/spec:..", "ts:" + kSub + "/rg./spec:v1"}) {
    CHECK_MESSAGE(
        resolve_module_path(caller, written, cache).unknown_reason.find("is not a valid template spec reference") !=
            std::string::npos,
        written);
  }
}

TEST_CASE("module aliases come from the nearest bicepconfig.json above the caller") {
  test::TempDir d;
  const std::string cache = d.root + "/cache";
  d.put("repo/bicepconfig.json", R"({
    // comments are allowed, as in every Bicep configuration file
    "moduleAliases": {
      "br": {
        "contoso": { "registry": "contoso.azurecr.io", "modulePath": "bicep/modules" },
        "flat": { "registry": "flat.azurecr.io" },
        "broken": { "modulePath": "x" }
      },
      "ts": { "specs": { "subscription": ")" +
                                     kSub + R"(", "resourceGroup": "rg-specs" } }
    }
  })");
  const std::string caller = d.put("repo/infra/app/main.bicep", "");
  const std::string pg = d.put("cache/br/contoso.azurecr.io/bicep$modules$pg/1.2.0$/main.json");
  const std::string flat = d.put("cache/br/flat.azurecr.io/net/1$/main.json");
  const std::string spec = d.put("cache/ts/00000000-0000-0000-0000-00000000abcd/rg-specs/pgspec/v1/main.json");
  const std::string avm = d.put("cache/br/mcr.microsoft.com/bicep$avm$res$x/1$/main.json");

  CHECK(resolve_module_path(caller, "br/contoso:pg:1.2.0", cache).path == pg);
  CHECK(resolve_module_path(caller, "br/flat:net:1", cache).path == flat);
  CHECK(resolve_module_path(caller, "ts/specs:pgSpec:v1", cache).path == spec);
  // br/public is Bicep's own alias, whatever the file defines.
  CHECK(resolve_module_path(caller, "br/public:avm/res/x:1", cache).path == avm);

  ModuleTarget unknown = resolve_module_path(caller, "br/fabrikam:pg:1", cache);
  CHECK(unknown.registry);
  CHECK(unknown.path.empty());
  CHECK(unknown.unknown_reason == "module alias 'br/fabrikam' is not defined in " + d.root + "/repo/bicepconfig.json");
  CHECK(resolve_module_path(caller, "br/broken:pg:1", cache).unknown_reason ==
        "module alias 'br/broken' in " + d.root + "/repo/bicepconfig.json has no registry");
  // Alias names are case-sensitive.
  CHECK_FALSE(resolve_module_path(caller, "br/Contoso:pg:1.2.0", cache).unknown_reason.empty());
  CHECK(resolve_module_path(caller, "br/contoso", cache).unknown_reason.find("no module after it") !=
        std::string::npos);

  // A nearer configuration hides the farther one.
  d.put("repo/infra/bicepconfig.json", R"({"moduleAliases": {"br": {}}})");
  CHECK(resolve_module_path(caller, "br/contoso:pg:1.2.0", cache).unknown_reason ==
        "module alias 'br/contoso' is not defined in " + d.root + "/repo/infra/bicepconfig.json");
  d.put("repo/infra/bicepconfig.json", "{ \"moduleAliases\": ");
  CHECK(resolve_module_path(caller, "br/contoso:pg:1.2.0", cache)
            .unknown_reason.starts_with("module alias 'br/contoso' cannot be read: " + d.root +
                                        "/repo/infra/bicepconfig.json:1:"));
}

TEST_CASE("the module cache defaults to $HOME/.bicep") {
  test::TempDir d;
  const std::string caller = d.put("main.bicep", "");
  {
    ScopedEnv home("HOME", d.root.c_str());
    CHECK(default_module_cache_dir() == d.root + "/.bicep");
    const std::string cached = d.put(".bicep/br/mcr.microsoft.com/bicep$avm$res$x/1$/main.json");
    CHECK(resolve_module_path(caller, "br/public:avm/res/x:1", "").path == cached);
    CHECK(resolve_module_path(caller, "br/public:avm/res/x:2", "").unknown_reason ==
          "registry module 'br/public:avm/res/x:2' is not in the local module cache (" + d.root + "/.bicep)");
  }
  {
    ScopedEnv home("HOME", nullptr);
    CHECK(default_module_cache_dir().empty());
    ModuleTarget t = resolve_module_path(caller, "br/public:avm/res/x:1", "");
    CHECK(t.registry);
    CHECK(t.unknown_reason.find("no local module cache (HOME is not set)") != std::string::npos);
  }
}
