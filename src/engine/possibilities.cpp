// Grouping a property's per-binding values into Known / OneOf / Unknown.
#include "engine/possibilities.h"

#include <algorithm>

namespace idlint {

std::string describe_binding(const Binding& binding, const std::set<const Parameter*>& varying) {
  std::string text;
  for (const Choice& c : binding.choices) {
    if (!varying.count(c.parameter) || !c.value) continue;
    if (!text.empty()) text += " and ";
    text += "parameter '" + std::string(c.parameter->name) + "' is ";
    text += describe(c);
  }
  return text;
}

Possibilities possible_values(const Resource& resource, const ResourceBindings& bindings, const Path& path) {
  Possibilities result;
  SharedValues shared;
  const ResourceCheck::Sink ignore = [](Finding&&, BindingNote&&) {};
  for (const Binding& binding : bindings.bindings) {
    Evaluator evaluator(binding, &shared);
    if (resource.condition) {
      const Val c = evaluator.evaluate(*resource.owner, *resource.condition);
      if (c.kind == Val::Kind::Bool && !c.boolean) continue;
    }
    ResourceCheck check(resource, evaluator, binding, bindings.varying, ignore);
    const Val& v = check.property(path);
    auto same = std::find_if(result.alternatives.begin(), result.alternatives.end(), [&](const Alternative& a) {
      if (a.value.is_unknown() || v.is_unknown()) return a.value.is_unknown() && v.is_unknown() && a.value.str == v.str;
      return values_equal(a.value, v) == Tri::Yes;
    });
    if (same == result.alternatives.end()) {
      result.alternatives.push_back(Alternative{v, {&binding}});
    } else {
      same->bindings.push_back(&binding);
    }
  }
  const bool all_unknown = std::all_of(result.alternatives.begin(), result.alternatives.end(),
                                       [](const Alternative& a) { return a.value.is_unknown(); });
  if (result.alternatives.empty() || all_unknown) {
    result.kind = Possibilities::Kind::Unknown;
    result.unknown_reason = result.alternatives.empty() ? "the resource is not deployed under any binding"
                                                        : result.alternatives.front().value.str;
  } else {
    result.kind = result.alternatives.size() == 1 ? Possibilities::Kind::Known : Possibilities::Kind::OneOf;
  }
  return result;
}

}  // namespace idlint
