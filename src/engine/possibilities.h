// What a resource property can be across every binding: Known (one value), OneOf (several, each
// with the bindings that lead to it) or Unknown (with the reason). The rules see the same values
// one binding at a time; this view is for tools and tests that want the whole picture.
#pragma once
#include <string>
#include <vector>

#include "engine/bindings.h"
#include "rules/check.h"

namespace idlint {

struct Alternative {
  Val value;
  std::vector<const Binding*> bindings;  // the bindings under which the property has this value
};

struct Possibilities {
  enum class Kind { Known, OneOf, Unknown };
  Kind kind = Kind::Unknown;
  std::vector<Alternative> alternatives;  // Known: one; OneOf: several (an unknown one among them)
  std::string unknown_reason;             // Unknown: why
};

// Bindings under which the resource is not deployed (its condition is false) are left out.
Possibilities possible_values(const Resource& resource, const ResourceBindings& bindings, const Path& path);

// "parameter 'a' is 'x' and parameter 'b' is true", for the parameters that vary.
std::string describe_binding(const Binding& binding, const std::set<const Parameter*>& varying);

}  // namespace idlint
