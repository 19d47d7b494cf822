// Suppression comments: the codes a directive names, its reason and the line it covers.
#include "load/directives.h"

namespace idlint {
namespace {

constexpr std::string_view kIdlintKeyword = "idlint-disable-next-line";
constexpr std::string_view kBicepKeyword = "#disable-next-line";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

size_t skip_blanks(std::string_view s, size_t i) {
  while (i < s.size() && is_blank(s[i])) ++i;
  return i;
}

// Reads `CODE CODE… [-- reason]` from text (which starts at file offset `offset`) into d. Codes are
// separated by blanks or commas; a word starting with `//` starts a comment that is not part of
// the directive (`#disable-next-line IDL001 // why`, a test's `// expect:`).
void read_codes(std::string_view text, uint32_t offset, DisableDirective& d) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (is_blank(text[i]) || text[i] == ',')) ++i;
    if (i >= text.size() || text.compare(i, 2, "//") == 0) return;
    if (text.compare(i, 2, "--") == 0) {
      size_t begin = skip_blanks(text, i + 2);
      size_t end = begin;
      // The reason runs to the end, or to a `//` comment after a blank.
      while (end < text.size() && !(text.compare(end, 2, "//") == 0 && end > begin && is_blank(text[end - 1]))) ++end;
      while (end > begin && is_blank(text[end - 1])) --end;
      d.reason = text.substr(begin, end - begin);
      return;
    }
    const size_t begin = i;
    while (i < text.size() && !is_blank(text[i]) && text[i] != ',') ++i;
    d.codes.push_back({text.substr(begin, i - begin),
                       Span{offset + static_cast<uint32_t>(begin), offset + static_cast<uint32_t>(i)}});
  }
}

// The end of the line holding offset (before its line terminator).
size_t line_end(std::string_view text, size_t offset) {
  const size_t nl = text.find('\n', offset);
  size_t end = nl == std::string_view::npos ? text.size() : nl;
  if (end > offset && text[end - 1] == '\r') --end;
  return end;
}

// The first line after the one holding offset that has more than blanks, `//` comments and
// `#disable-next-line` directives (past the last line when there is none).
uint32_t next_code_line(std::string_view text, size_t offset, uint32_t line) {
  size_t at = text.find('\n', offset);
  while (at != std::string_view::npos) {
    ++at;
    ++line;
    const size_t first = skip_blanks(text, at);
    const bool code = first < text.size() && text[first] != '\n' && text.compare(first, 2, "//") != 0 &&
                      text.compare(first, kBicepKeyword.size(), kBicepKeyword) != 0;
    if (code) return line;
    at = text.find('\n', at);
  }
  return line + 1;
}

}  // namespace

bool is_idlint_directive_comment(std::string_view after_slashes) {
  // Called for every `//` comment the Bicep parser meets: most are rejected at their first letter.
  const size_t i = skip_blanks(after_slashes, 0);
  return i < after_slashes.size() && after_slashes[i] == 'i' &&
         after_slashes.compare(i, kIdlintKeyword.size(), kIdlintKeyword) == 0;
}

std::optional<DisableDirective> read_idlint_directive(const SourceFile& file, Span comment) {
  const std::string_view text = file.text();
  if (comment.end > text.size() || text.compare(comment.begin, 2, "//") != 0) return std::nullopt;
  const size_t end = line_end(text, comment.begin);
  const std::string_view body = text.substr(comment.begin + 2, end - comment.begin - 2);
  if (!is_idlint_directive_comment(body)) return std::nullopt;
  const size_t after_keyword = skip_blanks(body, 0) + kIdlintKeyword.size();
  // `idlint-disable-next-lineX` is another word, not the directive.
  if (after_keyword < body.size() && !is_blank(body[after_keyword])) return std::nullopt;
  DisableDirective d;
  d.form = DisableDirective::Form::Idlint;
  d.span = Span{comment.begin, static_cast<uint32_t>(end)};
  d.line = file.position(comment.begin).line;
  d.target_line = next_code_line(text, comment.begin, d.line);
  read_codes(body.substr(after_keyword), comment.begin + 2 + static_cast<uint32_t>(after_keyword), d);
  return d;
}

DisableDirective read_bicep_directive(const SourceFile& file, Span span) {
  const std::string_view text = file.text();
  DisableDirective d;
  d.form = DisableDirective::Form::Bicep;
  d.span = span;
  d.line = file.position(span.begin).line;
  d.target_line = d.line + 1;
  const size_t after_keyword = span.begin + kBicepKeyword.size();
  if (after_keyword <= span.end) {
    read_codes(text.substr(after_keyword, span.end - after_keyword), static_cast<uint32_t>(after_keyword), d);
  }
  return d;
}

}  // namespace idlint
