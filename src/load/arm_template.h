// Loads an ARM JSON deployment template into the format-neutral model.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "load/json_reader.h"
#include "model/template.h"

namespace idlint {

struct ArmLoadResult {
  std::unique_ptr<Template> tmpl;  // set when the file parsed and is a deployment template
  std::optional<SyntaxError> syntax_error;
  bool parsed = false;       // the JSON was read
  bool is_template = false;  // its $schema names a deployment template, or it is a deployed resource's JSON
};

// True for the deploymentTemplate schemas of every scope (resource group, subscription, ...).
bool is_deployment_template_schema(std::string_view schema);

// A quick look at raw bytes: could this file be a deployment template? Lets a directory walk skip
// other JSON (package.json, data files) without parsing it.
bool may_be_deployment_template(std::string_view text);

ArmLoadResult load_arm_template(const std::shared_ptr<const SourceFile>& file);

// Adds to t (loaded from another format) the ARM templates embedded in its deployments resources
// (properties.template), whose Expr values hold ARM expression text: t.nested, parsed lazily.
void add_nested_arm_templates(Template& t);

}  // namespace idlint
