// Findings resolved for reporters: lines and columns, bounded messages, suppressions, order.
#include "engine/resolve.h"

#include <optional>
#include <string>

namespace idlint {

namespace {

// A message (or related location's, or justification) never runs past this: values are quoted
// cut to 200 characters already, and names, paths and reasons written in a template are bounded
// here, in every format.
constexpr size_t kMaxMessageChars = 1000;

}  // namespace

ResolvedLocation resolve_location(const Location& l) {
  ResolvedLocation r;
  r.path = l.file->path();
  r.range = l.file->range(l.span);
  r.message = shortened(l.message, kMaxMessageChars);
  const std::string_view line = l.file->line_text(r.range.start.line);
  // Keep a window of the line: enough context before the position, and a bounded length.
  constexpr uint32_t kBefore = 60;
  constexpr uint32_t kWidth = 200;
  if (count_code_points(line) <= kWidth) {
    r.line_text = std::string(line);
    return r;
  }
  r.first_column = r.range.start.column > kBefore ? r.range.start.column - kBefore : 1;
  uint32_t column = 1;
  size_t begin = line.size();
  size_t end = line.size();
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;  // inside a character
    if (column == r.first_column) begin = i;
    if (column == r.first_column + kWidth) {
      end = i;
      break;
    }
    ++column;
  }
  r.line_text = std::string(line.substr(begin, end - begin));
  r.truncated_end = end < line.size();
  return r;
}

bool finding_order(const ResolvedFinding& a, const ResolvedFinding& b) {
  if (a.primary.range.start.line != b.primary.range.start.line) {
    return a.primary.range.start.line < b.primary.range.start.line;
  }
  if (a.primary.range.start.column != b.primary.range.start.column) {
    return a.primary.range.start.column < b.primary.range.start.column;
  }
  if (a.rule->id != b.rule->id) return a.rule->id < b.rule->id;
  return a.message < b.message;
}

ResolvedFinding resolve(const Finding& f) {
  ResolvedFinding r;
  r.rule = f.rule;
  r.level = f.level;
  r.message = shortened(f.message, kMaxMessageChars);
  r.help = shortened(f.help, kMaxMessageChars);
  r.logical = f.logical;
  r.contract = f.contract;
  r.primary = resolve_location(f.primary);
  for (const Location& l : f.related) r.related.push_back(resolve_location(l));
  return r;
}

void add_findings(FileResult& result, const std::vector<Finding>& findings,
                  const std::vector<Suppressions*>& suppressions) {
  for (const Finding& f : findings) {
    ResolvedFinding r = resolve(f);
    for (Suppressions* s : suppressions) {
      std::optional<Suppressions::Cover> cover = s->cover(f);
      if (cover && !r.suppression) {
        r.suppression = ResolvedFinding::Suppression{resolve_location(cover->where),
                                                     shortened(cover->justification, kMaxMessageChars)};
      }
    }
    result.findings.push_back(std::move(r));
  }
}

}  // namespace idlint
