// Hand-written JSON reader: one pass, no DOM copy, spans as byte offsets, strings decoded only when escaped.
#include "load/json_reader.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace idlint {
namespace {

struct Failure {
  SyntaxError error;
};

class Reader {
 public:
  Reader(std::string_view text, Arena& arena, const JsonReadOptions& options)
      : p_(text.data()), begin_(text.data()), end_(text.data() + text.size()), arena_(arena), options_(options) {}

  const Value* run() {
    try {
      return parse_document();
    } catch (Failure& f) {
      blame_multiline_string(f);
      throw;
    }
  }

 private:
  // ARM accepts line breaks inside strings, so a missing closing quote swallows text up to the next
  // quote and the reader fails just after it. When that happens, point at the string that opened it.
  void note_multiline(const char* open) { multiline_open_ = open; }

  void blame_multiline_string(Failure& f) {
    if (!multiline_open_) return;
    const uint32_t start = static_cast<uint32_t>(multiline_open_ - begin_);
    const uint32_t at = f.error.span.begin;
    if (at < multiline_end_) return;  // the failure is inside or before that string
    const auto lines_between = std::count(begin_ + multiline_end_, begin_ + at, '\n');
    if (lines_between > 1) return;
    const size_t error_line = 1 + static_cast<size_t>(std::count(begin_, begin_ + at, '\n'));
    f.error.message =
        "unterminated string? this string runs over a line break, and the file does not parse after it (line " +
        std::to_string(error_line) + ": " + f.error.message + ")";
    f.error.span = Span{start, start + 1};
  }

 public:
  const Value* parse_document() {
    skip_space();
    if (p_ == end_) fail(offset(), 0, "the file is empty: expected a JSON object");
    const Value* root = arena_.make<Value>(parse_value(0));
    skip_space();
    if (p_ != end_) fail(offset(), 1, "unexpected content after the end of the JSON value");
    return root;
  }

  std::vector<Span> take_line_comments() { return std::move(line_comments_); }

 private:
  uint32_t offset() const { return static_cast<uint32_t>(p_ - begin_); }

  [[noreturn]] void fail(uint32_t at, uint32_t length, std::string message) {
    throw Failure{SyntaxError{Span{at, at + length}, std::move(message)}};
  }

  [[noreturn]] void fail_unterminated_string(const char* open) {
    p_ = open;
    fail(offset(), 1, "unterminated string: the file ends before the closing '\"'");
  }

  // The file ended inside an object or array: point at the end, and say where it was opened.
  [[noreturn]] void fail_unclosed(uint32_t opened_at, char bracket) {
    const size_t line = 1 + static_cast<size_t>(std::count(begin_, begin_ + opened_at, '\n'));
    fail(offset(), 0,
         std::string("unexpected end of file: the '") + bracket + "' opened on line " + std::to_string(line) +
             " is not closed");
  }

  [[noreturn]] void fail_unexpected(const char* expectation) {
    if (p_ >= end_ && !open_.empty()) fail_unclosed(open_.back().first, open_.back().second);
    if (p_ >= end_) fail(offset(), 0, std::string("unexpected end of file: ") + expectation);
    const unsigned char c = static_cast<unsigned char>(*p_);
    std::string what;
    if (c == 0) {
      what = "a NUL byte (is this a binary file?)";
    } else if (c < 0x20 || c >= 0x80) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
      what = buf;
    } else {
      what = std::string("'") + static_cast<char>(c) + "'";
    }
    fail(offset(), 1, std::string(expectation) + ", found " + what);
  }

  void skip_space() {
    while (p_ < end_) {
      const char c = *p_;
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        ++p_;
        // Indentation comes in long runs of spaces: skip them eight at a time.
        while (end_ - p_ >= 8) {
          uint64_t word;
          std::memcpy(&word, p_, 8);
          if (word != 0x2020202020202020ull) break;
          p_ += 8;
        }
      } else if (c == '/' && p_ + 1 < end_ && p_[1] == '/') {
        const uint32_t start = offset();
        p_ += 2;
        while (p_ < end_ && *p_ != '\n' && *p_ != '\r') ++p_;
        line_comments_.push_back(Span{start, offset()});
      } else if (c == '/' && p_ + 1 < end_ && p_[1] == '*') {
        const char* start = p_;
        p_ += 2;
        for (;;) {
          if (p_ + 1 >= end_) {
            p_ = start;
            fail(offset(), 2, "unterminated block comment: '/*' has no closing '*/'");
          }
          if (p_[0] == '*' && p_[1] == '/') {
            p_ += 2;
            break;
          }
          ++p_;
        }
      } else if (static_cast<unsigned char>(c) == 0xEF && end_ - p_ >= 3 && static_cast<unsigned char>(p_[1]) == 0xBB &&
                 static_cast<unsigned char>(p_[2]) == 0xBF) {
        fail(offset(), 3, "a byte order mark in the middle of the file");
      } else {
        return;
      }
    }
  }

  Value parse_value(unsigned depth) {
    if (depth >= options_.max_depth) {
      fail(offset(), 1, "nesting is deeper than " + std::to_string(options_.max_depth) + " levels");
    }
    if (p_ >= end_) fail_unexpected("expected a value");
    switch (*p_) {
      case '{':
        return parse_object(depth);
      case '[':
        return parse_array(depth);
      case '"':
        return parse_string_value();
      case 't':
        return parse_word("true", Value::Kind::Bool, true);
      case 'f':
        return parse_word("false", Value::Kind::Bool, false);
      case 'n':
        return parse_word("null", Value::Kind::Null, false);
      default:
        if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) return parse_number();
        fail_unexpected("expected a value");
    }
  }

  Value parse_word(const char* word, Value::Kind kind, bool b) {
    const size_t n = std::strlen(word);
    const uint32_t start = offset();
    if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0 || (p_ + n < end_ && is_word_char(p_[n]))) {
      const char* q = p_;
      while (q < end_ && is_word_char(*q)) ++q;
      const uint32_t len = static_cast<uint32_t>(q - p_);
      fail(start, len ? len : 1,
           "unexpected word '" + std::string(p_, len ? len : 1) + "': expected a value (strings need double quotes)");
    }
    p_ += n;
    Value v;
    v.kind = kind;
    v.boolean = b;
    v.span = {start, offset()};
    return v;
  }

  static bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  Value parse_number() {
    const uint32_t start = offset();
    const char* q = p_;
    if (*q == '-') ++q;
    auto digits = [&] {
      const char* d = q;
      while (q < end_ && *q >= '0' && *q <= '9') ++q;
      return q > d;
    };
    bool ok = digits();
    if (ok && q < end_ && *q == '.') {
      ++q;
      ok = digits();
    }
    if (ok && q < end_ && (*q == 'e' || *q == 'E')) {
      ++q;
      if (q < end_ && (*q == '+' || *q == '-')) ++q;
      ok = digits();
    }
    if (!ok) {
      p_ = q;
      fail(start, static_cast<uint32_t>(q - begin_) - start + 1, "malformed number");
    }
    p_ = q;
    Value v;
    v.kind = Value::Kind::Number;
    v.span = {start, offset()};
    v.text = std::string_view(begin_ + start, v.span.end - start);
    return v;
  }

  uint32_t read_hex4(const char* q) {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = q[i];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        v |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        v |= static_cast<uint32_t>(c - 'A' + 10);
      else
        fail(static_cast<uint32_t>(q - begin_), 4, "invalid \\u escape: expected four hexadecimal digits");
    }
    return v;
  }

  // Reads a string starting at '"'; returns its decoded content and whether it held escapes.
  std::string_view parse_string(bool& escaped) {
    const char* open = p_;
    ++p_;
    const char* start = p_;
    // Fast path: find the closing quote with memchr; decode only when a backslash comes before it.
    const char* quote = static_cast<const char*>(std::memchr(p_, '"', static_cast<size_t>(end_ - p_)));
    const char* backslash =
        quote ? static_cast<const char*>(std::memchr(p_, '\\', static_cast<size_t>(quote - p_))) : nullptr;
    if (quote && !backslash) {
      const size_t n = static_cast<size_t>(quote - p_);
      if (std::memchr(p_, '\n', n) || std::memchr(p_, '\r', n)) {
        note_multiline(open);
        multiline_end_ = static_cast<uint32_t>(quote - begin_);
      }
      escaped = false;
      std::string_view s(start, n);
      p_ = quote + 1;
      return s;
    }
    if (!quote) fail_unterminated_string(open);
    p_ = backslash;
    if (std::memchr(start, '\n', static_cast<size_t>(p_ - start)) ||
        std::memchr(start, '\r', static_cast<size_t>(p_ - start))) {
      note_multiline(open);
    }
    escaped = true;
    std::string out(start, static_cast<size_t>(p_ - start));
    while (p_ < end_) {
      const char c = *p_;
      if (c == '"') {
        if (multiline_open_ == open) multiline_end_ = static_cast<uint32_t>(p_ - begin_);
        ++p_;
        return arena_.copy(out);
      }
      if (c == '\n' || c == '\r') note_multiline(open);
      if (c != '\\') {
        out.push_back(c);
        ++p_;
        continue;
      }
      if (p_ + 1 >= end_) break;
      const char e = p_[1];
      switch (e) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          if (end_ - p_ < 6) fail(offset(), 2, "invalid \\u escape: expected four hexadecimal digits");
          uint32_t cp = read_hex4(p_ + 2);
          p_ += 4;
          if (cp >= 0xD800 && cp <= 0xDBFF && end_ - p_ >= 8 && p_[2] == '\\' && p_[3] == 'u') {
            const uint32_t low = read_hex4(p_ + 4);
            if (low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
              p_ += 6;
            }
          }
          append_utf8(out, cp);
          break;
        }
        default:
          fail(offset(), 2, std::string("invalid escape '\\") + e + "' in a string");
      }
      p_ += 2;
    }
    fail_unterminated_string(open);
  }

  Value parse_string_value() {
    const uint32_t start = offset();
    bool escaped = false;
    std::string_view s = parse_string(escaped);
    Value v;
    v.kind = Value::Kind::String;
    v.span = {start, offset()};
    v.text = s;
    if (options_.arm_expressions && s.size() >= 2 && s.front() == '[') {
      if (s[1] == '[') {
        v.text = s.substr(1);  // "[[" is a literal string that starts with '['
      } else if (s.back() == ']') {
        v.kind = Value::Kind::Expr;
        v.text = s.substr(1, s.size() - 2);
        if (!escaped) v.text_offset = start + 2;
      }
    }
    return v;
  }

  Value parse_object(unsigned depth) {
    const uint32_t start = offset();
    open_.emplace_back(start, '{');
    ++p_;
    const size_t base = members_.size();
    skip_space();
    while (p_ < end_ && *p_ != '}') {
      if (*p_ != '"') fail_unexpected("expected a property name in double quotes");
      const Value* key = arena_.make<Value>(parse_string_value());
      skip_space();
      if (p_ >= end_ || *p_ != ':') fail_unexpected("expected ':' after the property name");
      ++p_;
      skip_space();
      const Value* value = arena_.make<Value>(parse_value(depth + 1));
      members_.push_back(Member{key, value});
      skip_space();
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        skip_space();
        continue;  // a trailing comma is accepted, as ARM does
      }
      if (p_ >= end_ || *p_ != '}') fail_unexpected("expected ',' or '}' after an object member");
    }
    if (p_ >= end_) fail_unclosed(start, '{');
    ++p_;
    open_.pop_back();
    Value v;
    v.kind = Value::Kind::Object;
    v.span = {start, offset()};
    v.size = static_cast<uint32_t>(members_.size() - base);
    Member* out = arena_.array<Member>(v.size);
    for (uint32_t i = 0; i < v.size; ++i) out[i] = members_[base + i];
    members_.resize(base);
    v.members = out;
    return v;
  }

  Value parse_array(unsigned depth) {
    const uint32_t start = offset();
    open_.emplace_back(start, '[');
    ++p_;
    const size_t base = items_.size();
    skip_space();
    while (p_ < end_ && *p_ != ']') {
      items_.push_back(parse_value(depth + 1));
      skip_space();
      if (p_ < end_ && *p_ == ',') {
        ++p_;
        skip_space();
        continue;
      }
      if (p_ >= end_ || *p_ != ']') fail_unexpected("expected ',' or ']' after an array element");
    }
    if (p_ >= end_) fail_unclosed(start, '[');
    ++p_;
    open_.pop_back();
    Value v;
    v.kind = Value::Kind::Array;
    v.span = {start, offset()};
    v.size = static_cast<uint32_t>(items_.size() - base);
    Value* out = arena_.array<Value>(v.size);
    for (uint32_t i = 0; i < v.size; ++i) out[i] = items_[base + i];
    items_.resize(base);
    v.items = out;
    return v;
  }

  const char* p_;
  const char* begin_;
  const char* end_;
  Arena& arena_;
  const JsonReadOptions& options_;
  std::vector<Member> members_;  // scratch stacks: children are gathered here, then copied once
  std::vector<Value> items_;
  std::vector<Span> line_comments_;
  std::vector<std::pair<uint32_t, char>> open_;
  const char* multiline_open_ = nullptr;  // the last string that contained a line break
  uint32_t multiline_end_ = 0;            // objects and arrays not yet closed, for end-of-file errors
};

}  // namespace

JsonReadResult read_json(std::string_view text, Arena& arena, const JsonReadOptions& options) {
  JsonReadResult result;
  Reader reader(text, arena, options);
  try {
    result.root = reader.run();
    result.line_comments = reader.take_line_comments();
  } catch (Failure& f) {
    result.root = nullptr;
    result.error = std::move(f.error);
  }
  return result;
}

}  // namespace idlint
