// Reporters: text for people, JSON for scripts, SARIF 2.1.0 for code scanning and editors.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "engine/lint.h"

namespace idlint {

// Whether a finding counts: for the exit code, the summary's counts and the text report. A
// suppressed finding does not (it stays in SARIF and JSON, marked).
bool counts_for_exit(const ResolvedFinding& f);

struct RunSummary {
  size_t files_checked = 0;  // files linted or that failed to parse
  size_t errors = 0;         // errors, warnings, notes and files with findings: those that count
  size_t warnings = 0;
  size_t notes = 0;
  size_t files_with_findings = 0;
  size_t suppressed = 0;  // findings an in-source suppression covers
};

RunSummary summarize(const std::vector<FileResult>& results);

struct TextOptions {
  bool color = false;
  bool quiet = false;            // findings only, no summary line
  bool show_suppressed = false;  // print suppressed findings too, marked with their justification
};

void write_text(std::ostream& out, const std::vector<FileResult>& results, const TextOptions& options);
void write_json(std::ostream& out, const std::vector<FileResult>& results);

struct SarifOptions {
  std::string base_directory;  // absolute; artifact URIs are relative to it (the repository root)
};
void write_sarif(std::ostream& out, const std::vector<FileResult>& results, const SarifOptions& options);

// The repository root holding dir (the nearest ancestor with .git), else dir itself; absolute.
std::string repository_root(const std::string& dir);
// A path relative to base when inside it, with '/' separators, percent-encoded for a URI.
std::string relative_uri(const std::string& path, const std::string& base, bool& inside);

// The help text of a rule without markdown markup (for SARIF help.text and --list-rules).
std::string plain_text(std::string_view markdown);
// The first paragraph under "What it checks", flattened to one line.
std::string rule_description(const RuleInfo& rule);

}  // namespace idlint
