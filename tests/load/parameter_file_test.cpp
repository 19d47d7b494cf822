// ARM parameter files: literal entries, values known only at deployment, and pairing by file name.
#include <doctest/doctest.h>

#include <filesystem>

#include "load/parameter_file.h"
#include "support.h"

using namespace idlint;
namespace fs = std::filesystem;

namespace {

const std::string kSchema =
    R"("$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#")";

std::optional<ParameterFile> load(const std::string& text) {
  return load_arm_parameter_file(std::make_shared<const SourceFile>("main.parameters.json", text));
}

std::string_view text_of(const ParameterFile& f, Span s) { return f.file->text().substr(s.begin, s.end - s.begin); }

const ParameterFileEntry* entry(const ParameterFile& f, std::string_view name) {
  for (const ParameterFileEntry& e : f.entries) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("parameter files: literal values, in file order, with their spans") {
  auto f = load("{" + kSchema + R"(,
  "contentVersion": "1.0.0.0",
  "parameters": {
    "location": { "value": "westeurope" },
    "count": { "value": 3 },
    "enabled": { "value": true },
    "identity": { "value": { "type": "UserAssigned", "ids": ["a", "b"] } },
    "bracketed": { "value": "[concat('a', 'b')]" }
  }
})");
  REQUIRE(f);
  CHECK_FALSE(f->syntax_error);
  REQUIRE(f->tmpl);
  CHECK(f->tmpl->root != nullptr);
  CHECK(f->tmpl->file == f->file);
  REQUIRE(f->entries.size() == 5);
  CHECK(f->entries[0].name == "location");
  CHECK(text_of(*f, f->entries[0].name_span) == R"("location")");
  CHECK(text_of(*f, f->entries[0].span) == R"({ "value": "westeurope" })");
  REQUIRE(f->entries[0].value);
  CHECK(f->entries[0].value->string_or_empty() == "westeurope");
  CHECK(f->entries[0].unknown_reason.empty());
  CHECK(entry(*f, "count")->value->text == "3");
  CHECK(entry(*f, "enabled")->value->boolean);
  CHECK(entry(*f, "identity")->value->find("type")->string_or_empty() == "UserAssigned");
  // Resource Manager does not evaluate a parameter file: a bracketed string is that string.
  const Value* bracketed = entry(*f, "bracketed")->value;
  REQUIRE(bracketed);
  CHECK(bracketed->is_string());
  CHECK(bracketed->text == "[concat('a', 'b')]");
}

TEST_CASE("parameter files: the expression source refuses every value") {
  auto f = load("{" + kSchema + R"(, "parameters": {"a": {"value": "x"}}})");
  REQUIRE(f);
  REQUIRE(f->tmpl->expressions);
  std::string error;
  CHECK(f->tmpl->expressions->expression(*f->entries[0].value, error) == nullptr);
  CHECK(error == "a parameter file's values are literal, not expressions");
}

TEST_CASE("parameter files: Key Vault references and malformed entries are unknown, with a reason") {
  auto f = load("{" + kSchema + R"(, "parameters": {
    "password": { "reference": { "keyVault": { "id": "/subscriptions/x/vault" }, "secretName": "pw" } },
    "nothing": { "metadata": {} },
    "bare": "westeurope"
  }})");
  REQUIRE(f);
  REQUIRE(f->entries.size() == 3);
  CHECK(f->entries[0].value == nullptr);
  CHECK(f->entries[0].unknown_reason == "a Key Vault secret reference (read at deployment)");
  CHECK(text_of(*f, f->entries[0].span).starts_with(R"({ "reference")"));
  CHECK(f->entries[1].value == nullptr);
  CHECK(f->entries[1].unknown_reason == "the entry has neither a 'value' nor a 'reference'");
  CHECK(f->entries[2].value == nullptr);
  CHECK(f->entries[2].unknown_reason == "the entry is not an object with a 'value' or a 'reference'");
  CHECK(text_of(*f, f->entries[2].span) == R"("westeurope")");
}

TEST_CASE("parameter files: azd's ${NAME} placeholders are unknown, wherever they are in the value") {
  auto f = load("{" + kSchema + R"(, "parameters": {
    "location": { "value": "${AZURE_LOCATION}" },
    "name": { "value": "app-${AZURE_ENV_NAME}-web" },
    "tags": { "value": { "env": "prod", "owner": ["x", "${OWNER=me}"] } },
    "keyed": { "value": { "${KEY}": 1 } },
    "unclosed": { "value": "${BROKEN" },
    "dollar": { "value": "costs $5 {not a placeholder}" }
  }})");
  REQUIRE(f);
  REQUIRE(f->entries.size() == 6);
  CHECK(entry(*f, "location")->value == nullptr);
  CHECK(entry(*f, "location")->unknown_reason ==
        "environment placeholder ${AZURE_LOCATION} (substituted before deployment)");
  CHECK(entry(*f, "name")->unknown_reason ==
        "environment placeholder ${AZURE_ENV_NAME} (substituted before deployment)");
  CHECK(entry(*f, "tags")->value == nullptr);
  CHECK(entry(*f, "tags")->unknown_reason == "environment placeholder ${OWNER=me} (substituted before deployment)");
  CHECK(entry(*f, "keyed")->value == nullptr);
  CHECK(entry(*f, "unclosed")->unknown_reason == "environment placeholder ${BROKEN (substituted before deployment)");
  REQUIRE(entry(*f, "dollar")->value);
}

TEST_CASE("parameter files without a $schema: the parameters object, or the bare entries") {
  auto wrapped = load(R"({"contentVersion": "1.0.0.0", "parameters": {"a": {"value": 1}, "b": {"reference": {}}}})");
  REQUIRE(wrapped);
  REQUIRE(wrapped->entries.size() == 2);
  CHECK(wrapped->entries[0].value->text == "1");
  CHECK(wrapped->entries[1].value == nullptr);

  auto bare = load(R"({"location": {"value": "westeurope"}, "sku": {"value": "B1"}})");
  REQUIRE(bare);
  REQUIRE(bare->entries.size() == 2);
  CHECK(bare->entries[1].name == "sku");
  CHECK(bare->entries[1].value->string_or_empty() == "B1");

  // With a schema, an absent "parameters" is a file with no entries.
  auto empty = load("{" + kSchema + R"(, "contentVersion": "1.0.0.0"})");
  REQUIRE(empty);
  CHECK(empty->entries.empty());
}

TEST_CASE("files that are not parameter files") {
  CHECK_FALSE(load(R"({"name": "pkg", "version": "1.0.0"})"));
  CHECK_FALSE(load("{}"));
  CHECK_FALSE(load("[1, 2]"));
  CHECK_FALSE(load(
      R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "parameters": {"a": {"value": 1}}})"));
  CHECK_FALSE(load(R"({"a": {"value": 1}, "b": 2})"));  // not every member is an entry
  CHECK_FALSE(load(R"({"parameters": {"a": {"type": "string"}}})"));
}

TEST_CASE("a malformed parameter file gives the syntax error and its position") {
  auto f =
      load("{" + kSchema + ",\n  \"parameters\": {\n    \"a\": { \"value\": 1 }\n    \"b\": { \"value\": 2 }\n  }\n}");
  REQUIRE(f);
  REQUIRE(f->syntax_error);
  const Position at = f->file->position(f->syntax_error->span.begin);
  CHECK(at.line == 4);
  CHECK(at.column == 5);
  CHECK(f->syntax_error->message.find("expected ','") != std::string::npos);
  CHECK(f->entries.empty());
  REQUIRE(f->tmpl);
  CHECK(f->tmpl->root == nullptr);
}

TEST_CASE("is_arm_parameter_file_text reads the first $schema member, of any version, scope and host") {
  CHECK(is_arm_parameter_file_text("{" + kSchema + "}"));
  CHECK(is_arm_parameter_file_text(
      R"({ "$schema" :"https://schema.management.azure.com/schemas/2015-01-01/deploymentParameters.json"})"));
  CHECK(is_arm_parameter_file_text(
      R"({"$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentParameters.json#"})"));
  CHECK(is_arm_parameter_file_text(
      R"({"$schema": "https://schema.management.chinacloudapi.cn/schemas/2019-04-01/DeploymentParameters.json#"})"));
  CHECK_FALSE(is_arm_parameter_file_text(
      R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"})"));
  CHECK_FALSE(is_arm_parameter_file_text(R"({"name": "x"})"));
  CHECK_FALSE(is_arm_parameter_file_text(R"({"$schema": "https://example.com/deploymentParameters.json.bak"})"));
  // "$schema" as a value is skipped; the member that follows decides.
  CHECK(is_arm_parameter_file_text(R"({"note": "$schema", "$schema": "x/deploymentParameters.json#"})"));
  CHECK_FALSE(is_arm_parameter_file_text(R"({"$schema": 1, "x": "deploymentParameters.json"})"));
}

TEST_CASE("is_parameter_file_name") {
  CHECK(is_parameter_file_name("main.parameters.json"));
  CHECK(is_parameter_file_name("infra/main.parameters.json"));
  CHECK(is_parameter_file_name("/x/main.parameters.dev.json"));
  CHECK(is_parameter_file_name("main.Parameters.jsonc"));
  CHECK(is_parameter_file_name("azuredeploy.parameters.json"));
  CHECK(is_parameter_file_name("azuredeploy.parameters-dev.json"));
  CHECK(is_parameter_file_name("a.b.parameters.json"));
  CHECK_FALSE(is_parameter_file_name("parameters.json"));
  CHECK_FALSE(is_parameter_file_name("main.json"));
  CHECK_FALSE(is_parameter_file_name("main.parameters.bicep"));
  CHECK_FALSE(is_parameter_file_name("main.parameters..json"));
  CHECK_FALSE(is_parameter_file_name("main.parametersfile.json"));
  CHECK_FALSE(is_parameter_file_name("main.parameters-dev.json"));
  CHECK_FALSE(is_parameter_file_name("main.parameters.json/x.bicep"));
}

TEST_CASE("paired_parameter_files: the template's name with .parameters, in its own folder") {
  test::TempDir d;
  const std::string main = d.put("main.json");
  d.put("main.parameters.json");
  d.put("main.parameters.dev.json");
  d.put("main.parameters.prod.jsonc");
  d.put("main.parametersx.json");     // not '.parameters.'
  d.put("main.parameters.txt");       // not JSON
  d.put("mainx.parameters.json");     // another template's
  d.put("other.parameters.json");     // another template's
  d.put("sub/main.parameters.json");  // another folder
  d.put("main.parameters.d.json/x");  // a folder with a parameter file's name
  CHECK(paired_parameter_files(main) == std::vector<std::string>{d.root + "/main.parameters.dev.json",
                                                                 d.root + "/main.parameters.json",
                                                                 d.root + "/main.parameters.prod.jsonc"});

  // .jsonc and .bicep templates pair the same way (azd pairs main.bicep with main.parameters.json).
  const std::string jsonc = d.put("other.jsonc");
  CHECK(paired_parameter_files(jsonc) == std::vector<std::string>{d.root + "/other.parameters.json"});
  const std::string bicep = d.put("mainx.bicep");
  CHECK(paired_parameter_files(bicep) == std::vector<std::string>{d.root + "/mainx.parameters.json"});

  // Not a template's extension, or no parameter files: nothing.
  CHECK(paired_parameter_files(d.put("main.bicepparam")).empty());
  CHECK(paired_parameter_files(d.put("lonely.json")).empty());
  CHECK(paired_parameter_files(d.root + "/missing/t.json").empty());
}

TEST_CASE("paired_parameter_files: azuredeploy.json takes azuredeploy.parameters*.json, never itself") {
  test::TempDir d;
  const std::string t = d.put("azuredeploy.json");
  d.put("azuredeploy.parameters.json");
  d.put("azuredeploy.parameters-dev.json");
  d.put("azuredeploy.parameters.prod.json");
  d.put("azuredeploy.json.bak");
  CHECK(paired_parameter_files(t) == std::vector<std::string>{d.root + "/azuredeploy.parameters-dev.json",
                                                              d.root + "/azuredeploy.parameters.json",
                                                              d.root + "/azuredeploy.parameters.prod.json"});
  // A parameter-named template is not its own pair.
  const std::string odd = d.put("azuredeploy.parameters.x.json");
  for (const std::string& p : paired_parameter_files(odd)) CHECK(p != odd);
}
