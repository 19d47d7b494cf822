// The lint driver: file → model → bindings → rules → deduplicated, sorted findings.
#include "engine/lint.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "engine/bindings.h"
#include "engine/collect.h"
#include "engine/deployment.h"
#include "engine/suppressions.h"
#include "engine/transition.h"
#include "load/arm_template.h"
#include "load/bicep_template.h"
#include "load/file_reader.h"
#include "load/module_path.h"
#include "load/parameter_file.h"
#include "rules/check.h"

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

namespace {

class DeploymentChecker {
 public:
  DeploymentChecker(const RuleSelection& rules, ModuleLoader& modules) : rules_(rules), modules_(modules) {}

  // Checks every resource instance. raw_keys collects what the rules produced; a finding whose raw
  // key is in drop is left out (already reported by a run it would repeat).
  void check(const Deployment& d, Collector& collector, std::set<std::string>* raw_keys,
             const std::set<std::string>* drop) {
    SharedValues shared;
    shared.varying_template = d.root().tmpl;
    shared.any_varying = d.root().free;
    for (const Instance& inst : d.instances()) {
      const Resource& resource = *inst.resource;
      if (!worth_checking(resource)) continue;
      const Frame* call = top_module_call(inst.frame);
      // Each module on the way (main → mid → leaf), linted on its own, reports what its defaults
      // cause; the outermost call adds only the rest, once.
      std::vector<const std::set<std::string>*> modules_alone;
      for (const Frame* f = inst.frame; f; f = f->parent) {
        if (f->kind == Frame::Kind::Call && f->module) modules_alone.push_back(&alone_keys(*f->tmpl));
      }
      const ResourceCheck::Sink sink = [&](Finding&& f, BindingNote&& binding) {
        const std::string key = raw_key(f);
        if (raw_keys) raw_keys->insert(key);
        if (drop && drop->count(key)) return;
        if (call) {
          for (const std::set<std::string>* alone : modules_alone) {
            if (alone->count(key)) return;
          }
          move_to_call_site(f, *call);
        }
        collector.add(std::move(f), std::move(binding));
      };
      const ResourceBindings rb = enumerate_bindings(resource, inst.frame);
      for (const Binding& binding : rb.bindings) {
        Evaluator evaluator(binding, &shared, inst.frame);
        // Past the file's budget of checks, the first binding (the defaults) alone.
        const bool last = !evaluator.charge_check();
        if (deployed(evaluator, inst)) {
          ResourceCheck check(resource, evaluator, binding, rb.varying, sink, rules_.bicep_values_as_written);
          for (const RuleInfo* rule : rules_.rules) {
            if (!rule->check) continue;
            check.begin_rule();
            try {
              rule->check(check);
            } catch (const std::exception& e) {
              // A rule's bug must not hide the other rules' findings: report it and go on.
              collector.add(rule_failure(*rule, resource, e), BindingNote{});
            }
          }
        }
        if (last) break;
      }
    }
  }

  // What a module template reports when linted on its own (its raw keys), computed once.
  const std::set<std::string>& alone_keys(const Template& module) {
    auto [it, inserted] = alone_.try_emplace(&module);
    if (inserted) {
      Frame root;
      root.tmpl = &module;
      const Deployment d(std::move(root), &modules_);
      Collector ignored;
      std::set<std::string> keys;
      check(d, ignored, &keys, nullptr);
      it->second = std::move(keys);
    }
    return it->second;
  }

 private:
  const RuleSelection& rules_;
  ModuleLoader& modules_;
  std::map<const Template*, std::set<std::string>> alone_;
};

// Lints a template once on its own defaults and allowed values (when report_defaults), then once
// per parameter set; a finding only a parameter set produces names it. Identical findings are
// reported once. unfollowed receives the spans of t's module calls that could not be followed.
// The frame of a linted template: on its own (parameters vary over their candidates), or deployed
// with a parameter set.
Frame root_frame(const Template& t, const ParameterSet* set) {
  Frame root;
  root.tmpl = &t;
  if (!set) return root;
  root.free = false;
  root.caller_tmpl = set->tmpl;
  root.arg_kind = Origin::Kind::ParameterFile;
  root.args = set->args;
  root.label = set->label;
  return root;
}

std::vector<Finding> lint_deployments(const Template& t, const std::vector<ParameterSet>& sets,
                                      const RuleSelection& rules, ModuleLoader& modules, bool report_defaults,
                                      std::vector<Span>* unfollowed = nullptr) {
  DeploymentChecker checker(rules, modules);
  std::set<std::string> default_keys;
  std::vector<Finding> out;
  {
    Frame root;
    root.tmpl = &t;
    const Deployment d(std::move(root), &modules);
    Collector collector;
    checker.check(d, collector, &default_keys, nullptr);
    if (unfollowed) {
      for (const Deployment::Note& n : d.notes()) {
        if (n.caller == &t) unfollowed->push_back(n.module->span);
      }
    }
    const RuleInfo* explain = find_rule("IDL901");
    if (report_defaults && explain && rules.enabled(*explain)) {
      for (const Deployment::Note& n : d.notes()) {
        if (n.caller != &t) continue;  // a module's own calls are explained when it is linted
        Finding f;
        f.rule = explain;
        f.level = explain->level;
        f.primary = Location{t.file, n.module->path_span, {}};
        f.message = "module '" + std::string(n.module->symbolic_name) +
                    "' is not followed, so its arguments are not checked: " + n.reason;
        f.logical = "module:" + std::string(n.module->symbolic_name);
        collector.add(std::move(f), BindingNote{});
      }
    }
    if (report_defaults) out = collector.take();
  }
  struct Extra {
    Finding finding;
    std::vector<std::string> labels;
  };
  std::vector<Extra> extras;
  for (const ParameterSet& set : sets) {
    const Deployment d(root_frame(t, &set), &modules);
    Collector collector;
    checker.check(d, collector, nullptr, &default_keys);
    for (Finding& f : collector.take()) {
      for (const Frame::Argument& a : d.root().args) {
        if (depends_on(f, t, a.name)) {
          add_related(f, Location{set.tmpl->file, a.span,
                                  "parameter '" + std::string(a.name) + "' is set here, in " + set.label});
        }
      }
      auto same = std::find_if(extras.begin(), extras.end(), [&](const Extra& e) {
        return e.finding.rule == f.rule && same_span(e.finding.primary, f.primary) && e.finding.message == f.message;
      });
      if (same != extras.end()) {
        same->labels.push_back(set.label);
        for (Location& l : f.related) add_related(same->finding, std::move(l));
      } else {
        extras.push_back(Extra{std::move(f), {set.label}});
      }
    }
  }
  for (Extra& e : extras) {
    std::string with;
    for (size_t i = 0; i < e.labels.size(); ++i) with += (i ? ", " : "") + e.labels[i];
    e.finding.message += " (with " + with + ")";
    out.push_back(std::move(e.finding));
  }
  return out;
}

namespace {
// A message (or related location's, or justification) never runs past this: values are quoted
// cut to 200 characters already, and names, paths and reasons written in a template are bounded
// here, in every format.
constexpr size_t kMaxMessageChars = 1000;
}  // namespace

ResolvedLocation resolve_location(const Location& l) {
  ResolvedLocation r;
  r.path = l.file->path();
  r.range = l.file->range(l.span);
  r.message = shortened(l.message, kMaxMessageChars);
  const std::string_view line = l.file->line_text(r.range.start.line);
  // Keep a window of the line: enough context before the position, and a bounded length.
  constexpr uint32_t kBefore = 60;
  constexpr uint32_t kWidth = 200;
  if (count_code_points(line) <= kWidth) {
    r.line_text = std::string(line);
    return r;
  }
  r.first_column = r.range.start.column > kBefore ? r.range.start.column - kBefore : 1;
  uint32_t column = 1;
  size_t begin = line.size();
  size_t end = line.size();
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;  // inside a character
    if (column == r.first_column) begin = i;
    if (column == r.first_column + kWidth) {
      end = i;
      break;
    }
    ++column;
  }
  r.line_text = std::string(line.substr(begin, end - begin));
  r.truncated_end = end < line.size();
  return r;
}

bool finding_order(const ResolvedFinding& a, const ResolvedFinding& b) {
  if (a.primary.range.start.line != b.primary.range.start.line) {
    return a.primary.range.start.line < b.primary.range.start.line;
  }
  if (a.primary.range.start.column != b.primary.range.start.column) {
    return a.primary.range.start.column < b.primary.range.start.column;
  }
  if (a.rule->id != b.rule->id) return a.rule->id < b.rule->id;
  return a.message < b.message;
}

}  // namespace

ResolvedFinding resolve(const Finding& f) {
  ResolvedFinding r;
  r.rule = f.rule;
  r.level = f.level;
  r.message = shortened(f.message, kMaxMessageChars);
  r.help = shortened(f.help, kMaxMessageChars);
  r.logical = f.logical;
  r.contract = f.contract;
  r.primary = resolve_location(f.primary);
  for (const Location& l : f.related) r.related.push_back(resolve_location(l));
  return r;
}

std::vector<Finding> check_template(const Template& t, const RuleSelection& rules) {
  ModuleLoader modules(default_module_cache_dir());
  return lint_deployments(t, {}, rules, modules, true);
}

namespace {

// Resolves findings into result, each with the first suppression that covers it (every one that
// covers it counts as used).
void add_findings(FileResult& result, const std::vector<Finding>& findings,
                  const std::vector<Suppressions*>& suppressions = {}) {
  for (const Finding& f : findings) {
    ResolvedFinding r = resolve(f);
    for (Suppressions* s : suppressions) {
      std::optional<Suppressions::Cover> cover = s->cover(f);
      if (cover && !r.suppression) {
        r.suppression = ResolvedFinding::Suppression{resolve_location(cover->where),
                                                     shortened(cover->justification, kMaxMessageChars)};
      }
    }
    result.findings.push_back(std::move(r));
  }
}

// The template's own suppressions and those of its ARM parameter files: a directive in a
// parameter file covers the findings with a related location on the line it covers (the value
// that causes them).
struct ParameterFileSuppressions {
  std::vector<Suppressions> own;
  std::vector<Suppressions*> all;  // the template's first
  ParameterFileSuppressions(Suppressions& in_template, const std::vector<ParameterFile>& files) {
    own.reserve(files.size());
    for (const ParameterFile& f : files) own.emplace_back(*f.tmpl, Suppressions::Reach::Related);
    all.push_back(&in_template);
    for (Suppressions& s : own) all.push_back(&s);
  }
  // IDL902 for the parameter files' directives that covered nothing in this template's runs.
  void add_unused(FileResult& result, const RuleSelection& rules, bool compared) const {
    for (const Suppressions& s : own) add_findings(result, s.unused(rules, {}, compared));
  }
};

Finding syntax_finding(const std::shared_ptr<const SourceFile>& file, const SyntaxError& e) {
  Finding f;
  f.rule = &syntax_error_rule();
  f.level = Level::Error;
  f.primary = Location{file, e.span, {}};
  f.message = e.message;
  f.logical = "syntax";
  return f;
}

Finding note(const RuleInfo& rule, const std::shared_ptr<const SourceFile>& file, Span span, std::string message) {
  Finding f;
  f.rule = &rule;
  f.level = rule.level;
  f.primary = Location{file, span, {}};
  f.message = std::move(message);
  f.logical = "file";
  return f;
}

std::string file_name(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string module_cache(const LintOptions& options) {
  return options.module_cache.empty() ? default_module_cache_dir() : options.module_cache;
}

// The parameters a .bicepparam file assigns, as arguments for its template.
ParameterSet bicepparam_set(const Template& params) {
  ParameterSet set;
  set.label = "parameter file '" + file_name(params.file->path()) + "'";
  set.tmpl = &params;
  for (const Parameter& p : params.parameters) {
    if (!p.default_value) continue;
    set.args.push_back(Frame::Argument{p.name, p.default_value, {}, p.default_value->span});
  }
  return set;
}

bool add_bicepparam_transitions(FileResult& result, const Template& params, const Template& head,
                                const RuleSelection& rules, const LintOptions& options, ModuleLoader& modules,
                                const std::vector<Suppressions*>& suppressions);

// A .bicepparam: its template (the `using` target) linted with these values; only what they add
// to the template's own findings is reported here. False when the template could not be read, so
// the values were not checked. compared: the values were compared with a base version too.
bool lint_bicepparam(FileResult& result, const Template& params, const RuleSelection& rules, const LintOptions& options,
                     Suppressions& own, bool& compared) {
  const RuleInfo* explain = find_rule("IDL901");
  const bool explaining = explain && rules.enabled(*explain);
  if (params.using_none || params.using_path.empty()) return true;
  ModuleLoader modules(module_cache(options), options.follow_modules);
  ModuleLoader::Entry& target = modules.load(params.file->path(), params.using_path);
  if (!target.tmpl) {
    if (explaining) {
      add_findings(result,
                   {note(*explain, params.file, params.using_span, "the values are not checked: " + target.error)},
                   {&own});
    }
    return false;
  }
  const std::vector<ParameterSet> sets = {bicepparam_set(params)};
  // A finding the values cause is in the template: a directive there covers it, and so does one
  // in the .bicepparam above the value that causes it.
  Suppressions in_template(*target.tmpl);
  add_findings(result, lint_deployments(*target.tmpl, sets, rules, modules, false), {&in_template, &own});
  compared = add_bicepparam_transitions(result, params, *target.tmpl, rules, options, modules, {&in_template, &own});
  return true;
}

std::vector<ParameterSet> arm_parameter_sets(const std::string& path, const LintOptions& options,
                                             std::vector<ParameterFile>& files, FileResult& result);
bool add_transitions(FileResult& result, const Template& head, const std::vector<ParameterSet>& head_sets,
                     const RuleSelection& rules, const LintOptions& options, ModuleLoader& modules,
                     const std::vector<Suppressions*>& suppressions);

ParameterSet parameter_set(const ParameterFile& f) {
  ParameterSet set;
  set.label = "parameter file '" + file_name(f.file->path()) + "'";
  set.tmpl = f.tmpl.get();
  for (const ParameterFileEntry& e : f.entries) {
    set.args.push_back(Frame::Argument{e.name, e.value, e.unknown_reason, e.value ? e.value->span : e.span});
  }
  return set;
}

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

// Bicep: a syntax error does not stop the file being linted; the parser resumed after it. A
// .bicep file pairs with ARM parameter files by name too (azd's main.bicep and main.parameters.json).
FileResult lint_bicep(FileResult result, std::string text, const RuleSelection& rules, const LintOptions& options) {
  auto file = std::make_shared<const SourceFile>(result.path, std::move(text));
  const bool params_file = is_bicepparam_path(result.path);
  BicepLoadResult loaded = load_bicep(file, params_file);
  for (const SyntaxError& e : loaded.syntax_errors) result.findings.push_back(resolve(syntax_finding(file, e)));
  if (!loaded.syntax_errors.empty()) result.status = FileResult::Status::SyntaxError;
  Suppressions suppressions(*loaded.tmpl, params_file ? Suppressions::Reach::Related : Suppressions::Reach::Primary);
  // After a syntax error, or when the .bicepparam's template could not be read, the findings are
  // incomplete: a suppression may be unused only seemingly.
  bool complete = loaded.syntax_errors.empty();
  std::vector<Span> unfollowed;
  bool compared = false;  // with a base version: the transition rules ran
  if (params_file) {
    complete = lint_bicepparam(result, *loaded.tmpl, rules, options, suppressions, compared) && complete;
  } else {
    std::vector<ParameterFile> parameter_files;
    const std::vector<ParameterSet> sets = arm_parameter_sets(result.path, options, parameter_files, result);
    ModuleLoader modules(module_cache(options), options.follow_modules);
    ParameterFileSuppressions in_parameter_files(suppressions, parameter_files);
    add_findings(result, lint_deployments(*loaded.tmpl, sets, rules, modules, true, &unfollowed),
                 in_parameter_files.all);
    compared = add_transitions(result, *loaded.tmpl, sets, rules, options, modules, in_parameter_files.all);
    if (complete) in_parameter_files.add_unused(result, rules, compared);
  }
  if (complete) add_findings(result, suppressions.unused(rules, unfollowed, compared));
  std::sort(result.findings.begin(), result.findings.end(), finding_order);
  result.local_calls = module_call_sites(*loaded.tmpl);
  return result;
}

// The ARM parameter files a template is linted with: those named with --parameters, else the
// files paired with it by name.
std::vector<ParameterSet> arm_parameter_sets(const std::string& path, const LintOptions& options,
                                             std::vector<ParameterFile>& files, FileResult& result) {
  std::vector<std::string> paths = options.parameter_files;
  if (paths.empty() && options.pair_parameter_files) paths = paired_parameter_files(path);
  for (const std::string& p : paths) {
    FileRead read = read_input_file(p);
    if (!read.ok()) {
      result.notes.push_back("parameter file " + p + ": " + read.error);
      continue;
    }
    std::optional<ParameterFile> loaded =
        load_arm_parameter_file(std::make_shared<const SourceFile>(p, std::move(read.text)));
    if (!loaded) {
      result.notes.push_back("parameter file " + p + ": not an ARM parameter file (no deploymentParameters $schema)");
      continue;
    }
    if (loaded->syntax_error) {
      result.status = FileResult::Status::SyntaxError;
      result.findings.push_back(resolve(syntax_finding(loaded->file, *loaded->syntax_error)));
      continue;
    }
    files.push_back(std::move(*loaded));
  }
  std::vector<ParameterSet> sets;
  for (const ParameterFile& f : files) sets.push_back(parameter_set(f));
  return sets;
}

// A base version's text as a template (Bicep, ARM JSON, a deployed resource's JSON) or, when
// params_file, as a .bicepparam. Null, with a note in result, when it does not parse or is no
// template: nothing is compared then.
std::unique_ptr<Template> load_base(BaseText& b, const LintOptions& options, FileResult& result,
                                    bool params_file = false) {
  const std::string& label = options.base->label();
  // --base-file names the base: a file that cannot be compared is an error. At a revision, the
  // file may simply have been broken then: a note.
  const bool named = options.base->is_named_file();
  auto file = std::make_shared<const SourceFile>(b.path, std::move(b.text));
  std::unique_ptr<Template> base;
  std::optional<SyntaxError> error;
  if (is_bicep_path(b.path) || (params_file && is_bicepparam_path(b.path))) {
    BicepLoadResult loaded = load_bicep(file, params_file);
    if (!loaded.syntax_errors.empty()) error = loaded.syntax_errors.front();
    base = std::move(loaded.tmpl);
  } else if (!is_bicepparam_path(b.path)) {
    ArmLoadResult loaded = load_arm_template(file);
    error = loaded.syntax_error;
    if (!loaded.syntax_error && !loaded.is_template) {
      if (named) {
        result.base_error = "cannot compare with " + b.path +
                            ": it is neither a template nor a deployed resource's JSON (one object with id, type "
                            "and properties, as az resource show prints it)";
      } else {
        result.notes.push_back("its version at " + label + " (" + b.path +
                               ") is not a template: transitions are not checked");
      }
      return nullptr;
    }
    base = std::move(loaded.tmpl);
  }
  if (error) {
    const auto at = file->range(error->span).start;
    const std::string where = b.path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    if (named) {
      result.base_error =
          "cannot compare with " + b.path + ": it does not parse (" + where + ": " + error->message + ")";
    } else {
      result.notes.push_back("its version at " + label + " (" + where +
                             ") does not parse: transitions are not checked");
    }
    return nullptr;
  }
  return base;
}

// A .bicepparam's transitions: its template deployed with its values, compared with the template
// its base version used deployed with the base values (with --base REV: both files at REV; with
// --base-file OLD: OLD is the base .bicepparam, or a template or deployed resource's JSON compared
// as it is). True when a base was compared.
bool add_bicepparam_transitions(FileResult& result, const Template& params, const Template& head,
                                const RuleSelection& rules, const LintOptions& options, ModuleLoader& modules,
                                const std::vector<Suppressions*>& suppressions) {
  if (!options.base || !has_transition_rules(rules)) return false;
  const ParameterSet head_set = bicepparam_set(params);
  const Deployment head_d(root_frame(head, &head_set), &modules);
  if (!has_transition_resources(head_d)) return false;
  const std::string& label = options.base->label();
  auto unreadable = [&](const BaseText& b) {
    if (b.status == BaseText::Status::Error) result.base_error = "cannot read its version at " + label + ": " + b.error;
    return false;
  };
  BaseText b = options.base->read(result.path);
  if (b.status != BaseText::Status::Found) return unreadable(b);  // absent: a new file
  const bool compare_files = options.base->is_named_file();
  std::unique_ptr<Template> base_params;
  std::unique_ptr<Template> base;
  if (is_bicepparam_path(b.path)) {
    const std::string base_params_path = b.path;
    base_params = load_base(b, options, result, true);
    if (!base_params || base_params->using_none || base_params->using_path.empty()) return false;
    // The template it named then: with --base-file beside OLD, else beside the linted file, at REV.
    ModuleTarget target = resolve_module_path(compare_files ? base_params_path : result.path, base_params->using_path,
                                              module_cache(options));
    if (target.path.empty() && !target.registry && !compare_files) {
      // A template renamed or removed since REV: read where the base .bicepparam pointed.
      target.path = (std::filesystem::path(result.path).parent_path() / std::string(base_params->using_path))
                        .lexically_normal()
                        .string();
    }
    if (target.path.empty()) return false;
    BaseText t = target.registry || compare_files ? FileBase(target.path).read(target.path)
                                                  : options.base->read_related(target.path);
    if (t.status != BaseText::Status::Found) return unreadable(t);  // absent: the template is new
    base = load_base(t, options, result);
  } else {
    base = load_base(b, options, result);
  }
  if (!base) return false;
  std::optional<ParameterSet> base_set;
  if (base_params) base_set = bicepparam_set(*base_params);
  const Deployment base_d(root_frame(*base, base_set ? &*base_set : nullptr), &modules);
  std::vector<Finding> found = check_transitions(head_d, base_d, label, rules);
  for (Finding& f : found) f.message += " (with " + head_set.label + ")";
  add_findings(result, found, suppressions);
  return true;
}

// Transitions: the template compared with its base version, on its defaults and with each
// parameter set (the base with the same parameter file at its base version). Reported like the
// other findings; the base's own findings are not. True when the head was compared with a base.
bool add_transitions(FileResult& result, const Template& head, const std::vector<ParameterSet>& head_sets,
                     const RuleSelection& rules, const LintOptions& options, ModuleLoader& modules,
                     const std::vector<Suppressions*>& suppressions) {
  if (!options.base || !has_transition_rules(rules)) return false;
  // Only flexible servers have transition rules: a file without one needs no base (and no git).
  const Deployment head_alone(root_frame(head, nullptr), &modules);
  if (!has_transition_resources(head_alone)) return false;
  BaseText b = options.base->read(result.path);
  if (b.status == BaseText::Status::Absent) return false;  // a new file
  const std::string& label = options.base->label();
  if (b.status == BaseText::Status::Error) {
    result.base_error = "cannot read its version at " + label + ": " + b.error;
    return false;
  }
  std::unique_ptr<Template> base = load_base(b, options, result);
  if (!base) return false;
  std::vector<Finding> found;
  {
    const Deployment base_d(root_frame(*base, nullptr), &modules);
    found = check_transitions(head_alone, base_d, label, rules);
  }
  for (const ParameterSet& set : head_sets) {
    BaseText pb = options.base->read_related(set.tmpl->file->path());
    if (pb.status != BaseText::Status::Found) continue;  // the parameter file is new: no base run
    std::optional<ParameterFile> pf =
        load_arm_parameter_file(std::make_shared<const SourceFile>(pb.path, std::move(pb.text)));
    if (!pf || pf->syntax_error) continue;
    const ParameterSet base_set = parameter_set(*pf);
    const Deployment head_d(root_frame(head, &set), &modules);
    const Deployment base_d(root_frame(*base, &base_set), &modules);
    for (Finding& f : check_transitions(head_d, base_d, label, rules)) {
      const bool known = std::any_of(found.begin(), found.end(), [&](const Finding& e) {
        return e.rule == f.rule && same_span(e.primary, f.primary);
      });
      if (known) continue;
      f.message += " (with " + set.label + ")";
      found.push_back(std::move(f));
    }
  }
  add_findings(result, found, suppressions);
  return true;
}

}  // namespace

namespace {
FileResult lint_text_within_budget(const std::string& path, std::string text, bool explicitly_named,
                                   const RuleSelection& rules, const LintOptions& options);
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

namespace {

// The .bicep file a template was compiled from, when it is beside it: `bicep build` writes X.json
// next to X.bicep (Azure Verified Modules keep main.json next to main.bicep) and marks it with
// metadata._generator.name 'bicep'. Empty when the template is not one, or its source is elsewhere.
std::string bicep_source_beside(const std::string& path, const Template& t) {
  const Value* metadata = t.root && t.root->is_object() ? t.root->find("metadata") : nullptr;
  const Value* generator = metadata && metadata->is_object() ? metadata->find("_generator") : nullptr;
  const Value* name = generator && generator->is_object() ? generator->find("name") : nullptr;
  if (!name || !equals_ignore_case(name->string_or_empty(), "bicep")) return {};
  std::filesystem::path source(path);
  source.replace_extension(".bicep");
  std::error_code ec;
  return std::filesystem::is_regular_file(source, ec) ? source.string() : std::string();
}

FileResult lint_text_within_budget(const std::string& path, std::string text, bool explicitly_named,
                                   const RuleSelection& rules, const LintOptions& options) {
  FileResult result;
  result.path = path;
  if (is_bicep_path(path) || is_bicepparam_path(path)) {
    return lint_bicep(std::move(result), std::move(text), rules, options);
  }
  // A parameter file met in a directory is linted with its template, not on its own.
  if (!explicitly_named && (!may_be_deployment_template(text) || is_arm_parameter_file_text(text))) {
    result.status = FileResult::Status::Skipped;
    result.error = "not an ARM deployment template";
    return result;
  }
  auto file = std::make_shared<const SourceFile>(path, std::move(text));
  ArmLoadResult loaded = load_arm_template(file);
  if (loaded.syntax_error) {
    result.status = FileResult::Status::SyntaxError;
    result.findings.push_back(resolve(syntax_finding(file, *loaded.syntax_error)));
    return result;
  }
  if (!loaded.is_template) {
    result.status = FileResult::Status::Skipped;
    result.parameter_file = is_arm_parameter_file_text(file->text());
    result.error =
        result.parameter_file
            ? "an ARM parameter file: it is linted with its template (X.json beside X.parameters.json, or --parameters)"
            : "not an ARM deployment template (no deploymentTemplate $schema)";
    return result;
  }
  if (!explicitly_named) {
    // Linting both X.json and the X.bicep it was built from reports every finding twice.
    std::string source = bicep_source_beside(path, *loaded.tmpl);
    if (!source.empty()) {
      result.status = FileResult::Status::Skipped;
      result.error = "compiled from " + source + ", which is linted";
      result.compiled_from = std::move(source);
      return result;
    }
  }
  std::vector<ParameterFile> parameter_files;
  const std::vector<ParameterSet> sets = arm_parameter_sets(path, options, parameter_files, result);
  ModuleLoader modules(module_cache(options), options.follow_modules);
  Suppressions suppressions(*loaded.tmpl);
  ParameterFileSuppressions in_parameter_files(suppressions, parameter_files);
  add_findings(result, lint_deployments(*loaded.tmpl, sets, rules, modules, true), in_parameter_files.all);
  const bool compared = add_transitions(result, *loaded.tmpl, sets, rules, options, modules, in_parameter_files.all);
  in_parameter_files.add_unused(result, rules, compared);
  add_findings(result, suppressions.unused(rules, {}, compared));
  std::sort(result.findings.begin(), result.findings.end(), finding_order);
  return result;
}

}  // namespace

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
