// Orchestration: discover files, lint each, report in the chosen format, compute the exit code.
#include "cli/app.h"

#include <sched.h>
#include <unistd.h>

#include <fmt/format.h>
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <system_error>
#include <thread>

#include "cli/callers.h"
#include "cli/config.h"
#include "cli/discover.h"
#include "cli/output.h"
#include "engine/lint.h"
#include "load/file_reader.h"
#include "load/module_path.h"
#include "load/parameter_file.h"
#include "report/baseline.h"
#include "report/report.h"
#include "rules/catalog.h"
#include "rules/rule.h"

namespace idlint {

namespace {

bool use_color(const AppOptions& o) {
  if (!o.output.empty() || o.format != Format::Text) return false;
  if (o.color == ColorMode::Always) return true;
  if (o.color == ColorMode::Never) return false;
  // --color wins; then NO_COLOR (no-color.org) turns colour off and FORCE_COLOR (force-color.org)
  // turns it on where no terminal is (a CI log that renders ANSI colours); then the terminal decides.
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* force_color = std::getenv("FORCE_COLOR");
  if (force_color && *force_color) return true;
  const char* term = std::getenv("TERM");
  return ::isatty(STDOUT_FILENO) && !(term && std::string(term) == "dumb");
}

Level threshold(FailLevel f) {
  switch (f) {
    case FailLevel::Error:
      return Level::Error;
    case FailLevel::Warning:
      return Level::Warning;
    default:
      return Level::Note;
  }
}

// After the IDL901 notes: how many values were undetermined, and the functions idlint does not
// evaluate that caused it, by name, so gaps are visible at a glance.
void explain_unknown_summary(const std::vector<FileResult>& results, std::ostream& err) {
  const RuleInfo* idl901 = find_rule("IDL901");
  size_t count = 0;
  std::map<std::string, size_t> functions;
  for (const FileResult& r : results) {
    for (const ResolvedFinding& f : r.findings) {
      if (f.rule != idl901) continue;
      ++count;
      const std::string marker = "function '";
      for (size_t at = f.message.find(marker); at != std::string::npos; at = f.message.find(marker, at + 1)) {
        const size_t from = at + marker.size();
        const size_t to = f.message.find('\'', from);
        if (to == std::string::npos) break;
        if (f.message.compare(to, 19, "' is not evaluated") == 0) ++functions[f.message.substr(from, to - from)];
      }
    }
  }
  err << "idlint: " << count << (count == 1 ? " checked value" : " checked values") << " could not be determined";
  if (functions.empty()) {
    err << '\n';
    return;
  }
  err << "; functions not evaluated:";
  for (const auto& [name, n] : functions) err << ' ' << printable(name) << " (" << n << ')';
  err << '\n';
}

// A module linted on its own reports a parameter contract as a warning; when the same run lints
// every file that calls it and each call gives those parameters, the calls are checked with the
// real arguments and the module's own warning says nothing more: it is left out.
void drop_contracts_every_call_keeps(std::vector<FileResult>& results,
                                     const std::function<std::string(const std::string&)>& module_cache_of) {
  auto has_contract = [](const FileResult& r) {
    return std::any_of(r.findings.begin(), r.findings.end(),
                       [](const ResolvedFinding& f) { return !f.contract.empty(); });
  };
  // Only calls that may lead to such a file are resolved: by its file name first (resolving every
  // call of a large run costs more than linting it).
  std::set<std::string> names;
  for (const FileResult& r : results) {
    if (has_contract(r)) names.insert(std::filesystem::path(r.path).filename().string());
  }
  if (names.empty()) return;
  auto canonical = [](const std::string& path) {
    std::error_code ec;
    const std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
    return ec ? path : p.string();
  };
  std::map<std::string, std::vector<const FileResult::ModuleCallSite*>> calls;  // by the module's file
  for (const FileResult& r : results) {
    for (const FileResult::ModuleCallSite& c : r.local_calls) {
      const size_t slash = c.written.find_last_of("/\\");
      if (!names.count(slash == std::string::npos ? c.written : c.written.substr(slash + 1))) continue;
      const ModuleTarget target = resolve_module_path(r.path, c.written, module_cache_of(r.path));
      if (!target.registry && !target.path.empty()) calls[canonical(target.path)].push_back(&c);
    }
  }
  if (calls.empty()) return;
  for (FileResult& r : results) {
    if (r.status != FileResult::Status::Linted || !has_contract(r)) continue;
    const auto it = calls.find(canonical(r.path));
    if (it == calls.end()) continue;
    std::erase_if(r.findings, [&](const ResolvedFinding& f) {
      if (f.contract.empty()) return false;
      return std::all_of(it->second.begin(), it->second.end(), [&](const FileResult::ModuleCallSite* c) {
        return c->params_known && std::all_of(f.contract.begin(), f.contract.end(), [&](const std::string& p) {
                 return std::any_of(c->params.begin(), c->params.end(),
                                    [&](const std::string& given) { return equals_ignore_case(given, p); });
               });
      });
    });
  }
}

// What one file is linted with: the command line, over the overrides that match it, over its
// configuration file, over the defaults.
struct FileSettings {
  std::shared_ptr<const Config> config;  // null: none applies
  std::vector<size_t> overrides;         // the overrides that match the file, in order
  RuleSelection selection;
  std::map<const RuleInfo*, Level> levels;        // levels the configuration sets
  std::map<const RuleInfo*, std::string> origin;  // where each rule's setting comes from
  FailLevel fail_level = FailLevel::Error;
  std::string fail_level_origin = "default";
  bool explain_unknown = false;
  bool report_syntax_errors = true;  // false: IDL900 is off, a syntax error is an error line
  bool pair_parameter_files = true;
  std::string module_cache;
};

// The command line's rules, checked once: --rule and --disable by id or name.
struct CommandLineRules {
  std::vector<const RuleInfo*> only;
  std::vector<const RuleInfo*> disabled;
};

bool read_command_line_rules(const AppOptions& options, CommandLineRules& rules, std::ostream& err) {
  for (const std::string& id : options.only_rules) {
    const RuleInfo* r = find_rule(id);
    if (!r) {
      err << "idlint: error: unknown rule '" << printable(id) << "' in --rule (see --list-rules)\n";
      return false;
    }
    rules.only.push_back(r);
  }
  for (const std::string& id : options.disabled_rules) {
    const RuleInfo* r = find_rule(id);
    if (!r) {
      err << "idlint: error: unknown rule '" << printable(id) << "' in --disable (see --list-rules)\n";
      return false;
    }
    // Asking for a rule and disabling it in one command contradicts itself.
    if (std::find(rules.only.begin(), rules.only.end(), r) != rules.only.end()) {
      err << "idlint: error: rule " << r->id << " is both in --rule and in --disable\n";
      return false;
    }
    rules.disabled.push_back(r);
  }
  return true;
}

FileSettings settings_for(const std::string& path, std::shared_ptr<const Config> config, const AppOptions& options,
                          const CommandLineRules& cli) {
  FileSettings s;
  s.config = std::move(config);
  std::map<const RuleInfo*, bool> on;
  for (const RuleInfo* r : all_rules()) {
    on[r] = r->enabled_by_default;
    s.origin[r] = r->enabled_by_default ? "default" : "default: not run";
  }
  auto apply = [&](const std::vector<RuleSetting>& settings, const std::string& where) {
    for (const RuleSetting& rs : settings) {
      on[rs.rule] = rs.level.has_value();
      if (rs.level) {
        s.levels[rs.rule] = *rs.level;
      } else {
        s.levels.erase(rs.rule);
      }
      s.origin[rs.rule] = fmt::format("{}:{}{}", s.config->path, rs.line, where);
    }
  };
  if (s.config) {
    apply(s.config->rules, "");
    for (size_t i = 0; i < s.config->overrides.size(); ++i) {
      if (!s.config->matches(s.config->overrides[i].files, path)) continue;
      s.overrides.push_back(i);
      apply(s.config->overrides[i].rules, fmt::format(" (override {})", i + 1));
    }
    if (s.config->fail_level) {
      s.fail_level = *s.config->fail_level;
      s.fail_level_origin = s.config->path;
    }
    s.explain_unknown = s.config->explain_unknown.value_or(false);
    s.pair_parameter_files = s.config->parameter_pairing.value_or(true);
    s.module_cache = s.config->module_cache.value_or("");
  }
  // The command line wins over the file.
  if (!cli.only.empty()) {
    for (auto& [rule, enabled] : on) {
      const bool named = std::find(cli.only.begin(), cli.only.end(), rule) != cli.only.end();
      if (named || enabled) s.origin[rule] = named ? "--rule" : "not in --rule";
      enabled = named;
    }
  }
  for (const RuleInfo* r : cli.disabled) {
    on[r] = false;
    s.origin[r] = "--disable";
  }
  s.report_syntax_errors = on[&syntax_error_rule()] || s.origin[&syntax_error_rule()] == "not in --rule";
  if (options.explain_unknown) s.explain_unknown = true;
  if (s.explain_unknown) {
    if (const RuleInfo* r = find_rule("IDL901"); r && !on[r]) {
      on[r] = true;
      s.origin[r] = options.explain_unknown ? "--explain-unknown" : s.config->path + ": explainUnknown";
    }
  }
  for (const RuleInfo* r : all_rules()) {
    if (on[r]) s.selection.rules.push_back(r);
  }
  if (options.fail_level) {
    s.fail_level = *options.fail_level;
    s.fail_level_origin = "--fail-level";
  }
  if (options.pair_parameter_files) s.pair_parameter_files = *options.pair_parameter_files;
  if (!options.module_cache.empty()) s.module_cache = options.module_cache;
  return s;
}

// The settings of each file, worked out once per configuration and set of matching overrides (a
// run of thousands of files has a few such sets): a file costs a lookup of its folder and a test of
// the overrides' patterns.
class SettingsCache {
 public:
  SettingsCache(const AppOptions& options, const CommandLineRules& cli)
      : options_(options), cli_(cli), configs_(options.config_file, options.no_config) {}
  // Null, with error set, when a configuration file that applies is invalid.
  std::shared_ptr<const FileSettings> get(const std::string& path, std::string& error) {
    std::shared_ptr<const Config> config = configs_.for_file(path, error);
    if (!error.empty()) return nullptr;
    std::vector<size_t> overrides;
    for (size_t i = 0; config && i < config->overrides.size(); ++i) {
      if (config->matches(config->overrides[i].files, path)) overrides.push_back(i);
    }
    auto [it, added] = cache_.try_emplace({config.get(), std::move(overrides)});
    if (added) it->second = std::make_shared<const FileSettings>(settings_for(path, config, options_, cli_));
    return it->second;
  }

 private:
  const AppOptions& options_;
  const CommandLineRules& cli_;
  ConfigFinder configs_;
  std::map<std::pair<const Config*, std::vector<size_t>>, std::shared_ptr<const FileSettings>> cache_;
};

// A file's result, or the exception linting it threw (a bug): rethrown when the file's turn comes,
// so the run ends at the same file, after the same output, as on one thread.
struct Linted {
  FileResult result;
  std::exception_ptr failure;
};

// Runs lint(i) for every i below count on up to `jobs` threads, the calling thread one of them.
// Each result goes to slot i, so the order is the files' order whichever thread finishes first.
std::vector<Linted> lint_in_parallel(size_t count, unsigned jobs, const std::function<FileResult(size_t)>& lint) {
  std::vector<Linted> slots(count);
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  // Files are handed out in order: when one fails, every file before it has been taken (and is
  // finished), and no file after it is needed.
  auto work = [&] {
    while (!failed.load(std::memory_order_relaxed)) {
      const size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= count) return;
      try {
        slots[i].result = lint(i);
      } catch (...) {
        slots[i].failure = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 1; t < std::min<size_t>(jobs, count); ++t) {
    try {
      threads.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // the system gives no more threads: the ones there are do the work
    }
  }
  work();
  for (std::thread& t : threads) t.join();
  return slots;
}

}  // namespace

int print_config(const AppOptions& options, const std::string& file, std::ostream& out, std::ostream& err) {
  CommandLineRules cli;
  if (!read_command_line_rules(options, cli, err)) return kExitError;
  ConfigFinder finder(options.config_file, options.no_config);
  std::string error;
  std::shared_ptr<const Config> config = finder.for_file(file, error);
  if (!error.empty()) {
    err << "idlint: error: " << printable(error) << '\n';
    return kExitError;
  }
  const FileSettings s = settings_for(file, config, options, cli);
  out << "file: " << printable(file) << '\n';
  if (!config) {
    out << "configuration: none"
        << (options.no_config ? " (--no-config)" : " (no idlint.jsonc or .idlint.jsonc in its folder or above)")
        << '\n';
  } else {
    out << "configuration: " << printable(config->path) << (options.config_file.empty() ? "" : " (--config)") << '\n';
    for (size_t i : s.overrides) {
      std::string files;
      for (const PathGlob& g : config->overrides[i].files) files += (files.empty() ? "" : ", ") + g.pattern();
      out << "override " << i + 1 << " (line " << config->overrides[i].line << "): files " << printable(files) << '\n';
    }
    out << "excluded from folder walks: " << (config->excludes(file) ? "yes" : "no") << '\n';
  }
  out << "failLevel: " << fail_level_name(s.fail_level) << " (" << printable(s.fail_level_origin) << ")\n";
  out << "parameterPairing: " << (s.pair_parameter_files ? "true" : "false") << '\n';
  out << "moduleCache: " << printable(s.module_cache.empty() ? default_module_cache_dir() : s.module_cache)
      << (s.module_cache.empty() ? " (default)" : "") << '\n';
  out << "explainUnknown: " << (s.explain_unknown ? "true" : "false") << '\n';
  out << "rules:\n";
  for (const RuleInfo* r : all_rules()) {
    const bool on = s.selection.enabled(*r);
    const auto level = s.levels.find(r);
    const char* shown = !on ? "off" : level_name(level != s.levels.end() ? level->second : r->level);
    out << fmt::format("  {}  {:<46} {:<8} {}\n", r->id, r->name, shown, printable(s.origin.at(r)));
  }
  return kExitClean;
}

const char* fail_level_name(FailLevel f) {
  switch (f) {
    case FailLevel::Error:
      return "error";
    case FailLevel::Warning:
      return "warning";
    case FailLevel::Note:
      return "note";
    case FailLevel::None:
      return "none";
  }
  return "error";
}

unsigned default_jobs() {
#if defined(__linux__)
  // The cores this process may run on (taskset, a cgroup's cpuset), not all the machine has.
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    return static_cast<unsigned>(CPU_COUNT(&set));
#endif
  return std::max(1u, std::thread::hardware_concurrency());
}

void list_rules(std::ostream& out, Format format) {
  if (format == Format::Sarif) {
    // A run without results: the tool and its rules, with their full documentation, as code
    // scanning and SARIF viewers show them.
    std::error_code ec;
    write_sarif(out, {}, SarifOptions{std::filesystem::current_path(ec).string(), nullptr});
    return;
  }
  if (format == Format::Json) {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const RuleInfo* r : all_rules()) {
      rules.push_back({{"id", r->id},
                       {"name", r->name},
                       {"level", level_name(r->level)},
                       {"summary", r->summary},
                       {"help_uri", rule_help_uri(*r)}});
    }
    out << nlohmann::ordered_json{{"tool", "idlint"}, {"version", IDLINT_VERSION}, {"rules", rules}}.dump(2) << '\n';
    return;
  }
  for (const RuleInfo* r : all_rules()) {
    out << fmt::format("{}  {:<46} {:<8} {}\n", r->id, r->name, level_name(r->level), r->summary);
  }
}

void print_catalog(std::ostream& out, const std::string& type) {
  const IdentityCatalog& catalog = IdentityCatalog::builtin();
  const CatalogType* t = catalog.find(type);
  const std::string name = t ? t->name : type;
  out << printable(name) << '\n';
  if (!t && catalog.has_type_evidence(name)) {
    out << "  identity.type: not in the specifications the catalog is made of; its parts are checked (IDL001), "
           "and the evidence below\n";
  } else if (!t) {
    out << "  identity.type: the specifications give this type no identity, so IDL001, IDL006 and IDL007 do not "
           "check it\n";
  } else {
    out << "  identity.type values, spelled as the specification spells them\n"
        << "  (source: " << catalog.source() << "):\n";
    for (const CatalogVersion& v : t->versions) {
      std::string values;
      if (v.no_identity) {
        values = "no managed identity";
      } else if (v.any_string) {
        values = "a string (any value): only its parts are checked";
      } else {
        for (const std::string& value : v.identity_types) values += (values.empty() ? "'" : ", '") + value + "'";
      }
      std::string at = v.api_versions;
      for (size_t i = 0; (i = at.find(',', i)) != std::string::npos; i += 2) at.replace(i, 1, ", ");
      out << "    " << values << "\n      at " << at << '\n';
    }
    out << "    an api-version newer than " << t->versions.back().last()
        << " is checked as it; one between these that is not listed gets only the check of its parts\n";
    const std::vector<std::string>& literals = catalog.identity_type_literals(name);
    if (!literals.empty()) {
      out << "    parts besides None, SystemAssigned and UserAssigned:";
      for (size_t i = 0; i < literals.size(); ++i) out << (i ? ", '" : " '") << literals[i] << "'";
      out << '\n';
    }
  }
  bool heading = false;
  for (const IdentityTypeEvidence& e : catalog.type_evidence()) {
    if (!equals_ignore_case(e.type, name)) continue;
    if (!heading) out << "  evidence beyond the specification (rules/identity-evidence.json), first match applies:\n";
    heading = true;
    std::string versions = "all api-versions";
    if (!e.from.empty() && e.from == e.to) {
      versions = "api-version " + e.from;
    } else if (!e.from.empty() || !e.to.empty()) {
      versions = "api-versions " + (e.from.empty() ? std::string("up") : e.from) + " to " +
                 (e.to.empty() ? std::string("the newest") : e.to);
    }
    std::string what;
    if (e.outcome == IdentityTypeEvidence::Outcome::Accepted) {
      what = "accepted '" + e.spelling + "' (no IDL006 or IDL007)";
    } else {
      what = std::string(e.error ? "IDL001 error" : "IDL006 warning") + " for '" + e.kinds + "'" +
             (e.spaced ? " written with a space" : "") + " at " + versions;
    }
    out << "    " << what << ": " << e.statement << "\n      source: " << e.source << '\n';
  }
  const std::vector<IdentityReference>& references = catalog.identity_references(name);
  if (!references.empty()) {
    out << "  properties that must name one of its identities (IDL014):\n";
    for (const IdentityReference& ref : references) {
      std::string path;
      for (const std::string& step : ref.path) path += (path.empty() || step == "[*]" ? "" : ".") + step;
      std::string kind = ref.kind == IdentityReference::Kind::ClientId ? "a client ID"
                         : ref.kind == IdentityReference::Kind::PrefixedResourceId
                             ? "'" + ref.prefix + "' and a resource ID"
                         : ref.kind == IdentityReference::Kind::KeywordOnly ? "only its system keywords are checked"
                                                                            : "a resource ID";
      out << "    " << path << ": " << kind;
      for (size_t i = 0; i < ref.system_keywords.size(); ++i) {
        out << (i ? ", '" : "; system identity: '") << ref.system_keywords[i] << "'";
      }
      if (!ref.parent_type.empty()) out << "; names an identity of the parent " << ref.parent_type;
      if (!ref.since.empty()) out << "; from api-version " << ref.since;
      out << '\n';
    }
  }
  if (const UserIdentityLimit* l = catalog.user_identity_limit(name)) {
    out << "  user-assigned identities (IDL008): at most " << l->max
        << (l->type == "*" ? " in one request, Azure Resource Manager's limit for every type" : "") << "\n"
        << "    \"" << l->quote << "\" (" << l->source << ")\n";
  }
}

std::string rule_doc_markdown(const RuleInfo& rule) {
  return fmt::format("# {} {}\n\nLevel: {}. {}\n\n{}", rule.id, rule.name, level_name(rule.level), rule.summary,
                     rule.doc);
}

std::string write_rule_docs(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  for (const RuleInfo* r : all_rules()) {
    const std::string path = dir + "/" + std::string(r->id) + ".md";
    std::string error = write_file_atomically(path, [&](std::ostream& o) { o << rule_doc_markdown(*r); });
    if (!error.empty()) return error;
  }
  return {};
}

int run_app(const AppOptions& options, std::ostream& out, std::ostream& err) {
  CommandLineRules cli_rules;
  if (!read_command_line_rules(options, cli_rules, err)) return kExitError;
  if (options.new_only && options.baseline.empty()) {
    err << "idlint: error: --new-only needs --baseline FILE\n";
    return kExitError;
  }
  // The baseline is read before anything is linted: a bad one ends the run with no report.
  std::optional<Baseline> baseline;
  if (!options.baseline.empty()) {
    std::string error;
    baseline = read_baseline(options.baseline, error);
    if (!baseline) {
      err << "idlint: error: " << printable(error) << '\n';
      return kExitError;
    }
  }
  LintOptions lint_options;
  lint_options.parameter_files = options.parameter_files;

  const std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  // '-': standard input, linted as the file --stdin-filename names (what an editor has unsaved):
  // its modules and parameter files are found beside that path, and findings point into it.
  const bool from_stdin = std::find(paths.begin(), paths.end(), "-") != paths.end();
  std::string stdin_text;
  if (from_stdin) {
    if (paths.size() != 1) {
      err << "idlint: error: '-' (standard input) is linted alone: name no other path with it\n";
      return kExitError;
    }
    if (options.stdin_filename.empty()) {
      err << "idlint: error: reading standard input ('-') needs --stdin-filename PATH, the file it is linted as\n";
      return kExitError;
    }
    std::istream& in = options.stdin_stream ? *options.stdin_stream : std::cin;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      stdin_text.append(buffer, static_cast<size_t>(in.gcount()));
      if (stdin_text.size() > kMaxInputSize) {
        err << "idlint: error: standard input: " << too_large_error(stdin_text.size()) << '\n';
        return kExitError;
      }
    }
  } else if (!options.stdin_filename.empty()) {
    err << "idlint: error: --stdin-filename names the file standard input is linted as: add the path '-'\n";
    return kExitError;
  }
  DiscoveryResult found;
  if (from_stdin) {
    found.files.push_back(DiscoveredFile{options.stdin_filename, true});
  } else {
    found = discover(paths, options.excludes, !options.no_ignore);
  }
  // Each file's configuration file is read before anything is linted: an invalid one ends the run
  // with no report. Its exclude leaves walked files out (named files are linted whatever it says).
  SettingsCache settings_cache(options, cli_rules);
  auto settings_of = [&](const std::string& path) {
    std::string error;
    std::shared_ptr<const FileSettings> settings = settings_cache.get(path, error);
    if (!error.empty()) err << "idlint: error: " << printable(error) << '\n';
    return settings;
  };
  {
    std::vector<DiscoveredFile> kept;
    for (DiscoveredFile& f : found.files) {
      // A configuration file named (pre-commit passes a changed idlint.jsonc) is checked, not linted.
      const std::string name = std::filesystem::path(f.path).filename().string();
      const std::vector<std::string>& config_names = config_file_names();
      if (f.explicitly_named && std::find(config_names.begin(), config_names.end(), name) != config_names.end()) {
        std::string error;
        if (!read_config(f.path, error)) {
          err << "idlint: error: " << printable(error) << '\n';
          return kExitError;
        }
        continue;
      }
      const std::shared_ptr<const FileSettings> settings = settings_of(f.path);
      if (!settings) return kExitError;
      if (f.explicitly_named || !settings->config || !settings->config->excludes(f.path)) kept.push_back(std::move(f));
    }
    found.files = std::move(kept);
  }
  if (!options.parameter_files.empty()) {
    // Parameter files belong to one template: the one named beside them.
    const auto templates = std::count_if(found.files.begin(), found.files.end(),
                                         [](const DiscoveredFile& f) { return f.explicitly_named; });
    if (templates != 1 || found.files.size() != 1) {
      err << "idlint: error: --parameters applies to one template: name exactly one template file\n";
      return kExitError;
    }
  }
  if (!options.base_rev.empty() && !options.base_file.empty()) {
    err << "idlint: error: --base and --base-file cannot be used together\n";
    return kExitError;
  }
  if (!options.base_file.empty()) {
    // Another file is the base of one template: the one named.
    if (found.files.size() != 1 || !found.files.front().explicitly_named) {
      err << "idlint: error: --base-file compares two files: name exactly one file to lint\n";
      return kExitError;
    }
    if (const FileRead read = read_input_file(options.base_file); !read.ok()) {
      err << "idlint: error: cannot read " << printable(options.base_file) << ": " << printable(read.error) << '\n';
      return kExitError;
    }
    lint_options.base = std::make_shared<FileBase>(options.base_file);
  } else if (!options.base_rev.empty()) {
    lint_options.base = std::make_shared<GitBase>(options.base_rev);
  }
  bool had_error = false;

  std::vector<FileResult> results;
  for (const auto& [path, reason] : found.errors) {
    FileResult r;
    r.path = path;
    r.status = FileResult::Status::ReadError;
    r.error = reason;
    results.push_back(std::move(r));
  }
  // A named ARM parameter file is linted through the templates it pairs with by name, each once
  // (pre-commit passes only the changed files: a changed parameter file alone still gets checked).
  std::vector<DiscoveredFile> to_lint = found.files;
  // The files listed already, by canonical path: filled when a parameter file or a caller is first
  // followed (most runs follow none). True when path is new to the list.
  std::set<std::string> listed;
  auto list_once = [&](const std::string& path) {
    auto identity = [](const std::string& p) {
      std::error_code ec;
      const std::filesystem::path c = std::filesystem::weakly_canonical(p, ec);
      return ec ? p : c.string();
    };
    if (listed.empty()) {
      for (const DiscoveredFile& d : found.files) listed.insert(identity(d.path));
    }
    return listed.insert(identity(path)).second;
  };
  // A named module's callers in the repository are linted with it (--with-callers, and with --base
  // as in the pre-commit hook): a change to a module alone can break a call site.
  if ((options.with_callers || !options.base_rev.empty()) && !from_stdin) {
    std::vector<std::string> named;
    for (const DiscoveredFile& f : found.files) {
      if (f.explicitly_named) named.push_back(f.path);
    }
    const std::vector<Caller> callers =
        named.empty() ? std::vector<Caller>{} : find_callers(named, options.excludes, !options.no_ignore);
    for (const Caller& c : callers) {
      const std::shared_ptr<const FileSettings> settings = settings_of(c.path);
      if (!settings) return kExitError;
      if ((settings->config && settings->config->excludes(c.path)) || !list_once(c.path)) continue;
      to_lint.push_back(DiscoveredFile{c.path, false});
      if (!options.quiet) {
        err << "idlint: note: " << printable(c.path) << " is linted too: it calls " << printable(c.callee) << '\n';
      }
    }
  }
  std::map<std::string, std::shared_ptr<const FileSettings>> settings_by_path;  // what each result was linted with
  bool explain_unknown = options.explain_unknown;
  // The files not yet linted are linted at once (-j), then gone through in order as if each had
  // just been linted: what is said on standard error comes in that order, and the templates a named
  // parameter file pairs with are added to the list, to be linted together when it reaches them.
  // Each file's settings are worked out on this thread first (configuration files are read once).
  const unsigned jobs = options.jobs ? options.jobs : default_jobs();
  std::vector<Linted> linted;  // to_lint[linted_from], to_lint[linted_from + 1], ...
  std::vector<std::shared_ptr<const FileSettings>> linted_settings;
  size_t linted_from = 0;
  for (size_t i = 0; i < to_lint.size(); ++i) {
    if (i == linted_from + linted.size()) {
      linted_from = i;
      linted_settings.clear();
      for (size_t k = i; k < to_lint.size(); ++k) {
        linted_settings.push_back(settings_of(to_lint[k].path));
        if (!linted_settings.back()) return kExitError;
      }
      linted = lint_in_parallel(to_lint.size() - i, jobs, [&](size_t k) {
        const DiscoveredFile& f = to_lint[linted_from + k];
        const FileSettings& settings = *linted_settings[k];
        LintOptions file_options = lint_options;
        file_options.pair_parameter_files = settings.pair_parameter_files;
        file_options.module_cache = settings.module_cache;
        FileResult r = from_stdin && linted_from + k == 0
                           ? lint_text(f.path, std::move(stdin_text), true, settings.selection, file_options)
                           : lint_file(f.path, f.explicitly_named, settings.selection, file_options);
        // Levels the configuration sets apply to every finding of the rule.
        for (ResolvedFinding& finding : r.findings) {
          if (const auto level = settings.levels.find(finding.rule); level != settings.levels.end()) {
            finding.level = level->second;
          }
        }
        return r;
      });
    }
    if (linted[i - linted_from].failure) std::rethrow_exception(linted[i - linted_from].failure);
    const DiscoveredFile f = to_lint[i];
    const FileSettings& settings =
        *settings_by_path.insert_or_assign(f.path, linted_settings[i - linted_from]).first->second;
    explain_unknown = explain_unknown || settings.explain_unknown;
    const bool follow_parameter_files =
        options.parameter_files.empty() && settings.pair_parameter_files && options.base_file.empty();
    FileResult r = std::move(linted[i - linted_from].result);
    if (r.status == FileResult::Status::Skipped && !r.compiled_from.empty()) {
      results.push_back(std::move(r));  // said once, in the summary
      continue;
    }
    if (r.status == FileResult::Status::Skipped) {
      std::vector<std::string> templates;
      if (f.explicitly_named && r.parameter_file && follow_parameter_files) templates = templates_paired_with(f.path);
      for (const std::string& t : templates) {
        if (list_once(t)) to_lint.push_back(DiscoveredFile{t, true});
      }
      if (f.explicitly_named && templates.empty() && !options.quiet) {
        const std::string why = r.parameter_file && follow_parameter_files
                                    ? "an ARM parameter file, and no template beside it pairs with it by name (X.json, "
                                      "X.jsonc or X.bicep for X.parameters*.json): lint its template with --parameters"
                                    : r.error;
        err << "idlint: note: skipped " << printable(f.path) << ": " << printable(why) << '\n';
      }
      continue;
    }
    if (!options.quiet) {
      for (const std::string& n : r.notes) err << "idlint: note: " << printable(f.path) << ": " << printable(n) << '\n';
    }
    if (r.status == FileResult::Status::SyntaxError && !settings.report_syntax_errors) {
      // Still said on stderr; other rules' findings (Bicep files are linted past an error) stay.
      std::vector<ResolvedFinding> kept;
      for (ResolvedFinding& finding : r.findings) {
        if (finding.rule != &syntax_error_rule()) {
          kept.push_back(std::move(finding));
          continue;
        }
        err << "idlint: error: " << printable(finding.primary.path) << ':' << finding.primary.range.start.line << ':'
            << finding.primary.range.start.column << ": " << printable(finding.message) << '\n';
      }
      r.findings = std::move(kept);
    }
    results.push_back(std::move(r));
  }
  std::stable_sort(results.begin(), results.end(),
                   [](const FileResult& a, const FileResult& b) { return a.path < b.path; });
  drop_contracts_every_call_keeps(results, [&](const std::string& path) {
    const auto it = settings_by_path.find(path);
    return it == settings_by_path.end() ? options.module_cache : it->second->module_cache;
  });

  for (const FileResult& r : results) {
    if (r.status == FileResult::Status::ReadError) {
      err << "idlint: error: cannot read " << printable(r.path) << ": " << printable(r.error) << '\n';
      had_error = true;
    }
    if (r.status == FileResult::Status::SyntaxError) had_error = true;
  }
  // Folders that hold no template at all: a wrong folder (or a CI step run in the wrong place) says
  // so and fails, rather than passing with "no findings in 0 files". Named files that are not
  // templates stay notes: pre-commit passes every changed .json, package.json included.
  const bool only_folders = !from_stdin && std::all_of(paths.begin(), paths.end(), [](const std::string& p) {
    std::error_code e;
    return std::filesystem::is_directory(p, e);
  });
  const bool nothing_linted = std::none_of(results.begin(), results.end(), [](const FileResult& r) {
    return r.status != FileResult::Status::Skipped || !r.compiled_from.empty();
  });
  if (only_folders && nothing_linted && found.errors.empty()) {
    err << "idlint: error: no ARM template, Bicep or .bicepparam file under ";
    for (size_t i = 0; i < paths.size(); ++i) err << (i ? ", " : "") << printable(paths[i]);
    err << '\n';
    had_error = true;
  }
  // The base cannot be read: said once per reason (an unknown revision applies to every file).
  std::map<std::string, std::vector<std::string>> base_errors;
  for (const FileResult& r : results) {
    if (!r.base_error.empty()) base_errors[r.base_error].push_back(r.path);
  }
  for (const auto& [reason, files] : base_errors) {
    err << "idlint: error: " << printable(files.front()) << ": " << printable(reason);
    if (files.size() > 1) err << " (and " << files.size() - 1 << (files.size() == 2 ? " other file)" : " other files)");
    err << '\n';
    had_error = true;
  }

  std::error_code ec;
  const std::string base_directory = repository_root(std::filesystem::current_path(ec).string());
  ReportScope scope;
  scope.show_suppressed = options.show_suppressed;
  BaselineComparison comparison;
  if (baseline) {
    comparison = compare_with_baseline(results, *baseline, base_directory);
    scope.baseline = &comparison;
    scope.new_only = options.new_only;
  }

  const AnnotationOptions annotations{base_directory, scope};
  auto write_as = [&](Format format, std::ostream& o) {
    switch (format) {
      case Format::Text:
        write_text(o, results, TextOptions{use_color(options), options.quiet, scope});
        break;
      case Format::Json:
        write_json(o, results, scope);
        break;
      case Format::Sarif:
        write_sarif(o, results, SarifOptions{base_directory, scope.baseline});
        break;
      case Format::Github:
        write_github(o, results, annotations);
        break;
      case Format::Azure:
        write_azure(o, results, annotations);
        break;
      case Format::Gitlab:
        write_gitlab(o, results, annotations);
        break;
      case Format::Junit:
        write_junit(o, results, annotations);
        break;
      case Format::Checkstyle:
        write_checkstyle(o, results, annotations);
        break;
    }
  };
  auto write = [&](std::ostream& o) { write_as(options.format, o); };
  if (options.output.empty()) {
    write(out);
    out.flush();
  } else {
    const std::string error = write_file_atomically(options.output, write);
    if (!error.empty()) {
      err << "idlint: error: " << printable(error) << '\n';
      return kExitError;
    }
  }

  // Each further report is written, or said to fail, whatever became of the others.
  for (const auto& [format, path] : options.more_reports) {
    const std::string error =
        write_file_atomically(path, [&, format = format](std::ostream& o) { write_as(format, o); });
    if (!error.empty()) {
      err << "idlint: error: report " << printable(path) << ": " << printable(error) << '\n';
      had_error = true;
    }
  }

  if (explain_unknown && !options.quiet) explain_unknown_summary(results, err);

  if (had_error) return kExitError;
  for (const FileResult& r : results) {
    // Each file's fail level: the command line's, else its configuration's.
    const auto settings = settings_by_path.find(r.path);
    const FailLevel fail_level = settings != settings_by_path.end() ? settings->second->fail_level
                                                                    : options.fail_level.value_or(FailLevel::Error);
    if (fail_level == FailLevel::None) continue;
    const Level limit = threshold(fail_level);
    for (const ResolvedFinding& f : r.findings) {
      if (scope.counts(f) && f.level >= limit) return kExitFindings;
    }
  }
  return kExitClean;
}

}  // namespace idlint
