// Reporters: text for people, JSON for scripts, SARIF 2.1.0 for code scanning and editors.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "engine/lint.h"

namespace idlint {

struct BaselineComparison;  // report/baseline.h

// Which findings a report lists. With --baseline every finding has its state; with --new-only only
// new findings are listed in text and JSON and counted for the exit code. SARIF always lists every
// result with its state, and the baseline's absent ones.
struct ReportScope {
  const BaselineComparison* baseline = nullptr;  // set with --baseline
  bool new_only = false;
  bool show_suppressed = false;  // --show-suppressed: text prints suppressed findings too, marked
  // Within the report: every finding, or with --new-only the new ones. JSON lists these (suppressed
  // ones marked).
  bool in_scope(const ResolvedFinding& f) const;
  // Counted for the exit code and the summary: in scope and not covered by an in-source suppression.
  bool counts(const ResolvedFinding& f) const { return in_scope(f) && !f.suppression; }
  // Printed by the text reporter.
  bool shown_in_text(const ResolvedFinding& f) const { return in_scope(f) && (!f.suppression || show_suppressed); }
};

struct RunSummary {
  size_t files_checked = 0;  // files linted or that failed to parse
  size_t errors = 0;         // errors, warnings, notes and files_with_findings count listed findings
  size_t warnings = 0;
  size_t notes = 0;
  size_t files_with_findings = 0;
  // With --baseline: every finding by state, and the baseline results this run no longer produces.
  size_t new_findings = 0;
  size_t unchanged = 0;
  size_t updated = 0;
  size_t absent = 0;
  size_t suppressed = 0;  // findings in scope that an in-source suppression covers
  // Compiled templates a folder walk skipped (linted as their .bicep source), and the first source.
  size_t compiled_skipped = 0;
  std::string first_compiled_source;
};

RunSummary summarize(const std::vector<FileResult>& results, const ReportScope& scope = {});
const char* baseline_state_name(ResolvedFinding::BaselineState state);

struct TextOptions {
  bool color = false;
  bool quiet = false;  // findings only, no summary line
  ReportScope scope;
};

void write_text(std::ostream& out, const std::vector<FileResult>& results, const TextOptions& options);
void write_json(std::ostream& out, const std::vector<FileResult>& results, const ReportScope& scope = {});

struct SarifOptions {
  std::string base_directory;                    // absolute; artifact URIs are relative to it (the repository root)
  const BaselineComparison* baseline = nullptr;  // results get a baselineState; absent ones are added
};
void write_sarif(std::ostream& out, const std::vector<FileResult>& results, const SarifOptions& options);

// CI annotations, one line per finding that counts (in scope, not suppressed), in the runner's own
// command syntax: GitHub Actions workflow commands (::error file=…,line=…::message) and Azure
// Pipelines logging commands (##vso[task.logissue type=error;sourcepath=…]message).
struct AnnotationOptions {
  std::string base_directory;  // absolute; GitHub annotation paths are relative to it (the repository root)
  ReportScope scope;
};
void write_github(std::ostream& out, const std::vector<FileResult>& results, const AnnotationOptions& options);
void write_azure(std::ostream& out, const std::vector<FileResult>& results, const AnnotationOptions& options);
// Report files CI systems read: GitLab Code Quality JSON, JUnit XML (a test case per file linted,
// a failure per finding), Checkstyle XML.
void write_gitlab(std::ostream& out, const std::vector<FileResult>& results, const AnnotationOptions& options);
void write_junit(std::ostream& out, const std::vector<FileResult>& results, const AnnotationOptions& options);
void write_checkstyle(std::ostream& out, const std::vector<FileResult>& results, const AnnotationOptions& options);

// The repository root holding dir (the nearest ancestor with .git), else dir itself; absolute.
std::string repository_root(const std::string& dir);
// A path relative to base when inside it (else absolute), with '/' separators, as CI systems show
// paths from the repository root (GitHub annotations, GitLab, JUnit, Checkstyle).
std::string repository_path(const std::string& path, const std::string& base);
// A path relative to base when inside it, with '/' separators, percent-encoded for a URI.
std::string relative_uri(const std::string& path, const std::string& base, bool& inside);

// What SARIF writes for a finding, shared by the SARIF writer and the baseline comparison.
struct SarifRegion {
  uint32_t start_line = 0;
  uint32_t start_column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;  // exclusive, as SARIF defines it
};
SarifRegion sarif_region(const LineColumnRange& range);
std::string sarif_message(std::string text);  // a message.text ends with a period
// The statement, then the remedy, one sentence each (plain text, for every report format).
std::string sarif_text(const ResolvedFinding& f);
// A SARIF result's message.text: sarif_text with '[' and ']' escaped, and a link to each related
// location ("See [the default value of parameter 'x'](1)."). The baseline comparison uses it too.
std::string sarif_result_text(const ResolvedFinding& f);
// artifactLocation.uri: relative to base (then uriBaseId %SRCROOT% applies), else a file:// URI.
std::string artifact_uri(const std::string& path, const std::string& base, bool& inside);

// Text from a template or a file name as a terminal shows it, one line: control characters
// (C0, DEL, C1), line and paragraph separators and bidirectional overrides are written as escapes
// (\n, \r, \t, \x1b, \u202e), as are bytes that are not UTF-8. A template cannot start a line that
// a problem matcher takes for another finding, move the cursor or reorder what is shown.
std::string printable(std::string_view text);
// The length in bytes of the UTF-8 character at text[i] (1 for a byte that does not start one).
size_t utf8_length(std::string_view text, size_t i);
// The columns a terminal gives one UTF-8 character: 2 for East Asian wide and fullwidth
// characters and emoji, 0 for combining marks and zero-width characters, else 1.
size_t display_width(std::string_view character);

// The help text of a rule without markdown markup (for SARIF help.text and --list-rules).
std::string plain_text(std::string_view markdown);
// The first paragraph under "What it checks", flattened to one line.
std::string rule_description(const RuleInfo& rule);

}  // namespace idlint
