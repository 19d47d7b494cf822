// The linter as a program: options in, reports out, an exit code back. main.cpp only parses flags.
#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace idlint {

enum class Format { Text, Sarif, Json, Github, Azure, Gitlab, Junit, Checkstyle };
enum class FailLevel { Error, Warning, Note, None };
const char* fail_level_name(FailLevel f);  // "error", "warning", "note", "none": as --fail-level and failLevel take it
enum class ColorMode { Auto, Always, Never };

struct AppOptions {
  std::vector<std::string> paths;
  Format format = Format::Text;
  std::string output;  // empty: standard output
  // --format NAME:PATH: more reports of the same run, each written (atomically) to its own file.
  std::vector<std::pair<Format, std::string>> more_reports;
  // Unset: the configuration file's value, else the default (error; parameter pairing on).
  std::optional<FailLevel> fail_level;
  std::vector<std::string> only_rules;      // --rule
  std::vector<std::string> disabled_rules;  // --disable
  ColorMode color = ColorMode::Auto;
  bool quiet = false;
  std::vector<std::string> parameter_files;  // --parameters
  std::optional<bool> pair_parameter_files;  // false with --no-parameter-pairing
  std::string module_cache;                  // --module-cache
  bool explain_unknown = false;              // --explain-unknown
  std::string base_rev;                      // --base REV: compare each file with its version at REV
  std::string base_file;                     // --base-file OLD: compare the one linted file with OLD
  bool show_suppressed = false;              // --show-suppressed
  std::string baseline;                      // --baseline OLD.sarif
  bool new_only = false;                     // --new-only
  std::vector<std::string> excludes;          // --exclude GLOB (gitignore-style, for walks)
  bool no_ignore = false;                    // --no-ignore: walks read no .gitignore or other ignore file
  std::string stdin_filename;                // --stdin-filename: the path '-' (standard input) is linted as
  std::istream* stdin_stream = nullptr;      // where '-' is read from (std::cin; a stream in tests)
  std::string config_file;                   // --config FILE: this configuration for every file
  bool no_config = false;                    // --no-config: no configuration file is read
  bool with_callers = false;                 // --with-callers: lint the callers of named modules too
  unsigned jobs = 0;                         // -j N: files linted at once (0: one per core it may run on)
};

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

int run_app(const AppOptions& options, std::ostream& out, std::ostream& err);
// --print-config FILE: the settings FILE is linted with (which configuration file, which overrides,
// each rule's level and where it was set), with the command line's options applied.
int print_config(const AppOptions& options, const std::string& file, std::ostream& out, std::ostream& err);
// The cores this process may run on (its CPU affinity mask, which containers narrow), at least 1:
// what -j 0, the default, lints at once.
unsigned default_jobs();
// --list-rules: text (a line per rule), json, or sarif (a run with the rules and no results).
void list_rules(std::ostream& out, Format format = Format::Text);
// --catalog TYPE: what the identity catalog knows about a resource type.
void print_catalog(std::ostream& out, const std::string& type);
// Writes docs/rules/<ID>.md for every rule into dir; returns an error text or empty.
std::string write_rule_docs(const std::string& dir);
std::string rule_doc_markdown(const struct RuleInfo& rule);

}  // namespace idlint
