// The JSON reporter: one object per finding, for scripts.
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace idlint {
namespace {

nlohmann::ordered_json location_json(const ResolvedLocation& l) {
  nlohmann::ordered_json j;
  j["file"] = l.path;
  j["start_line"] = l.range.start.line;
  j["start_column"] = l.range.start.column;
  j["end_line"] = l.range.last.line;
  j["end_column"] = l.range.last.column;
  return j;
}

}  // namespace

void write_json(std::ostream& out, const std::vector<FileResult>& results, const ReportScope& scope) {
  nlohmann::ordered_json doc;
  doc["tool"] = "idlint";
  doc["version"] = IDLINT_VERSION;
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
  for (const FileResult& r : results) {
    if (r.status == FileResult::Status::ReadError) {
      errors.push_back({{"file", r.path}, {"message", "cannot read: " + r.error}});
    }
    if (r.status == FileResult::Status::Skipped && !r.compiled_from.empty()) {
      skipped.push_back({{"file", r.path}, {"linted_as", r.compiled_from}});
    }
    for (const ResolvedFinding& f : r.findings) {
      if (!scope.in_scope(f)) continue;
      nlohmann::ordered_json j = location_json(f.primary);
      j["rule_id"] = f.rule->id;
      j["rule_name"] = f.rule->name;
      j["level"] = level_name(f.level);
      j["message"] = f.message;
      if (!f.help.empty()) j["help"] = f.help;
      nlohmann::ordered_json related = nlohmann::ordered_json::array();
      for (const ResolvedLocation& l : f.related) {
        nlohmann::ordered_json rl = location_json(l);
        rl["message"] = l.message;
        related.push_back(std::move(rl));
      }
      j["related"] = std::move(related);
      if (f.baseline != ResolvedFinding::BaselineState::None) j["baseline_state"] = baseline_state_name(f.baseline);
      if (f.suppression) {
        nlohmann::ordered_json where = location_json(f.suppression->location);
        where["justification"] = f.suppression->justification;
        j["suppression"] = std::move(where);
      }
      findings.push_back(std::move(j));
    }
  }
  const RunSummary s = summarize(results, scope);
  doc["findings"] = std::move(findings);
  doc["errors"] = std::move(errors);
  if (!skipped.empty()) doc["skipped"] = std::move(skipped);
  doc["summary"] = {{"files_checked", s.files_checked},
                    {"errors", s.errors},
                    {"warnings", s.warnings},
                    {"notes", s.notes},
                    {"suppressed", s.suppressed}};
  if (s.compiled_skipped) doc["summary"]["compiled_templates_skipped"] = s.compiled_skipped;
  if (scope.baseline) {
    doc["summary"]["baseline"] = {
        {"new", s.new_findings}, {"unchanged", s.unchanged}, {"updated", s.updated}, {"absent", s.absent}};
  }
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace idlint
