// Loads a Bicep file (.bicep, .bicepparam) into the format-neutral model: the parser's syntax tree is
// lowered into the same value tree and expression IR that ARM JSON produces.
#pragma once
#include <memory>
#include <vector>

#include "load/json_reader.h"
#include "model/template.h"

namespace idlint {

struct BicepLoadResult {
  // The declarations that parsed (set even when there are syntax errors: parsing resumes after one).
  std::unique_ptr<Template> tmpl;
  std::vector<SyntaxError> syntax_errors;
};

// params_file: a .bicepparam (parameter values for a template; it declares no resources).
BicepLoadResult load_bicep(const std::shared_ptr<const SourceFile>& file, bool params_file);

bool is_bicep_path(std::string_view path);
bool is_bicepparam_path(std::string_view path);

}  // namespace idlint
