// One kind of input file behind one interface: recognising it, loading it into the model, pairing
// it with its parameter values and loading its base version. lint.cpp runs one pipeline over them.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/collect.h"
#include "engine/deployment.h"
#include "engine/lint.h"
#include "load/base_version.h"
#include "load/json_reader.h"
#include "load/parameter_file.h"

namespace idlint {

// What a file is linted as: the template the rules check, and the parameter sets paired with it.
struct Pairing {
  const Template* tmpl = nullptr;  // null: no template to check (a .bicepparam names none, or it could not be read)
  std::vector<ParameterSet> sets;  // each checked as a deployment of tmpl
  bool report_defaults = true;     // tmpl on its own defaults is reported too (false: only what the sets add)
  // The ARM parameter files the sets were read from: their directives suppress findings too.
  std::vector<ParameterFile> parameter_files;
  bool complete = true;        // false: the values could not be checked, so findings may be missing
  std::vector<Finding> notes;  // about the pairing itself (IDL901: the values are not checked)
};

// A base version of a file as a template.
struct LoadedBase {
  std::unique_ptr<Template> tmpl;
  std::optional<SyntaxError> error;  // the first syntax error
  bool is_template = true;           // false: JSON that is neither a template nor a deployed resource
};

class InputDriver {
 public:
  virtual ~InputDriver() = default;
  // Whether path names this kind of file.
  virtual bool recognises(std::string_view path) const = 0;
  // True for a file of parameter values: its directives reach the findings its values cause.
  virtual bool is_parameter_file() const { return false; }
  // Why a file met in a folder walk is left out, judged from its text before it is loaded (empty: it is loaded).
  virtual std::string skip_in_walk(std::string_view /*text*/) const { return {}; }
  // The file as a model; its syntax errors go into result (status SyntaxError). Null when it is not
  // linted: result says why.
  virtual std::unique_ptr<Template> load(const std::shared_ptr<const SourceFile>& file, bool explicitly_named,
                                         FileResult& result) const = 0;
  // The template to check and the parameter sets to check it with; notes on unusable parameter
  // files go into result.
  virtual Pairing pair(const Template& own, const RuleSelection& rules, const LintOptions& options,
                       ModuleLoader& modules, FileResult& result) const = 0;
  // The transition rules' findings: the paired deployments compared with those of the file's base
  // version (--base, --base-file). Nothing when no base was compared; why not goes into result.
  virtual std::optional<std::vector<Finding>> compare_with_base(const Template& own, const Pairing& pairing,
                                                                const RuleSelection& rules, const LintOptions& options,
                                                                ModuleLoader& modules, FileResult& result) const = 0;
  // A base version of this kind of file as a template.
  virtual LoadedBase load_base(const std::shared_ptr<const SourceFile>& file) const = 0;
};

const InputDriver& arm_json_driver();
const InputDriver& bicep_driver();
const InputDriver& bicepparam_driver();
// The driver of the file at path (ARM JSON for any file no other driver recognises).
const InputDriver& driver_for(std::string_view path);

// A base version's text as a template (Bicep, ARM JSON, a deployed resource's JSON) or, when
// params_file, as a .bicepparam. Null, with a note or base_error in result, when it does not parse
// or is no template: nothing is compared then.
std::unique_ptr<Template> load_base_version(BaseText& b, const LintOptions& options, FileResult& result,
                                            bool params_file = false);

// Bicep and .bicepparam files (params_file): loaded by one parser, which resumes after a syntax error.
std::unique_ptr<Template> load_bicep_file(const std::shared_ptr<const SourceFile>& file, bool params_file,
                                          FileResult& result);
LoadedBase load_bicep_base(const std::shared_ptr<const SourceFile>& file, bool params_file);

// A syntax error as an IDL900 finding.
Finding syntax_finding(const std::shared_ptr<const SourceFile>& file, const SyntaxError& e);
// How messages name a parameter source: "parameter file 'main.parameters.json'".
std::string parameter_file_label(const std::string& path);
std::string module_cache(const LintOptions& options);

}  // namespace idlint
