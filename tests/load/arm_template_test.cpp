// The ARM loader: parameters, variables, resource forms, child resources and nested deployments.
#include <doctest/doctest.h>

#include "load/arm_template.h"

using namespace idlint;

namespace {
ArmLoadResult load(const std::string& text) {
  return load_arm_template(std::make_shared<const SourceFile>("t.json", text));
}
const std::string kSchema =
    R"("$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#")";
}  // namespace

TEST_CASE("only deploymentTemplate schemas are templates") {
  CHECK(load(R"({"name": "pkg", "version": "1.0.0"})").is_template == false);
  CHECK(load(R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"})")
            .is_template == false);
  CHECK(load("{" + kSchema + "}").is_template);
  CHECK(is_deployment_template_schema(
      "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"));
  CHECK(may_be_deployment_template("... DeploymentTemplate.json ..."));
  CHECK_FALSE(may_be_deployment_template(R"({"name": "x"})"));
}

TEST_CASE("parameters and variables") {
  ArmLoadResult r = load("{" + kSchema + R"(, "parameters": {
    "a": {"type": "string", "defaultValue": "x", "allowedValues": ["x", "y"]},
    "b": {"type": "bool"}},
    "variables": {"v": "[parameters('a')]"}})");
  REQUIRE(r.tmpl);
  REQUIRE(r.tmpl->parameters.size() == 2);
  CHECK(r.tmpl->find_parameter("A")->allowed_values->size == 2);
  CHECK(r.tmpl->find_parameter("b")->is_bool());
  CHECK(r.tmpl->find_parameter("b")->default_value == nullptr);
  CHECK(r.tmpl->find_variable("V") != nullptr);
}

TEST_CASE("child resources compose their type; symbolic resources keep their name") {
  ArmLoadResult r = load("{" + kSchema + R"(, "resources": [
    {"type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01", "name": "pg",
     "resources": [{"type": "databases", "apiVersion": "2024-08-01", "name": "db"}]}]})");
  REQUIRE(r.tmpl);
  REQUIRE(r.tmpl->resources.size() == 2);
  CHECK(r.tmpl->resources[1].full_type == "Microsoft.DBforPostgreSQL/flexibleServers/databases");
  CHECK(r.tmpl->resources[1].full_name() == "pg/db");
  CHECK(r.tmpl->resources[1].parent == &r.tmpl->resources[0]);

  ArmLoadResult s = load("{" + kSchema + R"(, "languageVersion": "2.0", "resources": {
    "server": {"type": "Microsoft.DBforMySQL/flexibleServers", "apiVersion": "2023-12-30", "name": "m"},
    "kv": {"existing": true, "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv"}}})");
  REQUIRE(s.tmpl);
  REQUIRE(s.tmpl->resources.size() == 1);  // existing resources are not deployed
  CHECK(s.tmpl->resources[0].symbolic_name == "server");
}

TEST_CASE("inline nested deployments become nested templates with their scope") {
  ArmLoadResult r = load("{" + kSchema + R"(, "resources": [
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "inner",
     "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"},
       "parameters": {"passed": {"value": "x"}},
       "template": {)" + kSchema +
                         R"(, "parameters": {"passed": {"type": "string", "defaultValue": "d"},
                                                     "kept": {"type": "string", "defaultValue": "k"}},
         "resources": [{"type": "Microsoft.DBforMySQL/flexibleServers", "apiVersion": "2023-12-30", "name": "m"}]}}}]})");
  REQUIRE(r.tmpl);
  REQUIRE(r.tmpl->nested.size() == 1);
  const Template& inner = *r.tmpl->nested[0];
  CHECK_FALSE(inner.outer_scope);
  CHECK(inner.find_parameter("passed")->passed_by_caller);
  CHECK_FALSE(inner.find_parameter("kept")->passed_by_caller);
  CHECK(inner.resources.size() == 1);
}

TEST_CASE("copy loops: count, name and copyIndex; in deployments too") {
  ArmLoadResult r = load("{" + kSchema + R"(, "resources": [
    {"type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2023-01-31",
     "name": "[concat('u', copyIndex())]", "copy": {"name": "uamis", "count": "[length(parameters('names'))]"}},
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "[format('d{0}', copyIndex())]",
     "copy": {"name": "deploys", "count": 2, "mode": "Serial"}, "properties": {"mode": "Incremental"}},
    {"type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2023-01-31", "name": "single"}]})");
  REQUIRE(r.tmpl);
  const std::vector<Resource>& res = r.tmpl->resources;
  REQUIRE(res.size() == 3);
  CHECK(res[0].loop.loops());
  CHECK(res[0].loop.arm_copy);
  CHECK(res[0].loop.item == "uamis");
  CHECK(res[0].loop.index.empty());
  REQUIRE(res[0].loop.source->is_expr());
  CHECK(res[0].loop.source->text == "length(parameters('names'))");
  CHECK(res[0].copy->find("count") == res[0].loop.source);
  CHECK(res[1].loop.item == "deploys");
  CHECK(res[1].loop.source->text == "2");
  CHECK(res[1].loop.arm_copy);
  CHECK_FALSE(res[2].loop.loops());
  CHECK_FALSE(res[2].loop.arm_copy);
}

TEST_CASE("outputs, of nested templates too") {
  ArmLoadResult r = load("{" + kSchema + R"(, "outputs": {
      "principalId": {"type": "string", "value": "[reference('u').principalId]"},
      "names": {"type": "array", "copy": {"count": 2, "input": "[copyIndex()]"}}},
    "resources": [
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "inner",
     "properties": {"mode": "Incremental", "template": {)" + kSchema +
                         R"(, "outputs": {"inner": {"type": "int", "value": 1}}}}}]})");
  REQUIRE(r.tmpl);
  const std::vector<Output>& o = r.tmpl->outputs;
  REQUIRE(o.size() == 2);
  CHECK(o[0].name == "principalId");
  CHECK(r.tmpl->file->text().substr(o[0].name_span.begin, o[0].name_span.end - o[0].name_span.begin) ==
        "\"principalId\"");
  REQUIRE(o[0].value);
  CHECK(o[0].value->text == "reference('u').principalId");
  CHECK(o[1].name == "names");
  CHECK(o[1].value == nullptr);  // an output loop has no single value
  REQUIRE(r.tmpl->nested.size() == 1);
  const std::vector<Output>& inner = r.tmpl->nested[0]->outputs;
  REQUIRE(inner.size() == 1);
  CHECK(inner[0].name == "inner");
  CHECK(inner[0].value->text == "1");
}

TEST_CASE("a deployed resource's JSON is one resource; flattened properties are read as nested ones") {
  const std::string envelope =
      R"("id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg",
         "name": "pg", "type": "Microsoft.DBforPostgreSQL/flexibleServers", "location": "West Europe",
         "identity": {"type": "UserAssigned"}, "sku": {"name": "Standard_B1ms"}, "resourceGroup": "g")";
  // az resource show, REST GET
  ArmLoadResult nested = load("{" + envelope + R"(, "properties": {"dataEncryption": {"type": "AzureKeyVault"}}})");
  REQUIRE(nested.tmpl);
  CHECK(nested.tmpl->live_resource);
  REQUIRE(nested.tmpl->resources.size() == 1);
  const Value* props = nested.tmpl->resources[0].body->find("properties");
  REQUIRE(props);
  CHECK(props->find("dataEncryption"));
  // az postgres flexible-server show
  ArmLoadResult flat =
      load("{" + envelope + R"(, "dataEncryption": {"type": "AzureKeyVault"}, "version": "16", "state": "Ready"})");
  REQUIRE(flat.tmpl);
  CHECK(flat.tmpl->live_resource);
  REQUIRE(flat.tmpl->resources.size() == 1);
  const Resource& r = flat.tmpl->resources[0];
  CHECK(r.full_type == "Microsoft.DBforPostgreSQL/flexibleServers");
  props = r.body->find("properties");
  REQUIRE(props);
  CHECK(props->size == 3);
  REQUIRE(props->find("dataEncryption"));
  CHECK(props->find("dataEncryption")->find("type")->text == "AzureKeyVault");
  CHECK(r.body->find("identity"));
  CHECK(r.body->find("sku"));
  CHECK_FALSE(r.body->find("dataEncryption"));
}

TEST_CASE("idlint-disable-next-line comments are read; comment markers inside strings are not comments") {
  ArmLoadResult r = load("{" + kSchema + R"(,
  "resources": [
    {
      "type": "A.B/c", "apiVersion": "2020-01-01", "name": "// idlint-disable-next-line IDL001",
      // idlint-disable-next-line IDL001 IDL002 -- the old server
      // idlint-disable-next-line IDL003
      "identity": { "type": "SystemAssigned" }, // idlint-disable-next-line
      /* idlint-disable-next-line IDL004 */
      "location": "x"
    }
  ]
})");
  REQUIRE(r.tmpl);
  const std::vector<DisableDirective>& d = r.tmpl->disable_next_line;
  REQUIRE(d.size() == 3);
  CHECK(d[0].form == DisableDirective::Form::Idlint);
  CHECK(d[0].line == 5);
  CHECK(d[0].target_line == 7);  // stacked directives cover the same line
  REQUIRE(d[0].codes.size() == 2);
  CHECK(d[0].codes[1].text == "IDL002");
  const std::string_view text = r.tmpl->file->text();
  CHECK(text.substr(d[0].codes[1].span.begin, 6) == "IDL002");
  CHECK(d[0].reason == "the old server");
  CHECK(d[1].target_line == 7);
  CHECK(d[1].reason.empty());
  // A trailing directive applies to the next line; naming nothing, it suppresses nothing. Block
  // comments are not directives.
  CHECK(d[2].line == 7);
  CHECK(d[2].target_line == 8);
  CHECK(d[2].codes.empty());
}
