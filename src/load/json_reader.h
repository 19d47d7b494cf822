// A JSON reader that keeps the exact span of every value, accepts ARM's comments and trailing
// commas, and recognises ARM expression strings ("[...]", "[[" escapes a literal bracket).
#pragma once
#include <optional>
#include <string>
#include <string_view>

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
};

struct JsonReadOptions {
  bool arm_expressions = true;  // turn "[...]" strings into Expr values
  unsigned max_depth = 256;     // deeper nesting is a syntax error, not a stack overflow
};

JsonReadResult read_json(std::string_view text, Arena& arena, const JsonReadOptions& options = {});

}  // namespace idlint
