// The values a binding may choose for one parameter.
#include "expr/candidates.h"

namespace idlint {

std::vector<Choice> parameter_candidates(const Parameter& p, Arena& arena) {
  std::vector<Choice> out;
  auto push = [&](const Value* v, Origin::Kind kind) {
    for (const Choice& c : out) {
      if (same_literal(c.value, v)) return;
    }
    out.push_back(Choice{&p, v, kind, {}});
  };
  if (p.default_value) push(p.default_value, Origin::Kind::ParameterDefault);
  if (!p.can_vary()) return out;
  if (p.allowed_values) {
    for (uint32_t i = 0; i < p.allowed_values->size; ++i)
      push(&p.allowed_values->items[i], Origin::Kind::ParameterAllowed);
  }
  if (p.is_bool()) {
    // Whatever its default, a caller may pass either value; point at the parameter's name.
    for (bool b : {true, false}) {
      Value* v = arena.make<Value>();
      v->kind = Value::Kind::Bool;
      v->boolean = b;
      v->span = p.name_span;
      push(v, Origin::Kind::ParameterBool);
    }
  }
  return out;
}

size_t candidate_count(const Parameter& p) {
  Arena arena;  // for a bool's true and false
  return parameter_candidates(p, arena).size();
}

}  // namespace idlint
