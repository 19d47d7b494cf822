// The lint pipeline, the same for every kind of input: read the file, pick its driver, load it,
// check its template under every parameter binding, resolve the findings, apply suppressions.
#include "engine/lint.h"

#include <algorithm>
#include <optional>

#include "engine/drivers/input_driver.h"
#include "engine/lint_deployments.h"
#include "engine/resolve.h"
#include "engine/suppressions.h"
#include "load/arm_template.h"
#include "load/bicep_template.h"
#include "load/file_reader.h"
#include "load/module_path.h"

namespace idlint {

bool RuleSelection::enabled(const RuleInfo& rule) const {
  return std::find(rules.begin(), rules.end(), &rule) != rules.end();
}

RuleSelection RuleSelection::defaults() {
  RuleSelection s;
  for (const RuleInfo* r : all_rules()) {
    if (r->enabled_by_default) s.rules.push_back(r);
  }
  return s;
}

std::vector<Finding> check_template(const Template& t, const RuleSelection& rules) {
  ModuleLoader modules(default_module_cache_dir());
  return lint_deployments(t, {}, rules, modules, true);
}

namespace {

// The modules a Bicep file calls, with the argument names each call writes. Paths are resolved
// later, and only when a finding needs it (resolving every call of every file costs 7% of a run).
std::vector<FileResult::ModuleCallSite> module_call_sites(const Template& t) {
  std::vector<FileResult::ModuleCallSite> calls;
  for (const ModuleCall& m : t.modules) {
    FileResult::ModuleCallSite site;
    site.written = std::string(m.path);
    if (m.params && m.params->is_object()) {
      for (uint32_t i = 0; i < m.params->size; ++i) {
        const Value* key = m.params->members[i].key;
        if (key->is_string()) site.params.emplace_back(key->text);
      }
    } else {
      site.params_known = m.params == nullptr;  // no params at all: none given
    }
    calls.push_back(std::move(site));
  }
  return calls;
}

// The directives that may suppress a file's findings: the checked template's first, then those of
// the parameter sources, which also cover the findings with a related location on their line (the
// value that causes them).
struct Directives {
  Suppressions own;
  std::optional<Suppressions> checked_template;  // a .bicepparam's template's
  std::vector<Suppressions> parameter_files;
  std::vector<Suppressions*> all;  // in the order they are tried

  Directives(const Template& file, bool is_parameter_file, const Pairing& pairing)
      : own(file, is_parameter_file ? Suppressions::Reach::Related : Suppressions::Reach::Primary) {
    if (pairing.tmpl && pairing.tmpl != &file) checked_template.emplace(*pairing.tmpl);
    parameter_files.reserve(pairing.parameter_files.size());
    for (const ParameterFile& f : pairing.parameter_files)
      parameter_files.emplace_back(*f.tmpl, Suppressions::Reach::Related);
    if (checked_template) all.push_back(&*checked_template);
    all.push_back(&own);
    for (Suppressions& s : parameter_files) all.push_back(&s);
  }

  // IDL902 for the parameter files' directives, then the file's own (the checked template's
  // directives, when it is another file, are reported where it is linted). unchecked: the own
  // directives' lines whose findings are not known.
  void add_unused(FileResult& result, const RuleSelection& rules, const std::vector<Span>& unchecked,
                  bool compared) const {
    for (const Suppressions& s : parameter_files) add_findings(result, s.unused(rules, {}, compared));
    add_findings(result, own.unused(rules, unchecked, compared));
  }
};

FileResult lint_text_within_budget(const std::string& path, std::string text, bool explicitly_named,
                                   const RuleSelection& rules, const LintOptions& options) {
  FileResult result;
  result.path = path;
  const InputDriver& driver = driver_for(path);
  if (!explicitly_named) {
    result.error = driver.skip_in_walk(text);
    if (!result.error.empty()) {
      result.status = FileResult::Status::Skipped;
      return result;
    }
  }
  auto file = std::make_shared<const SourceFile>(path, std::move(text));
  const std::unique_ptr<Template> own = driver.load(file, explicitly_named, result);
  if (!own) return result;
  // After a syntax error the findings are incomplete: a suppression may be unused only seemingly.
  const bool parsed = result.status != FileResult::Status::SyntaxError;

  ModuleLoader modules(module_cache(options), options.follow_modules);
  const Pairing pairing = driver.pair(*own, rules, options, modules, result);

  Directives directives(*own, driver.is_parameter_file(), pairing);
  add_findings(result, pairing.notes, directives.all);
  std::vector<Span> unfollowed;  // module calls whose findings are not known
  if (pairing.tmpl) {
    add_findings(result,
                 lint_deployments(*pairing.tmpl, pairing.sets, rules, modules, pairing.report_defaults, &unfollowed),
                 directives.all);
  }
  const std::optional<std::vector<Finding>> transitions =
      driver.compare_with_base(*own, pairing, rules, options, modules, result);
  if (transitions) add_findings(result, *transitions, directives.all);

  // IDL902: the directives that covered nothing, when every finding is known.
  if (parsed && pairing.complete) {
    directives.add_unused(result, rules, pairing.tmpl == own.get() ? unfollowed : std::vector<Span>{},
                          transitions.has_value());
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_order);
  result.local_calls = module_call_sites(*own);
  return result;
}

}  // namespace

FileResult lint_text(const std::string& path, std::string text, bool explicitly_named, const RuleSelection& rules,
                     const LintOptions& options) {
  // One budget for everything evaluated for this file: its parameter files, modules, base version.
  EvalBudget budget(options.limits);
  const EvalBudget::Scope budget_scope(budget);
  FileResult result = lint_text_within_budget(path, std::move(text), explicitly_named, rules, options);
  result.cost = EvalCost{budget.bytes(), budget.steps(), budget.iterations(), budget.checks()};
  if (!budget.checks_reason().empty()) {
    result.notes.push_back("checked in part: " + budget.checks_reason() +
                           "; the resources after that were checked with their parameters' defaults only");
  }
  if (budget.exhausted()) {
    result.notes.push_back("evaluation stopped early: " + budget.reason() +
                           "; the expressions it did not reach are unknown, and not checked (--explain-unknown "
                           "lists them)");
  }
  return result;
}

FileResult lint_file(const std::string& path, bool explicitly_named, const RuleSelection& rules,
                     const LintOptions& options) {
  // The start of a file over the limit tells a template (an error) from JSON data met in a walk.
  FileRead read = read_input_file(path, kMaxInputSize, size_t{64} << 10);
  if (!read.ok()) {
    FileResult r;
    r.path = path;
    r.status = FileResult::Status::ReadError;
    r.error = read.error;
    if (read.status == FileRead::Status::TooLarge) {
      const bool bicep = is_bicep_path(path) || is_bicepparam_path(path);
      if (!explicitly_named && !bicep && !may_be_deployment_template(read.text)) {
        r.status = FileResult::Status::Skipped;
        r.error.clear();
        return r;
      }
      r.error += "; Azure Resource Manager accepts templates up to 4 MB";
    }
    return r;
  }
  std::string text = std::move(read.text);
  try {
    return lint_text(path, std::move(text), explicitly_named, rules, options);
  } catch (const std::exception& e) {
    // A bug must not stop the other files from being linted.
    FileResult r;
    r.path = path;
    r.status = FileResult::Status::ReadError;
    r.error = std::string("internal error while linting (please report this): ") + e.what();
    return r;
  }
}

}  // namespace idlint
