// The lint driver: file → model → bindings → rules → deduplicated, sorted findings.
#include "engine/lint.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>

#include "engine/bindings.h"
#include "engine/deployment.h"
#include "engine/suppressions.h"
#include "load/module_path.h"
#include "load/parameter_file.h"
#include "load/arm_template.h"
#include "load/bicep_template.h"
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


struct Collected {
  Finding finding;
  std::vector<std::string> bindings;
  size_t other_bindings = 0;
  bool unconditional = false;  // found under a binding whose choices do not matter to it
};

class Collector {
 public:
  void add(Finding&& f, const std::string& binding) {
    const auto key = std::make_tuple(f.rule, f.primary.span.begin, f.primary.span.end);
    auto it = index_.find(key);
    if (it == index_.end()) {
      index_.emplace(key, items_.size());
      Collected c{std::move(f), {}, 0, binding.empty()};
      if (!binding.empty()) c.bindings.push_back(binding);
      items_.push_back(std::move(c));
      return;
    }
    // One finding per location and rule, however many bindings lead to it.
    Collected& c = items_[it->second];
    for (Location& l : f.related) {
      const bool seen = std::any_of(c.finding.related.begin(), c.finding.related.end(), [&](const Location& e) {
        return e.span.begin == l.span.begin && e.span.end == l.span.end;
      });
      if (!seen) c.finding.related.push_back(std::move(l));
    }
    if (binding.empty()) c.unconditional = true;
    if (!binding.empty() && std::find(c.bindings.begin(), c.bindings.end(), binding) == c.bindings.end()) {
      if (c.bindings.size() < 3)
        c.bindings.push_back(binding);
      else
        ++c.other_bindings;
    }
  }

  std::vector<Finding> take() {
    std::vector<Finding> out;
    for (Collected& c : items_) {
      if (!c.bindings.empty() && !c.unconditional) {
        std::string when;
        for (size_t i = 0; i < c.bindings.size(); ++i) when += (i ? "; or " : "") + c.bindings[i];
        if (c.other_bindings) when += "; or " + std::to_string(c.other_bindings) + " other parameter values";
        c.finding.message += " (" + when + ")";
      }
      out.push_back(std::move(c.finding));
    }
    return out;
  }

 private:
  std::map<std::tuple<const RuleInfo*, uint32_t, uint32_t>, size_t> index_;
  std::vector<Collected> items_;
};

// A finding as a rule produced it, before any moving or merging: what deduplication compares.
std::string raw_key(const Finding& f) {
  return std::string(f.rule->id) + '\x1f' + f.primary.file->path() + '\x1f' + std::to_string(f.primary.span.begin) +
         '\x1f' + std::to_string(f.primary.span.end) + '\x1f' + f.message;
}

bool same_span(const Location& a, const Location& b) {
  return a.file == b.file && a.span.begin == b.span.begin && a.span.end == b.span.end;
}

void add_related(Finding& f, Location l) {
  if (std::none_of(f.related.begin(), f.related.end(), [&](const Location& e) { return same_span(e, l); }) &&
      !same_span(f.primary, l)) {
    f.related.push_back(std::move(l));
  }
}

bool depends_on(const Finding& f, const Template& t, std::string_view parameter) {
  const Parameter* p = t.find_parameter(parameter);
  return p && std::find(f.cause.deps.begin(), f.cause.deps.end(), p) != f.cause.deps.end();
}

// A finding inside a module, caused by the call: point at the argument that caused it in the
// calling file, and keep the place inside the module as a related location.
void move_to_call_site(Finding& f, const Frame& call) {
  const ModuleCall& m = *call.module;
  const std::shared_ptr<const SourceFile>& caller = call.caller_tmpl->file;
  Location inside{f.primary.file, f.primary.span,
                  "the property inside module '" + std::string(m.symbolic_name) + "' (" + std::string(m.path) + ")"};
  Span primary = m.name_span;
  const bool literal_in_call = f.cause.file == caller.get() && f.cause.span.begin >= m.span.begin &&
                               f.cause.span.end <= m.span.end && !f.cause.span.empty();
  if (literal_in_call) {
    primary = f.cause.span;
  } else {
    for (const Frame::Argument& a : call.args) {
      if (depends_on(f, *call.tmpl, a.name)) {
        primary = a.span;
        break;
      }
    }
  }
  f.primary = Location{caller, primary, {}};
  f.message += " (in module '" + std::string(m.symbolic_name) + "')";
  f.logical = "module:" + std::string(m.symbolic_name) + "|" + f.logical;
  std::vector<Location> related = std::move(f.related);
  f.related.clear();
  add_related(f, std::move(inside));
  for (Location& l : related) add_related(f, std::move(l));
}

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
      const std::set<std::string>* module_alone = call ? &alone_keys(*call->tmpl) : nullptr;
      const ResourceCheck::Sink sink = [&](Finding&& f, const std::string& binding) {
        const std::string key = raw_key(f);
        if (raw_keys) raw_keys->insert(key);
        if (drop && drop->count(key)) return;
        if (call) {
          // The module on its own reports what its defaults cause; the call adds only the rest.
          if (module_alone->count(key)) return;
          move_to_call_site(f, *call);
        }
        collector.add(std::move(f), binding);
      };
      const ResourceBindings rb = enumerate_bindings(resource, inst.frame);
      for (const Binding& binding : rb.bindings) {
        Evaluator evaluator(binding, &shared, inst.frame);
        if (!deployed(evaluator, inst)) continue;
        ResourceCheck check(resource, evaluator, binding, rb.varying, sink);
        for (const RuleInfo* rule : rules_.rules) {
          if (!rule->check) continue;
          try {
            rule->check(check);
          } catch (const std::exception& e) {
            // A rule's bug must not hide the other rules' findings: report it and go on.
            Finding f;
            f.rule = rule;
            f.level = Level::Error;
            f.primary = Location{resource.owner->file, resource.body->span, {}};
            f.message =
                "internal error in rule " + std::string(rule->id) + ": " + e.what() + " (please report this)";
            collector.add(std::move(f), {});
          }
        }
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

struct ParameterSet {
  std::string label;       // "parameter file 'main.parameters.json'"
  const Template* tmpl;    // where the values are written
  std::vector<Frame::Argument> args;
};

// Lints a template once on its own defaults and allowed values (when report_defaults), then once
// per parameter set; a finding only a parameter set produces names it. Identical findings are
// reported once. unfollowed receives the spans of t's module calls that could not be followed.
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
        f.message = "module '" + std::string(n.module->symbolic_name) + "' is not followed, so its arguments are not checked: " + n.reason;
        f.logical = "module:" + std::string(n.module->symbolic_name);
        collector.add(std::move(f), {});
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
    Frame root;
    root.tmpl = &t;
    root.free = false;
    root.caller_tmpl = set.tmpl;
    root.arg_kind = Origin::Kind::ParameterFile;
    root.args = set.args;
    root.label = set.label;
    const Deployment d(std::move(root), &modules);
    Collector collector;
    checker.check(d, collector, nullptr, &default_keys);
    for (Finding& f : collector.take()) {
      for (const Frame::Argument& a : d.root().args) {
        if (depends_on(f, t, a.name)) {
          add_related(f, Location{set.tmpl->file, a.span, "parameter '" + std::string(a.name) + "' is set here, in " + set.label});
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

ResolvedLocation resolve_location(const Location& l) {
  ResolvedLocation r;
  r.path = l.file->path();
  r.range = l.file->range(l.span);
  r.message = l.message;
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
  r.message = f.message;
  r.logical = f.logical;
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
                  std::initializer_list<Suppressions*> suppressions = {}) {
  for (const Finding& f : findings) {
    ResolvedFinding r = resolve(f);
    for (Suppressions* s : suppressions) {
      std::optional<Suppressions::Cover> cover = s->cover(f);
      if (cover && !r.suppression) {
        r.suppression = ResolvedFinding::Suppression{resolve_location(cover->where), std::string(cover->justification)};
      }
    }
    result.findings.push_back(std::move(r));
  }
}

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

// A .bicepparam: its template (the `using` target) linted with these values; only what they add
// to the template's own findings is reported here. False when the template could not be read, so
// the values were not checked.
bool lint_bicepparam(FileResult& result, const Template& params, const RuleSelection& rules, const LintOptions& options,
                     Suppressions& own) {
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
  return true;
}

std::vector<ParameterSet> arm_parameter_sets(const std::string& path, const LintOptions& options,
                                             std::vector<ParameterFile>& files, FileResult& result);

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
  if (params_file) {
    complete = lint_bicepparam(result, *loaded.tmpl, rules, options, suppressions) && complete;
  } else {
    std::vector<ParameterFile> parameter_files;
    const std::vector<ParameterSet> sets = arm_parameter_sets(result.path, options, parameter_files, result);
    ModuleLoader modules(module_cache(options), options.follow_modules);
    add_findings(result, lint_deployments(*loaded.tmpl, sets, rules, modules, true, &unfollowed), {&suppressions});
  }
  if (complete) add_findings(result, suppressions.unused(rules, unfollowed));
  std::sort(result.findings.begin(), result.findings.end(), finding_order);
  return result;
}

// The ARM parameter files a template is linted with: those named with --parameters, else the
// files paired with it by name.
std::vector<ParameterSet> arm_parameter_sets(const std::string& path, const LintOptions& options,
                                             std::vector<ParameterFile>& files, FileResult& result) {
  std::vector<std::string> paths = options.parameter_files;
  if (paths.empty() && options.pair_parameter_files) paths = paired_parameter_files(path);
  for (const std::string& p : paths) {
    std::string text;
    if (std::string error = read_referenced_file(p, text); !error.empty()) {
      result.notes.push_back("parameter file " + p + ": " + error);
      continue;
    }
    std::optional<ParameterFile> loaded = load_arm_parameter_file(std::make_shared<const SourceFile>(p, std::move(text)));
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
  for (const ParameterFile& f : files) {
    ParameterSet set;
    set.label = "parameter file '" + file_name(f.file->path()) + "'";
    set.tmpl = f.tmpl.get();
    for (const ParameterFileEntry& e : f.entries) {
      set.args.push_back(Frame::Argument{e.name, e.value, e.unknown_reason, e.value ? e.value->span : e.span});
    }
    sets.push_back(std::move(set));
  }
  return sets;
}

}  // namespace

FileResult lint_text(const std::string& path, std::string text, bool explicitly_named, const RuleSelection& rules,
                     const LintOptions& options) {
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
    result.error = is_arm_parameter_file_text(file->text())
                       ? "an ARM parameter file: it is linted with its template (X.json beside X.parameters.json, or --parameters)"
                       : "not an ARM deployment template (no deploymentTemplate $schema)";
    return result;
  }
  std::vector<ParameterFile> parameter_files;
  const std::vector<ParameterSet> sets = arm_parameter_sets(path, options, parameter_files, result);
  ModuleLoader modules(module_cache(options), options.follow_modules);
  Suppressions suppressions(*loaded.tmpl);
  add_findings(result, lint_deployments(*loaded.tmpl, sets, rules, modules, true), {&suppressions});
  add_findings(result, suppressions.unused(rules));
  std::sort(result.findings.begin(), result.findings.end(), finding_order);
  return result;
}

FileResult lint_file(const std::string& path, bool explicitly_named, const RuleSelection& rules,
                     const LintOptions& options) {
  // Azure Resource Manager accepts templates up to 4 MB; far larger files are not read whole.
  constexpr size_t kMaxFileSize = 64u << 20;
  auto read_error = [&](int error) {
    FileResult r;
    r.path = path;
    r.status = FileResult::Status::ReadError;
    r.error = std::strerror(error);
    return r;
  };
  // POSIX calls, not streams: one open, fstat, read and close per file (a directory of small
  // Bicep files is otherwise dominated by per-file overhead).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return read_error(errno);
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return read_error(errno);
  const bool regular = S_ISREG(st.st_mode);
  const size_t size_on_disk = regular ? static_cast<size_t>(st.st_size) : 0;
  auto read_up_to = [&](std::string& out, size_t limit) -> int {
    // Appends what is left, until end of file or limit bytes (pipes and special files report no
    // size; a regular file costs one more read that finds the end).
    char chunk[16384];
    while (out.size() < limit) {
      const ssize_t n = ::read(fd, chunk, std::min(sizeof chunk, limit - out.size()));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return errno;
      if (n == 0) break;
      out.append(chunk, static_cast<size_t>(n));
    }
    return 0;
  };
  if (size_on_disk > kMaxFileSize) {
    FileResult r;
    r.path = path;
    std::string start;
    if (const int e = read_up_to(start, 64 * 1024); e != 0) return read_error(e);
    if (!explicitly_named && !may_be_deployment_template(start)) {
      r.status = FileResult::Status::Skipped;
      return r;
    }
    r.status = FileResult::Status::ReadError;
    r.error = "the file is larger than 64 MiB (" + std::to_string(size_on_disk >> 20) +
              " MiB); Azure Resource Manager accepts templates up to 4 MB";
    return r;
  }
  std::string text;
  text.resize(size_on_disk);
  size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return read_error(errno);
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  text.resize(got);
  if (!regular || got == size_on_disk) {
    // Anything after the expected size (a file that grew, or a pipe) is read too, up to the limit.
    if (const int e = read_up_to(text, kMaxFileSize + 1); e != 0) return read_error(e);
    if (text.size() > kMaxFileSize) {
      FileResult r;
      r.path = path;
      r.status = FileResult::Status::ReadError;
      r.error = "the file is larger than 64 MiB; Azure Resource Manager accepts templates up to 4 MB";
      return r;
    }
  }
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
