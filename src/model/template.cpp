// Name lookups on the template model (ARM names are case-insensitive).
#include "model/template.h"

namespace idlint {

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}
}  // namespace

void Template::index_names() {
  parameter_index_.clear();
  variable_index_.clear();
  // With duplicate names the first declaration wins, as a linear search would find it.
  for (size_t i = 0; i < parameters.size(); ++i) parameter_index_.emplace(lower(parameters[i].name), i);
  for (size_t i = 0; i < variables.size(); ++i) variable_index_.emplace(lower(variables[i].name), i);
}

const Parameter* Template::find_parameter(std::string_view name) const {
  if (!parameter_index_.empty()) {
    auto it = parameter_index_.find(lower(name));
    return it == parameter_index_.end() ? nullptr : &parameters[it->second];
  }
  for (const Parameter& p : parameters) {
    if (equals_ignore_case(p.name, name)) return &p;
  }
  return nullptr;
}

const Variable* Template::find_variable(std::string_view name) const {
  if (!variable_index_.empty()) {
    auto it = variable_index_.find(lower(name));
    return it == variable_index_.end() ? nullptr : &variables[it->second];
  }
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
