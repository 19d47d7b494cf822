// Linting one file: load it, run the enabled rules over every resource under every binding, and
// return its findings with positions resolved.
#pragma once
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "expr/budget.h"
#include "load/base_version.h"
#include "model/finding.h"
#include "rules/rule.h"

namespace idlint {

struct RuleSelection {
  std::vector<const RuleInfo*> rules;  // the rules to run (IDL900 is raised whenever a file does not parse)
  // Messages about a Bicep file show values as written there (`uami.id`); false: as evaluated, the
  // way an ARM JSON template's are shown (the fixture tests compare a Bicep twin with its JSON so).
  bool bicep_values_as_written = true;
  bool enabled(const RuleInfo& rule) const;
  static RuleSelection defaults();
};

struct FileResult {
  std::string path;
  enum class Status { Linted, Skipped, SyntaxError, ReadError } status = Status::Linted;
  std::string error;                      // ReadError: why the file could not be read; Skipped: why it was not linted
  std::vector<ResolvedFinding> findings;  // sorted by line, column, rule id
  std::vector<std::string> notes;         // said on standard error: a parameter file that could not be used
  std::string base_error;                 // --base: the base version could not be read (an error, exit 2)
  bool parameter_file = false;            // Skipped: an ARM parameter file (linted with its template)
  // Skipped in a folder walk: a template the Bicep compiler wrote from the .bicep file beside it,
  // which is linted instead (this is that file's path).
  std::string compiled_from;
  EvalCost cost;                          // what evaluating it took of its budget
  // Bicep: the local modules this file calls, each with the parameters the call gives (a module's
  // parameter contracts that every call in the run keeps are not reported in the module).
  struct ModuleCallSite {
    std::string written;               // the module path as written in the call (resolved only when needed)
    std::vector<std::string> params;   // the argument names written in the call
    bool params_known = true;          // false: params is not an object literal
  };
  std::vector<ModuleCallSite> local_calls;
};

// Where values come from besides the template itself.
struct LintOptions {
  // --parameters: parameter files for the template (replacing the files paired with it by name).
  std::vector<std::string> parameter_files;
  bool pair_parameter_files = true;  // X.json is linted with X.parameters*.json beside it
  std::string module_cache;          // the Bicep module cache (empty: the default under $HOME)
  bool follow_modules = true;        // read the files module calls name
  // --base / --base-file: where each file's base version is read for the transition rules (null: none).
  std::shared_ptr<BaseSource> base;
  // What evaluating one file may cost (README "Limits").
  EvalLimits limits;
};

// explicitly_named: the user named this file, so a non-template is reported as skipped rather than
// silently ignored, and a syntax error is reported even when the file does not look like a template.
FileResult lint_file(const std::string& path, bool explicitly_named, const RuleSelection& rules,
                     const LintOptions& options = {});
FileResult lint_text(const std::string& path, std::string text, bool explicitly_named, const RuleSelection& rules,
                     const LintOptions& options = {});

// Runs the rules on a loaded template (and its nested templates); used by lint_text and the tests.
struct Template;
std::vector<Finding> check_template(const Template& t, const RuleSelection& rules);

ResolvedFinding resolve(const Finding& f);

}  // namespace idlint
