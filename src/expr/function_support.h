// What the files implementing ARM functions share: the table entry, and helpers that build results
// carrying their arguments' dependencies. Internal to src/expr.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/eval.h"

namespace idlint::fn {

using Ctx = Evaluator::Context;
using Args = std::vector<Val>;

struct Function {
  std::string_view name;
  size_t min_args;
  size_t max_args;  // SIZE_MAX for variadic
  // Lazy functions get the call node and evaluate arguments themselves.
  std::function<Val(Evaluator&, const Ctx&, const ir::Node&)> lazy;
  std::function<Val(const Args&, Origin)> eager;
};

// The tables, by area. functions.cpp joins them.
std::vector<Function> core_functions();
std::vector<Function> text_functions();
std::vector<Function> collection_functions();

// A canonical text for a value, so that equal calls on equal (or equally unknown) inputs get one
// symbol. False when the value holds an unknown without a symbol.
bool canonical(const Val& v, std::string& out);
Val with_deps(Val r, const Args& args);
// The first Unknown argument, or Absent.
Val first_unknown(const Args& args);
// A call we cannot evaluate still has a fixed value within one deployment when its inputs do: the
// Unknown's symbol names the function and its (known or symbolic) arguments.
Val unknown_call(std::string_view name, const Args& args, std::string reason);

Val make_bool(bool b, const Args& args);
Val make_number(long long v, const Args& args = {});
Val make_string(std::string s, const Args& args, Origin origin);

// ARM's string(): strings as they are, True/False, JSON for arrays and objects.
std::string to_arm_string(const Val& v);
std::string to_json(const Val& v);

Val eval_arg(Evaluator& ev, const Ctx& ctx, const ir::Node& n, size_t i);

}  // namespace idlint::fn
