// Line index and offset → line/column conversion for source files.
#include "model/source.h"

#include <algorithm>
#include <cstring>

namespace idlint {

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  if (text_.size() >= 3 && static_cast<unsigned char>(text_[0]) == 0xEF &&
      static_cast<unsigned char>(text_[1]) == 0xBB && static_cast<unsigned char>(text_[2]) == 0xBF) {
    text_.erase(0, 3);
    had_bom_ = true;
  }
}

void SourceFile::index_lines() const {
  if (!line_starts_.empty()) return;
  line_starts_.push_back(0);
  const char* data = text_.data();
  const size_t n = text_.size();
  if (std::memchr(data, '\r', n) == nullptr) {
    // LF only (most files): memchr finds each line end without looking at every byte here.
    for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, '\n', n - (p - data)))) != nullptr;) {
      ++p;
      line_starts_.push_back(static_cast<uint32_t>(p - data));
    }
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    // A lone CR also ends a line, as editors show it; CRLF counts once.
    const bool line_end = data[i] == '\n' || (data[i] == '\r' && (i + 1 >= n || data[i + 1] != '\n'));
    if (line_end) line_starts_.push_back(static_cast<uint32_t>(i + 1));
  }
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

uint32_t count_code_points(std::string_view bytes) {
  uint32_t n = 0;
  for (unsigned char c : bytes) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

Position SourceFile::position(uint32_t offset) const {
  index_lines();
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const uint32_t line_index = static_cast<uint32_t>(it - line_starts_.begin()) - 1;
  const uint32_t start = line_starts_[line_index];
  return {line_index + 1, count_code_points(std::string_view(text_).substr(start, offset - start)) + 1};
}

LineColumnRange SourceFile::range(Span span) const {
  LineColumnRange r;
  r.start = position(span.begin);
  if (span.end <= span.begin) {
    r.last = r.start;
    return r;
  }
  // The last character starts at the last non-continuation byte before end.
  uint32_t last = span.end - 1;
  while (last > span.begin && (static_cast<unsigned char>(text_[last]) & 0xC0) == 0x80) --last;
  r.last = position(last);
  return r;
}

uint32_t SourceFile::line_count() const {
  index_lines();
  return static_cast<uint32_t>(line_starts_.size());
}

std::string_view SourceFile::line_text(uint32_t line) const {
  index_lines();
  if (line == 0 || line > line_starts_.size()) return {};
  const uint32_t start = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(start, end - start);
}

}  // namespace idlint
