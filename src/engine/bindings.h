// Which parameter values to lint a resource under: every default, allowed value and bool value of
// the parameters its checked properties read, combined jointly up to a cap.
#pragma once
#include <set>
#include <vector>

#include "expr/eval.h"
#include "model/template.h"

namespace idlint {

constexpr size_t kMaxBindingsPerResource = 256;
// Every binding holds a choice for each parameter the resource reads: a resource reading thousands
// of parameters gets fewer bindings, so that their choices stay within this many.
constexpr size_t kMaxChoicesPerResource = 65536;

// The properties the rules read; parameters reached from them are enumerated.
extern const std::vector<std::vector<std::string_view>> kCheckedPaths;

struct ResourceBindings {
  std::vector<Binding> bindings;       // the first holds every parameter's default
  std::set<const Parameter*> varying;  // parameters with more than one value
};

// frame: the instance of the resource's template being checked (null: the template on its own).
// Parameters that receive an argument there are followed into the caller's template.
ResourceBindings enumerate_bindings(const Resource& resource, const Frame* frame = nullptr);

}  // namespace idlint
