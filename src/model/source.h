// Source files and spans: byte offsets into a file's text, turned into line/column on demand.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace idlint {

// A half-open byte range [begin, end) in one source file.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return end <= begin; }
};

// 1-based line and column; columns count Unicode code points (a tab is one column).
struct Position {
  uint32_t line = 0;
  uint32_t column = 0;
};

struct LineColumnRange {
  Position start;  // first character
  Position last;   // last character (inclusive)
};

class SourceFile : public std::enable_shared_from_this<SourceFile> {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  // The text without a leading UTF-8 byte order mark; offsets in spans refer to it.
  std::string_view text() const { return text_; }
  bool had_bom() const { return had_bom_; }

  Position position(uint32_t offset) const;
  LineColumnRange range(Span span) const;
  // The text of the 1-based line, without its line terminator.
  std::string_view line_text(uint32_t line) const;
  uint32_t line_count() const;

 private:
  void index_lines() const;
  std::string path_;
  std::string text_;
  bool had_bom_ = false;
  mutable std::vector<uint32_t> line_starts_;  // built on first use: most files produce no finding
};

// Counts code points in a UTF-8 byte range; stray continuation bytes are not counted on their own.
uint32_t count_code_points(std::string_view bytes);

// Appends the UTF-8 encoding of a code point (escapes in JSON and Bicep strings decode through it).
void append_utf8(std::string& out, uint32_t code_point);

}  // namespace idlint
