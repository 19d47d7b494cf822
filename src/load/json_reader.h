// A JSON reader that keeps the exact span of every value, accepts ARM's comments and trailing
// commas, and recognises ARM expression strings ("[...]", "[[" escapes a literal bracket).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/arena.h"
#include "model/value.h"

namespace idlint {

struct SyntaxError {
  Span span;
  std::string message;
};

struct JsonReadResult {
  const Value* root = nullptr;  // null when error is set
  std::optional<SyntaxError> error;
  // Every `//` comment, from the slashes to the end of its line (suppression directives are read
  // from them).
  std::vector<Span> line_comments;
};

struct JsonReadOptions {
  bool arm_expressions = true;  // turn "[...]" strings into Expr values
  unsigned max_depth = 256;     // deeper nesting is a syntax error, not a stack overflow
};

JsonReadResult read_json(std::string_view text, Arena& arena, const JsonReadOptions& options = {});

}  // namespace idlint
