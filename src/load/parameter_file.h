// ARM parameter files (deploymentParameters.json): the values a deployment passes to a template's
// parameters, and which parameter files go with a template by name.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/json_reader.h"
#include "model/template.h"

namespace idlint {

struct ParameterFileEntry {
  std::string_view name;  // the key in "parameters"
  Span name_span;
  const Value* value = nullptr;  // the "value" member; null when the value is not given literally
  std::string unknown_reason;    // set when value is null: e.g. "a Key Vault secret reference (read at deployment)"
  Span span;                     // the entry's value (the whole {"value": …} or {"reference": …} object)
};

struct ParameterFile {
  std::shared_ptr<const SourceFile> file;
  // Owns the arena and the values (file, arena and root are set; root is null after a syntax error).
  // Its expression source refuses every value: a parameter file's values are literal.
  std::unique_ptr<Template> tmpl;
  std::vector<ParameterFileEntry> entries;  // in file order
  std::optional<SyntaxError> syntax_error;  // malformed JSON: position and message as for templates
};

// True for the deploymentParameters schemas of every scope and version (the name may end in '#').
bool is_deployment_parameters_schema(std::string_view schema);

// A quick look at raw bytes: is the first "$schema" member a deploymentParameters schema? Lets a
// directory walk set parameter files aside without parsing them.
bool is_arm_parameter_file_text(std::string_view text);

// Loads a parameter file: one with a deploymentParameters $schema, or a bare object of
// {"value": …} / {"reference": …} entries (what the Azure CLI also accepts). Returns nullopt when the
// JSON is valid but is neither; a result with syntax_error when the JSON is malformed.
std::optional<ParameterFile> load_arm_parameter_file(std::shared_ptr<const SourceFile> file);

// The parameter files that go with a template by name, existing in its directory, sorted, never the
// template itself. For X.json, X.jsonc or X.bicep: X.parameters.json and X.parameters.*.json (each
// also as .jsonc); for azuredeploy.json also azuredeploy.parameters*.json (as the quickstarts name them).
std::vector<std::string> paired_parameter_files(const std::string& template_path);

// The other way round: the templates beside a parameter file that it pairs with by name (X.json,
// X.jsonc, X.bicep for X.parameters*.json), existing, sorted. Names are matched as written (a
// case-insensitive file system may pair more than this finds).
std::vector<std::string> templates_paired_with(const std::string& parameter_file_path);

// True when a path's file name marks it as a parameter file: *.parameters.json, *.parameters.*.json,
// azuredeploy.parameters*.json (and the same with .jsonc).
bool is_parameter_file_name(std::string_view path);

}  // namespace idlint
