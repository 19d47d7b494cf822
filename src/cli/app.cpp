// Orchestration: discover files, lint each, report in the chosen format, compute the exit code.
#include "cli/app.h"

#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <iostream>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>

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
void drop_contracts_every_call_keeps(std::vector<FileResult>& results, const std::string& module_cache) {
  auto has_contract = [](const FileResult& r) {
    return std::any_of(r.findings.begin(), r.findings.end(), [](const ResolvedFinding& f) { return !f.contract.empty(); });
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
      const ModuleTarget target = resolve_module_path(r.path, c.written, module_cache);
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

}  // namespace

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
  RuleSelection selection;
  for (const std::string& id : options.only_rules) {
    const RuleInfo* r = find_rule(id);
    if (!r) {
      err << "idlint: error: unknown rule '" << printable(id) << "' in --rule (see --list-rules)\n";
      return kExitError;
    }
    selection.rules.push_back(r);
  }
  if (options.only_rules.empty()) selection = RuleSelection::defaults();
  for (const std::string& id : options.disabled_rules) {
    const RuleInfo* r = find_rule(id);
    if (!r) {
      err << "idlint: error: unknown rule '" << printable(id) << "' in --disable (see --list-rules)\n";
      return kExitError;
    }
    // Asking for a rule and disabling it in one command contradicts itself.
    if (std::any_of(options.only_rules.begin(), options.only_rules.end(),
                    [&](const std::string& only) { return find_rule(only) == r; })) {
      err << "idlint: error: rule " << r->id << " is both in --rule and in --disable\n";
      return kExitError;
    }
    std::erase(selection.rules, r);
  }
  if (options.explain_unknown) {
    const RuleInfo* r = find_rule("IDL901");
    if (r && !selection.enabled(*r)) selection.rules.push_back(r);
  }
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
  lint_options.pair_parameter_files = options.pair_parameter_files;
  lint_options.module_cache = options.module_cache;
  // A file that does not parse is always reported: as IDL900 unless that rule is disabled by name,
  // then as an error line (the exit code is 2 either way).
  const bool report_syntax_errors =
      std::none_of(options.disabled_rules.begin(), options.disabled_rules.end(),
                   [](const std::string& id) { return find_rule(id) == &syntax_error_rule(); });

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
  std::set<std::string> listed;  // filled when a parameter file is first followed
  auto identity = [](const std::string& path) {
    std::error_code ec;
    const std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
    return ec ? path : p.string();
  };
  const bool follow_parameter_files =
      options.parameter_files.empty() && options.pair_parameter_files && options.base_file.empty();
  for (size_t i = 0; i < to_lint.size(); ++i) {
    const DiscoveredFile f = to_lint[i];
    FileResult r = from_stdin && i == 0 ? lint_text(f.path, std::move(stdin_text), true, selection, lint_options)
                                        : lint_file(f.path, f.explicitly_named, selection, lint_options);
    if (r.status == FileResult::Status::Skipped && !r.compiled_from.empty()) {
      results.push_back(std::move(r));  // said once, in the summary
      continue;
    }
    if (r.status == FileResult::Status::Skipped) {
      std::vector<std::string> templates;
      if (f.explicitly_named && r.parameter_file && follow_parameter_files) templates = templates_paired_with(f.path);
      if (!templates.empty() && listed.empty()) {
        for (const DiscoveredFile& d : found.files) listed.insert(identity(d.path));
      }
      for (const std::string& t : templates) {
        if (listed.insert(identity(t)).second) to_lint.push_back(DiscoveredFile{t, true});
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
    if (r.status == FileResult::Status::SyntaxError && !report_syntax_errors) {
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
  drop_contracts_every_call_keeps(results, options.module_cache);

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

  if (options.explain_unknown && !options.quiet) explain_unknown_summary(results, err);

  if (had_error) return kExitError;
  if (options.fail_level == FailLevel::None) return kExitClean;
  const Level limit = threshold(options.fail_level);
  for (const FileResult& r : results) {
    for (const ResolvedFinding& f : r.findings) {
      if (scope.counts(f) && f.level >= limit) return kExitFindings;
    }
  }
  return kExitClean;
}

}  // namespace idlint
