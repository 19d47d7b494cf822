// The text reporter: compiler-style lines, the source line with a caret under the value, a summary.
#include <fmt/format.h>

#include "report/report.h"

namespace idlint {
namespace {

struct Style {
  bool on;
  std::string wrap(std::string_view code, std::string_view s) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
  }
};

const char* level_color(Level l) {
  switch (l) {
    case Level::Error:
      return "1;31";
    case Level::Warning:
      return "1;33";
    case Level::Note:
      return "1;36";
  }
  return "0";
}

// A tab in a source line is shown as this many spaces, so the marker under it lines up whatever the
// terminal's tab stops are.
constexpr size_t kTabWidth = 4;

// The source line and a marker line under columns [first, last] (code points), as wide as each
// character is shown: a tab as spaces, an East Asian wide character or emoji two, an escape its
// length.
void write_snippet(std::ostream& out, const ResolvedLocation& loc, const Style& style) {
  if (loc.line_text.empty() && loc.range.start.column <= 1) return;
  const std::string number = std::to_string(loc.range.start.line);
  const std::string gutter(number.size(), ' ');
  std::string line;
  std::string marker;
  uint32_t column = loc.first_column;
  if (loc.first_column > 1) {
    line = "…";
    marker = " ";
  }
  const uint32_t first = loc.range.start.column;
  const uint32_t last = loc.range.last.line == loc.range.start.line ? loc.range.last.column : UINT32_MAX;
  size_t marked = 0;
  for (size_t i = 0; i < loc.line_text.size();) {
    const size_t len = utf8_length(loc.line_text, i);
    const std::string_view c = std::string_view(loc.line_text).substr(i, len);
    // A control character in the source is shown escaped, its marker as wide as the escape.
    const std::string shown = c == "\t" ? std::string(kTabWidth, ' ') : printable(c);
    line += shown;
    const size_t width = shown == c ? display_width(c) : shown.size();
    for (size_t k = 0; k < width; ++k) {
      if (column < first)
        marker += ' ';
      else if (column <= last)
        marker += marked++ == 0 ? '^' : '~';  // the first cell marked (a combining mark has none)
    }
    i += len;
    ++column;
  }
  if (first >= column && !loc.truncated_end) marker += '^';  // the position is at the end of the line
  if (loc.truncated_end) line += "…";
  out << style.wrap("34", fmt::format(" {} | ", number)) << line << '\n';
  out << style.wrap("34", fmt::format(" {} | ", gutter)) << style.wrap("1;32", marker) << '\n';
}

std::string suppressed_mark(const ResolvedFinding::Suppression& s) {
  return s.justification.empty() ? "(suppressed)" : "(suppressed: " + printable(s.justification) + ")";
}

}  // namespace

void write_text(std::ostream& out, const std::vector<FileResult>& results, const TextOptions& options) {
  const Style style{options.color};
  for (const FileResult& r : results) {
    for (const ResolvedFinding& f : r.findings) {
      if (!options.scope.shown_in_text(f)) continue;
      const ResolvedLocation& p = f.primary;
      out << style.wrap("1", fmt::format("{}:{}:{}:", printable(p.path), p.range.start.line, p.range.start.column))
          << ' ' << style.wrap(level_color(f.level), level_name(f.level)) << ": " << printable(f.message) << ' '
          << style.wrap("2", fmt::format("[{} {}]", f.rule->id, f.rule->name));
      if (f.baseline != ResolvedFinding::BaselineState::None) out << " (" << baseline_state_name(f.baseline) << ')';
      if (f.suppression) out << ' ' << style.wrap("2", suppressed_mark(*f.suppression));
      out << '\n';
      write_snippet(out, p, style);
      // The remedy on a line of its own, under the snippet (as compilers print help).
      if (!f.help.empty()) out << "  " << style.wrap("1", "= help:") << ' ' << printable(f.help) << '\n';
      for (const ResolvedLocation& rel : f.related) {
        out << style.wrap("1",
                          fmt::format("{}:{}:{}:", printable(rel.path), rel.range.start.line, rel.range.start.column))
            << ' ' << style.wrap(level_color(Level::Note), "note") << ": " << printable(rel.message) << '\n';
        write_snippet(out, rel, style);
      }
    }
  }
  if (options.quiet) return;
  const RunSummary s = summarize(results, options.scope);
  auto plural = [](size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); };
  const std::string suppressed = s.suppressed ? fmt::format("; {} suppressed", s.suppressed) : "";
  if (s.errors + s.warnings + s.notes == 0) {
    out << fmt::format("no {}findings in {}{}", options.scope.new_only ? "new " : "", plural(s.files_checked, "file"),
                       suppressed);
  } else {
    out << fmt::format("{}, {}, {} in {} ({} checked{})", plural(s.errors, "error"), plural(s.warnings, "warning"),
                       plural(s.notes, "note"), plural(s.files_with_findings, "file"), plural(s.files_checked, "file"),
                       suppressed);
  }
  if (s.compiled_skipped == 1) {
    out << "; 1 compiled template skipped: linted as " << printable(s.first_compiled_source);
  } else if (s.compiled_skipped > 1) {
    out << fmt::format("; {} compiled templates skipped: linted as the .bicep files beside them", s.compiled_skipped);
  }
  if (options.scope.baseline && options.scope.new_only) {
    out << fmt::format("; {} not shown ({} unchanged, {} updated), {} absent (fixed)",
                       plural(s.unchanged + s.updated, "known finding"), s.unchanged, s.updated,
                       plural(s.absent, "baseline finding"));
  } else if (options.scope.baseline) {
    out << fmt::format("; against the baseline: {} new, {} unchanged, {} updated, {} absent (fixed)", s.new_findings,
                       s.unchanged, s.updated, s.absent);
  }
  out << '\n';
}

}  // namespace idlint
