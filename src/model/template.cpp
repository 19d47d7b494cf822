// Name lookups on the template model (ARM names are case-insensitive).
#include "model/template.h"

namespace idlint {

const Parameter* Template::find_parameter(std::string_view name) const {
  for (const Parameter& p : parameters) {
    if (equals_ignore_case(p.name, name)) return &p;
  }
  return nullptr;
}

const Variable* Template::find_variable(std::string_view name) const {
  for (const Variable& v : variables) {
    if (equals_ignore_case(v.name, name)) return &v;
  }
  return nullptr;
}

std::string Resource::full_name() const {
  std::string out;
  for (const Value* part : name_parts) {
    if (!part || !part->is_string()) return {};
    if (!out.empty()) out += '/';
    out += part->text;
  }
  return out;
}

}  // namespace idlint
