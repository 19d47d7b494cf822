// Helpers shared by the reporters: summaries, paths and URIs, rule texts.
#include <cstdio>
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
    if (r.status == FileResult::Status::Skipped && !r.compiled_from.empty()) {
      if (s.compiled_skipped++ == 0) s.first_compiled_source = r.compiled_from;
    }
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

size_t utf8_length(std::string_view text, size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  size_t n = 0;
  uint32_t min = 0;
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
    min = 0x80;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    min = 0x800;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    min = 0x10000;
  } else {
    return 1;
  }
  if (i + n > text.size()) return 1;
  uint32_t cp = b & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0) != 0x80) return 1;
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 1;
  return n;
}

namespace {
uint32_t code_point(std::string_view c) {
  if (c.size() == 1) return static_cast<unsigned char>(c[0]);
  uint32_t cp = static_cast<unsigned char>(c[0]) & (0x7F >> c.size());
  for (size_t k = 1; k < c.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(c[k]) & 0x3F);
  return cp;
}

bool hidden_format_character(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}
}  // namespace

std::string printable(std::string_view text, bool keep_tabs) {
  std::string out;
  out.reserve(text.size());
  char buf[12];
  for (size_t i = 0; i < text.size();) {
    const size_t n = utf8_length(text, i);
    const auto b = static_cast<unsigned char>(text[i]);
    if (n == 1 && b >= 0x20 && b < 0x7F) {
      out += text[i];
    } else if (n == 1 && b == '\t' && keep_tabs) {
      out += '\t';
    } else if (n == 1 && (b == '\n' || b == '\r' || b == '\t')) {
      out += b == '\n' ? "\\n" : b == '\r' ? "\\r" : "\\t";
    } else if (n == 1) {
      std::snprintf(buf, sizeof buf, "\\x%02x", b);  // a control character, DEL, or not UTF-8
      out += buf;
    } else if (const uint32_t cp = code_point(text.substr(i, n)); hidden_format_character(cp)) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(text, i, n);
    }
    i += n;
  }
  return out;
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
