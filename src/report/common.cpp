// Helpers shared by the reporters: summaries, paths and URIs, rule texts.
#include <filesystem>

#include "report/baseline.h"
#include "report/report.h"

namespace idlint {

namespace fs = std::filesystem;

bool ReportScope::in_scope(const ResolvedFinding& f) const {
  return !new_only || f.baseline == ResolvedFinding::BaselineState::New;
}

const char* baseline_state_name(ResolvedFinding::BaselineState state) {
  switch (state) {
    case ResolvedFinding::BaselineState::New:
      return "new";
    case ResolvedFinding::BaselineState::Unchanged:
      return "unchanged";
    case ResolvedFinding::BaselineState::Updated:
      return "updated";
    case ResolvedFinding::BaselineState::Absent:
      return "absent";
    case ResolvedFinding::BaselineState::None:
      break;
  }
  return "";
}

RunSummary summarize(const std::vector<FileResult>& results, const ReportScope& scope) {
  RunSummary s;
  for (const FileResult& r : results) {
    if (r.status == FileResult::Status::Linted || r.status == FileResult::Status::SyntaxError) ++s.files_checked;
    bool listed_any = false;
    for (const ResolvedFinding& f : r.findings) {
      if (f.suppression) {
        // Suppressed findings stay out of every other count, the baseline states included.
        if (scope.in_scope(f)) ++s.suppressed;
        continue;
      }
      switch (f.baseline) {
        case ResolvedFinding::BaselineState::New:
          ++s.new_findings;
          break;
        case ResolvedFinding::BaselineState::Unchanged:
          ++s.unchanged;
          break;
        case ResolvedFinding::BaselineState::Updated:
          ++s.updated;
          break;
        default:
          break;
      }
      if (!scope.counts(f)) continue;
      listed_any = true;
      switch (f.level) {
        case Level::Error:
          ++s.errors;
          break;
        case Level::Warning:
          ++s.warnings;
          break;
        case Level::Note:
          ++s.notes;
          break;
      }
    }
    if (listed_any) ++s.files_with_findings;
  }
  if (scope.baseline) s.absent = scope.baseline->absent.size();
  return s;
}

SarifRegion sarif_region(const LineColumnRange& range) {
  return {range.start.line, range.start.column, range.last.line, range.last.column + 1};
}

std::string sarif_message(std::string text) {
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

std::string artifact_uri(const std::string& path, const std::string& base, bool& inside) {
  const std::string uri = relative_uri(path, base, inside);
  return inside ? uri : "file://" + uri;
}

std::string repository_root(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::absolute(dir, ec);
  if (ec) return dir;
  p = p.lexically_normal();
  for (fs::path q = p; !q.empty(); q = q.parent_path()) {
    if (fs::exists(q / ".git", ec)) return q.string();
    if (q == q.root_path()) break;
  }
  return p.string();
}

std::string relative_uri(const std::string& path, const std::string& base, bool& inside) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec).lexically_normal();
  fs::path rel = abs.lexically_relative(base);
  inside = !rel.empty() && *rel.begin() != "..";
  const std::string raw = inside ? rel.generic_string() : abs.generic_string();
  std::string out;
  for (unsigned char c : raw) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_' || c == '.' || c == '~' || c == '/';
    if (safe) {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string plain_text(std::string_view markdown) {
  std::string out;
  size_t i = 0;
  while (i < markdown.size()) {
    size_t end = markdown.find('\n', i);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(i, end - i);
    i = end + 1;
    if (line.rfind("```", 0) == 0) continue;
    if (line.rfind("## ", 0) == 0) line.remove_prefix(3);
    for (char c : line) {
      if (c != '`') out += c;
    }
    out += '\n';
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string rule_description(const RuleInfo& rule) {
  std::string_view doc = rule.doc;
  const size_t start = doc.find("## What it checks\n");
  if (start == std::string_view::npos) return std::string(rule.summary);
  doc.remove_prefix(start + 18);
  const size_t end = doc.find("\n\n");
  std::string_view para = doc.substr(0, end);
  std::string out;
  for (char c : para) {
    if (c == '\n')
      out += ' ';
    else if (c != '`')
      out += c;
  }
  return out;
}

}  // namespace idlint
