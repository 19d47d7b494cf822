// Helpers shared by the reporters: summaries, paths and URIs, rule texts.
#include <algorithm>
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

size_t display_width(std::string_view character) {
  if (character.size() <= 1) return 1;
  const uint32_t cp = code_point(character);
  struct Range {
    uint32_t first, last;
  };
  // Unicode's combining marks and zero-width characters (the common blocks).
  static constexpr Range kZero[] = {{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
                                    {0x064B, 0x065F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x200B, 0x200D},
                                    {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
                                    {0xE0100, 0xE01EF}};
  // East Asian Wide (W) and Fullwidth (F) ranges, and the emoji blocks terminals draw two wide.
  static constexpr Range kWide[] = {{0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
                                    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
                                    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
                                    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
                                    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
                                    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
                                    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
                                    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
                                    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
                                    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
                                    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
                                    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
                                    {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
                                    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F},
                                    {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
                                    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};
  auto in = [cp](const auto& ranges) {
    return std::any_of(std::begin(ranges), std::end(ranges),
                       [cp](const Range& r) { return cp >= r.first && cp <= r.last; });
  };
  if (in(kZero)) return 0;
  return in(kWide) ? 2 : 1;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char buf[12];
  for (size_t i = 0; i < text.size();) {
    const size_t n = utf8_length(text, i);
    const auto b = static_cast<unsigned char>(text[i]);
    if (n == 1 && b >= 0x20 && b < 0x7F) {
      out += text[i];
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

std::string sarif_text(const ResolvedFinding& f) {
  std::string text = sarif_message(f.message);
  if (f.help.empty()) return text;
  // The remedy as a sentence of its own: "… is not accepted by X. Write 'UserAssigned'."
  std::string help = f.help;
  if (help[0] >= 'a' && help[0] <= 'z') help[0] = static_cast<char>(help[0] - 'a' + 'A');
  return text + ' ' + sarif_message(std::move(help));
}

namespace {
// SARIF plain text: a literal '[' or ']' is escaped, so no viewer takes it for an embedded link
// (SARIF 2.1.0, 3.11.6); a Bicep value such as `ids[0].id` stays as written once shown.
std::string sarif_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}
}  // namespace

std::string sarif_result_text(const ResolvedFinding& f) {
  std::string text = sarif_escaped(sarif_text(f));
  // Each related location linked from the text by its id (1, 2, …, as the SARIF writer numbers
  // them), so GitHub code scanning and SARIF viewers show the default value or the variable that
  // leads to the finding as a link in the alert.
  for (size_t i = 0; i < f.related.size(); ++i) {
    text += (i == 0 ? " See " : ", ");
    text += "[" + sarif_escaped(f.related[i].message) + "](" + std::to_string(i + 1) + ")";
  }
  if (!f.related.empty()) text += ".";
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

std::string repository_path(const std::string& path, const std::string& base) {
  std::error_code ec;
  const fs::path abs = fs::absolute(path, ec).lexically_normal();
  const fs::path rel = abs.lexically_relative(base);
  return !rel.empty() && *rel.begin() != ".." ? rel.generic_string() : abs.generic_string();
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
