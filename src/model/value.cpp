// Lookups on the value tree and the case-insensitive comparisons ARM names need.
#include "model/value.h"

#include <algorithm>

namespace idlint {

namespace {
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
}  // namespace

namespace {
// The byte length of the first max_chars code points of text (all of it when shorter).
size_t prefix_bytes(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a character
    if (chars++ == max_chars) return i;
  }
  return text.size();
}
}  // namespace

std::string shortened(std::string_view text, size_t max_chars) {
  const size_t keep = prefix_bytes(text, max_chars);
  return keep == text.size() ? std::string(text) : std::string(text.substr(0, keep)) + "…";
}

std::string quote_text(std::string_view text, size_t max_chars) {
  const size_t keep = prefix_bytes(text, max_chars);
  if (keep == text.size()) return "'" + std::string(text) + "'";
  return "'" + std::string(text.substr(0, keep)) + "…' (" + std::to_string(count_code_points(text)) + " characters)";
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool less_ignore_case(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return ascii_lower(x) < ascii_lower(y); });
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool starts_with_ignore_case(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && equals_ignore_case(s.substr(0, prefix.size()), prefix);
}

bool contains_ignore_case(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > haystack.size()) return false;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  const char first = lower(needle[0]);
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (lower(haystack[i]) == first && equals_ignore_case(haystack.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

const Member* Value::find_member(std::string_view key) const {
  if (kind != Kind::Object) return nullptr;
  // The last duplicate wins, as in ARM's JSON reader.
  const Member* found = nullptr;
  for (uint32_t i = 0; i < size; ++i) {
    const Member& m = members[i];
    if (m.key->kind == Kind::String && equals_ignore_case(m.key->text, key)) found = &m;
  }
  return found;
}

bool is_placeholder(std::string_view text) {
  if (text.size() < 3 || text.front() != '<' || text.back() != '>') return false;
  const std::string_view inside = text.substr(1, text.size() - 2);
  return inside.find_first_of("<>\r\n") == std::string_view::npos && inside.find_first_not_of(" \t") != std::string_view::npos;
}

bool same_literal(const Value* a, const Value* b) {
  if (!a || !b) return a == b;
  if (a->kind != b->kind) return false;
  switch (a->kind) {
    case Value::Kind::Null:
      return true;
    case Value::Kind::Bool:
      return a->boolean == b->boolean;
    case Value::Kind::String:
    case Value::Kind::Number:
    case Value::Kind::Expr:
      return a->text == b->text;
    default:
      return false;
  }
}

}  // namespace idlint
