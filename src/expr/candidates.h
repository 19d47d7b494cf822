// The values a binding may choose for one parameter: its default, its allowed values and a bool's
// true and false, each literal once.
#pragma once
#include <vector>

#include "expr/eval.h"
#include "model/arena.h"
#include "model/template.h"

namespace idlint {

// arena holds the bool values made for p (they are written nowhere; they point at its name).
std::vector<Choice> parameter_candidates(const Parameter& p, Arena& arena);

// How many values a binding may choose for p (as enumerate_bindings chooses them).
size_t candidate_count(const Parameter& p);

}  // namespace idlint
