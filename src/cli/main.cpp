// idlint's command line: flags parsed with CLI11, everything else in the library (cli/app.h).
#include <CLI/CLI.hpp>
#include <charconv>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#if defined(__GLIBC__)  // defined by the C++ headers above when the C library is glibc
#include <malloc.h>
#endif

#include "cli/app.h"
#include "cli/config.h"
#include "cli/generate.h"
#include "cli/version.h"
#include "report/report.h"

namespace {

// --help in 80 columns: each option's description wrapped at word boundaries beside its name
// (CLI11 prints a description on one line, however long).
class WrappingFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    constexpr size_t kWidth = 80;
    const size_t column = get_column_width();
    std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    std::string out;
    std::string line = name;
    if (line.size() + 1 > column) {
      out += line + "\n";
      line.clear();
    }
    line.resize(column, ' ');
    size_t line_start_words = 0;
    std::istringstream words(make_option_desc(opt));
    for (std::string word; words >> word;) {
      if (line_start_words > 0 && line.size() + 1 + word.size() > kWidth) {
        out += line + "\n";
        line.assign(column, ' ');
        line_start_words = 0;
      }
      line += (line_start_words++ > 0 ? " " : "") + word;
    }
    return out + line + "\n";
  }
};

}  // namespace

int main(int argc, char** argv) {
  using namespace idlint;
  // Each file's arena is freed once the file is linted. Keeping freed memory in the heap, rather
  // than returning it to the kernel, spares the next file a page fault per page (peak RSS is
  // bounded by the largest file either way).
  // glibc's tunables; other C libraries' allocators keep their own defaults.
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
  CLI::App app{"idlint: checks the managed identities and customer-managed keys of Azure ARM\n"
               "JSON and Bicep templates, their parameter files and modules.",
               "idlint"};
  app.set_version_flag("--version", [] { return version_text(); },
                       "Print the version, the commit it was built from, the identity catalog's source and the licence, "
                       "and exit");
  app.formatter(std::make_shared<WrappingFormatter>());
  app.get_formatter()->column_width(28);

  AppOptions options;
  bool show_rules = false;
  // An empty value asks for something that cannot happen (a comparison with nothing, a report
  // written nowhere): a usage error, not a silent default.
  const CLI::Validator non_empty(
      [](std::string& v) { return v.empty() ? std::string("the value is empty") : std::string(); }, "");
  std::string rule_docs_dir;
  // An option whose value is one of a few names: the names only (CLI11's transformers also take the
  // enum's number, so '--format 2' meant JSON), and a message that says what is accepted. The names
  // are kept by option for --generate's completions and man page.
  OptionChoices choices;
  auto one_of = [&choices](const char* option, const char* what, std::vector<std::pair<std::string, int>> names) {
    std::string accepted;
    for (size_t i = 0; i < names.size(); ++i) {
      accepted += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i].first;
      choices[option].push_back(names[i].first);
    }
    return CLI::Validator(
        [names, accepted, what](std::string& v) {
          for (const auto& [name, value] : names) {
            if (v == name) {
              v = std::to_string(value);
              return std::string();
            }
          }
          return "'" + v + "' is not " + what + ": use " + accepted;
        },
        "");
  };

  app.add_option("paths", options.paths, "Files and directories to lint (default: .)")->option_text("PATH...");
  // --format NAME[:PATH], repeatable: one report to standard output (or -o), the others to files.
  const CLI::Validator format_name = one_of("--format", "a format",
                                            {{"text", static_cast<int>(Format::Text)},
                                             {"sarif", static_cast<int>(Format::Sarif)},
                                             {"json", static_cast<int>(Format::Json)},
                                             {"github", static_cast<int>(Format::Github)},
                                             {"azure", static_cast<int>(Format::Azure)},
                                             {"gitlab", static_cast<int>(Format::Gitlab)},
                                             {"junit", static_cast<int>(Format::Junit)},
                                             {"checkstyle", static_cast<int>(Format::Checkstyle)}});
  std::vector<std::pair<Format, std::string>> formats;
  app.add_option_function<std::vector<std::string>>(
         "--format",
         [&](const std::vector<std::string>& values) {
           for (const std::string& value : values) {
             const size_t colon = value.find(':');
             std::string name = value.substr(0, colon);
             const std::string path = colon == std::string::npos ? std::string() : value.substr(colon + 1);
             if (const std::string error = format_name(name); !error.empty()) throw CLI::ValidationError("--format", error);
             if (colon != std::string::npos && path.empty()) {
               throw CLI::ValidationError("--format", "'" + value + "' names no file after ':'");
             }
             formats.emplace_back(static_cast<Format>(std::stoi(name)), path);
           }
         },
         "Output format: text (default), sarif, json, github (workflow commands: annotations in a pull "
         "request), azure (Azure Pipelines logging commands), gitlab (Code Quality), junit or checkstyle; "
         "FORMAT:PATH writes that report to PATH too (repeatable)")
      ->option_text("FORMAT[:PATH]")
      ->allow_extra_args(false);
  app.add_option("-o,--output", options.output, "Write the report to FILE (atomically) instead of standard output")
      ->option_text("FILE")
      ->check(non_empty);
  FailLevel fail_level = FailLevel::Error;
  CLI::Option* fail_level_option = app.add_option("--fail-level", fail_level,
                 "Exit 1 when a finding is at or above LEVEL: error (default), warning, note or none")
      ->option_text("LEVEL")
      ->transform(one_of("--fail-level", "a level", {{"error", static_cast<int>(FailLevel::Error)},
                                                     {"warning", static_cast<int>(FailLevel::Warning)},
                                                     {"note", static_cast<int>(FailLevel::Note)},
                                                     {"none", static_cast<int>(FailLevel::None)}}));
  // One rule per occurrence, so that `--rule IDL001 main.json` does not take main.json for a rule.
  app.add_option("--rule", options.only_rules, "Run only these rules, by id or name (comma-separated, repeatable)")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->option_text("ID,...");
  app.add_option("--disable", options.disabled_rules, "Do not run these rules, by id or name (comma-separated, repeatable)")
      ->allow_extra_args(false)
      ->delimiter(',')
      ->option_text("ID,...");
  app.add_flag("--list-rules", show_rules, "List the rules and exit");
  bool show_license = false;
  app.add_flag("--license", show_license, "Print idlint's licence and the notices of the code it contains, and exit");
  std::string catalog_type;
  app.add_option("--catalog", catalog_type,
                 "Print what the identity catalog knows about resource TYPE (the identity.type values by api-version, "
                 "the evidence beyond the specification, the properties IDL014 checks, the user identity limit, with "
                 "sources) and exit")
      ->option_text("TYPE")
      ->check(non_empty);
  app.add_option("--color", options.color, "Colour in text output: auto (default: on a terminal), always or never")
      ->option_text("WHEN")
      ->transform(one_of("--color", "a colour mode", {{"auto", static_cast<int>(ColorMode::Auto)},
                                                      {"always", static_cast<int>(ColorMode::Always)},
                                                      {"never", static_cast<int>(ColorMode::Never)}}));
  app.add_option("--parameters", options.parameter_files,
                 "Lint the template with this ARM parameter file (repeatable; replaces the files paired by name)")
      ->allow_extra_args(false)
      ->option_text("FILE")
      ->check(non_empty);
  bool no_pairing = false;
  app.add_flag("--no-parameter-pairing", no_pairing, "Do not lint X.json with the X.parameters*.json files beside it");
  app.add_option("--module-cache", options.module_cache,
                 "The Bicep module cache to read registry modules from (default: ~/.bicep)")
      ->option_text("DIR")
      ->check(non_empty)
      // '~/' as the shell would (--module-cache=~/x, and where no shell runs: pre-commit, CI inputs).
      ->transform(CLI::Validator(
          [](std::string& v) {
            std::string error;
            v = expand_home(v, error);
            return error;
          },
          ""));
  app.add_option("--base", options.base_rev,
                 "Compare each file with its version at git revision REV (transition rules IDL020-IDL024)")
      ->option_text("REV")
      ->check(non_empty);
  app.add_option("--base-file", options.base_file,
                 "Compare the one file linted with OLD: a template, or a deployed resource's JSON (az resource show, "
                 "az postgres flexible-server show)")
      ->option_text("OLD")
      ->check(non_empty);
  app.add_flag("--explain-unknown", options.explain_unknown,
               "Report every checked value that could not be determined, and why (turns on IDL901)");
  app.add_option("--baseline", options.baseline,
                 "Compare with the SARIF report of an earlier run: each finding is new, unchanged or updated, and "
                 "the baseline's fixed ones are absent")
      ->option_text("FILE")
      ->check(non_empty);
  app.add_flag("--new-only", options.new_only,
               "With --baseline: show and count for the exit code only the findings the baseline does not have");
  app.add_flag("--show-suppressed", options.show_suppressed,
               "Print the findings an in-source suppression covers too, with its justification");
  app.add_flag("-q,--quiet", options.quiet, "Print findings only: no summary, no notes about skipped files");
  app.add_option("--exclude", options.excludes,
                 "Leave out walked files and folders matching GLOB, gitignore-style, relative to the working "
                 "directory ('legacy/', 'modules/**/generated', '*.test.bicep'; repeatable); named files are linted")
      ->allow_extra_args(false)
      ->option_text("GLOB")
      ->check(non_empty);
  app.add_flag("--with-callers", options.with_callers,
               "Lint too the files in the repository that call a named Bicep module or template (module "
               "declarations, .bicepparam using lines); on with --base");
  app.add_flag("--no-ignore", options.no_ignore,
               "Walk folders without reading .gitignore files, .git/info/exclude or the global git excludes "
               "file (--exclude still applies)");
  app.add_option("--stdin-filename", options.stdin_filename,
                 "Lint standard input (the path '-') as the file PATH: modules and parameter files are found "
                 "beside it, findings point into it (for editors)")
      ->option_text("PATH")
      ->check(non_empty);
  app.add_option("--config", options.config_file,
                 "Use this configuration file for every file, instead of the nearest idlint.jsonc or .idlint.jsonc "
                 "in the file's folder or above (up to the repository root)")
      ->option_text("FILE")
      ->check(non_empty);
  app.add_flag("--no-config", options.no_config, "Read no configuration file");
  std::string print_config_for;
  app.add_option("--print-config", print_config_for,
                 "Print the settings FILE is linted with (the configuration file, the overrides that match, each "
                 "rule's level and where it is set) and exit")
      ->option_text("FILE")
      ->check(non_empty);
  // -j 0 is the default, as in ripgrep: a script can pass a number or leave the choice to idlint.
  app.add_option("-j,--jobs", options.jobs,
                 "Lint N files at once (default, and 0: one per core idlint may run on); the output is the same "
                 "for any N")
      ->option_text("N")
      ->group("Input")
      ->check(CLI::Validator(
          [](std::string& v) {
            unsigned n = 0;
            const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
            if (v.empty() || ec != std::errc() || end != v.data() + v.size()) {
              return "'" + v + "' is not a number of files: use 1 or more (0: one per core)";
            }
            return std::string();
          },
          ""));
  // ripgrep's --generate: what packages install, written from these definitions.
  GenerateKind generate_kind = GenerateKind::Man;
  CLI::Option* generate_option =
      app.add_option("--generate", generate_kind,
                     "Print KIND and exit: the man page (man) or a shell completion (complete-bash, complete-zsh, "
                     "complete-fish)")
          ->option_text("KIND")
          ->transform(one_of("--generate", "a kind", generate_kind_names()));
  app.add_option("--write-rule-docs", rule_docs_dir, "Write one markdown page per rule into DIR and exit")
      ->group("");  // maintainer option, hidden from --help
  // `idlint explain IDL001`: a rule's documentation from the binary (a folder named 'explain' is
  // linted as ./explain).
  std::string explained;
  CLI::App* explain = app.add_subcommand("explain", "Print a rule's documentation (id or name) and exit");
  explain->add_option("rule", explained, "The rule, by id (IDL001) or name (identity-type-invalid)")
      ->required()
      ->option_text("ID");

  // --help by what an option is about.
  const std::vector<std::pair<const char*, std::vector<const char*>>> groups = {
      {"Input",
       {"--exclude", "--no-ignore", "--with-callers", "--parameters", "--no-parameter-pairing", "--module-cache",
        "--stdin-filename"}},
      {"Rules", {"--rule", "--disable", "--list-rules", "--catalog", "--explain-unknown"}},
      {"Configuration", {"--config", "--no-config", "--print-config"}},
      {"Output", {"--format", "--output", "--fail-level", "--color", "--quiet", "--show-suppressed"}},
      {"Comparison", {"--base", "--base-file", "--baseline", "--new-only"}},
  };
  for (const auto& [group, names] : groups) {
    for (const char* name : names) app.get_option(name)->group(group);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "idlint: error: " << idlint::printable(e.what()) << "\n"
              << "Run 'idlint --help' for usage.\n";
    return kExitError;
  }

  if (no_pairing) options.pair_parameter_files = false;
  if (fail_level_option->count() > 0) options.fail_level = fail_level;
  if (options.no_config && !options.config_file.empty()) {
    std::cerr << "idlint: error: --config and --no-config contradict each other\n";
    return kExitError;
  }
  // One report goes to standard output (or -o): the format without a path, text when none is.
  bool main_given = false;
  for (const auto& [format, path] : formats) {
    if (!path.empty()) {
      for (const auto& [other, seen] : options.more_reports) {
        if (seen == path) {
          std::cerr << "idlint: error: --format: two reports are written to " << idlint::printable(path) << '\n';
          return kExitError;
        }
      }
      if (path == options.output) {
        std::cerr << "idlint: error: --format: " << idlint::printable(path) << " is also the -o file\n";
        return kExitError;
      }
      options.more_reports.emplace_back(format, path);
    } else if (main_given) {
      std::cerr << "idlint: error: --format: only one report goes to "
                << (options.output.empty() ? "standard output" : "the -o file")
                << "; write the others to files (--format sarif:idlint.sarif)\n";
      return kExitError;
    } else {
      options.format = format;
      main_given = true;
    }
  }
  if (explain->parsed()) {
    const RuleInfo* rule = find_rule(explained);
    if (!rule) {
      std::cerr << "idlint: error: unknown rule '" << idlint::printable(explained) << "' (see --list-rules)\n";
      return kExitError;
    }
    std::cout << rule_doc_markdown(*rule);
    return kExitClean;
  }
  if (show_license) {
    std::cout << license_text();
    return kExitClean;
  }
  if (generate_option->count() > 0) {
    generate(std::cout, generate_kind, app, choices);
    return kExitClean;
  }
  if (show_rules) {
    if (options.format != Format::Text && options.format != Format::Json && options.format != Format::Sarif) {
      std::cerr << "idlint: error: --list-rules prints text, json or sarif\n";
      return kExitError;
    }
    list_rules(std::cout, options.format);
    return kExitClean;
  }
  if (!catalog_type.empty()) {
    print_catalog(std::cout, catalog_type);
    return kExitClean;
  }
  if (!print_config_for.empty()) return print_config(options, print_config_for, std::cout, std::cerr);
  if (!rule_docs_dir.empty()) {
    const std::string error = write_rule_docs(rule_docs_dir);
    if (!error.empty()) {
      std::cerr << "idlint: error: " << idlint::printable(error) << '\n';
      return kExitError;
    }
    return kExitClean;
  }
  try {
    return run_app(options, std::cout, std::cerr);
  } catch (const std::exception& e) {
    // A bug, not bad input (bad input is reported as findings): say so and fail clearly.
    std::cerr << "idlint: internal error: " << idlint::printable(e.what()) << " (please report this)\n";
    return kExitError;
  }
}
