// Parses the text of an ARM template expression ("[...]" without the brackets) into the IR.
#pragma once
#include <string>
#include <string_view>

#include "expr/ir.h"
#include "model/arena.h"

namespace idlint {

struct ExpressionParseResult {
  const ir::Node* node = nullptr;  // null on error
  std::string error;               // what is wrong, when node is null
  Span error_span;
};

// text_offset: file offset of text[0], or Value::kNoOffset when positions inside the text are not
// exact (the JSON string had escapes); then every node gets whole_span.
ExpressionParseResult parse_arm_expression(std::string_view text, uint32_t text_offset, Span whole_span, Arena& arena);

}  // namespace idlint
