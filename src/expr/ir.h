// The expression IR shared by ARM expressions and (later) Bicep: literals, references, calls, access.
#pragma once
#include <cstdint>
#include <string_view>

#include "model/source.h"

namespace idlint {
struct Value;
}

namespace idlint::ir {

// Calls with a meaning beyond a plain function, shared by both loaders:
//   lambda('x'[, 'i'], body)       a lambda (ARM `lambda(…)`, Bicep `x => …`); the names are String nodes
//   lambdaVariables('x')           a lambda's variable (ARM)
//   loopVariable('x')              a Bicep loop or lambda variable (the evaluator treats both alike)
//   copyIndex(['name'][, offset])  the iteration of an ARM copy loop
//   forLoop(source, lambda('x'[, 'i'], body)[, lambda('x'[, 'i'], condition)])
//                                  a Bicep for-expression `[for (x, i) in source: if (condition) body]`
//   moduleOutput('m', 'x')         output x of Bicep module m (`m.outputs.x`)
struct Node {
  enum class Kind : uint8_t {
    Null,
    Bool,
    Number,     // text holds the literal digits
    String,     // text holds the decoded string
    Parameter,  // parameters('name'): text = name
    Variable,   // variables('name'): text = name
    Call,       // text = function name (may be namespaced: 'ns.fn'), args
    Member,     // args[0].text
    Index,      // args[0][args[1]]
    Value,      // an embedded model value (object/array literals written inside an expression)
  };

  Kind kind = Kind::Null;
  bool boolean = false;
  uint32_t arg_count = 0;
  Span span;  // in the file; for ARM strings with escapes, the span of the whole string
  std::string_view text;
  const Node* const* args = nullptr;
  const idlint::Value* value = nullptr;  // Kind::Value
};

}  // namespace idlint::ir
