// Linting one file: load it, run the enabled rules over every resource under every binding, and
// return its findings with positions resolved.
#pragma once
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/finding.h"
#include "rules/rule.h"

namespace idlint {

struct RuleSelection {
  std::vector<const RuleInfo*> rules;  // the rules to run (IDL900 is raised whenever a file does not parse)
  bool enabled(const RuleInfo& rule) const;
  static RuleSelection defaults();
};

struct FileResult {
  std::string path;
  enum class Status { Linted, Skipped, SyntaxError, ReadError } status = Status::Linted;
  std::string error;                      // ReadError: why the file could not be read; Skipped: why it was not linted
  std::vector<ResolvedFinding> findings;  // sorted by line, column, rule id
};

// explicitly_named: the user named this file, so a non-template is reported as skipped rather than
// silently ignored, and a syntax error is reported even when the file does not look like a template.
FileResult lint_file(const std::string& path, bool explicitly_named, const RuleSelection& rules);
FileResult lint_text(const std::string& path, std::string text, bool explicitly_named, const RuleSelection& rules);

// Runs the rules on a loaded template (and its nested templates); used by lint_text and the tests.
struct Template;
std::vector<Finding> check_template(const Template& t, const RuleSelection& rules);

ResolvedFinding resolve(const Finding& f);

}  // namespace idlint
