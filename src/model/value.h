// The format-neutral value tree: what a template's JSON or Bicep body is, with a span on every node.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "model/source.h"

namespace idlint {

namespace ir {
struct Node;
}

struct Value;

// An object member. The key is a String value or, in ARM JSON, may itself be an expression.
struct Member {
  const Value* key = nullptr;
  const Value* value = nullptr;
};

struct Value {
  enum class Kind : uint8_t { Null, Bool, Number, String, Array, Object, Expr };

  Kind kind = Kind::Null;
  bool boolean = false;
  uint32_t size = 0;  // number of items or members
  Span span;          // the whole value as written, quotes and brackets included
  // String: decoded content. Number: literal text. Expr: the expression source (inside the brackets for ARM).
  std::string_view text;
  // Expr only: file offset of text[0] when the source maps byte for byte onto text (no escapes), else kNoOffset.
  uint32_t text_offset = kNoOffset;
  const Value* items = nullptr;     // Array
  const Member* members = nullptr;  // Object
  // Expr: the parsed expression; set by the loader (Bicep) or on first use (ARM, parsed lazily).
  mutable const ir::Node* expr = nullptr;

  static constexpr uint32_t kNoOffset = 0xFFFFFFFFu;

  bool is_null() const { return kind == Kind::Null; }
  bool is_string() const { return kind == Kind::String; }
  bool is_object() const { return kind == Kind::Object; }
  bool is_array() const { return kind == Kind::Array; }
  bool is_expr() const { return kind == Kind::Expr; }

  // Object member by literal key; ARM property names compare case-insensitively.
  const Member* find_member(std::string_view key) const;
  const Value* find(std::string_view key) const {
    const Member* m = find_member(key);
    return m ? m->value : nullptr;
  }
  // Literal string content, or empty when this is not a String.
  std::string_view string_or_empty() const { return kind == Kind::String ? text : std::string_view{}; }
};

bool equals_ignore_case(std::string_view a, std::string_view b);
// ASCII lower case (ARM names and the keys of case-insensitive lookups).
std::string to_lower_ascii(std::string_view s);
bool contains_ignore_case(std::string_view haystack, std::string_view needle);
// a < b ignoring ASCII case, without lower-case copies (sorted case-insensitive lookups).
bool less_ignore_case(std::string_view a, std::string_view b);
// s without the blanks (spaces and tabs) at its ends.
std::string_view trim_blanks(std::string_view s);

// Template text quoted in a message, cut to a readable length: at most max_chars code points, then
// '…' (a 50 MB value must not become a 50 MB message line, in any format).
std::string shortened(std::string_view text, size_t max_chars = 200);
// 'text' for a message, cut as shortened() does, with its full length when cut:
// 'SystemAssignedxxxx…' (1000014 characters).
std::string quote_text(std::string_view text, size_t max_chars = 200);
bool starts_with_ignore_case(std::string_view s, std::string_view prefix);
// A whole string of the form <…> ('<IDENTITY_RESOURCE_ID>', '<your-vault>'): a sample's
// placeholder for a value the user writes in. Nothing inside may be another '<' or '>' or a line
// break ('<a></a>' is markup, not a placeholder).
bool is_placeholder(std::string_view text);

// Whether two written values are the same literal (scalars and expression text; objects and arrays never).
bool same_literal(const Value* a, const Value* b);

}  // namespace idlint
