// ARM template functions the evaluator knows; every other function evaluates to Unknown, naming it.
#pragma once
#include <string_view>

#include "expr/eval.h"

namespace idlint {

Val call_function(Evaluator& ev, const Evaluator::Context& ctx, const ir::Node& call);

// True when the evaluator implements the function (case-insensitive name).
bool is_known_function(std::string_view name);

}  // namespace idlint
