// Name lookups on the template model (ARM names are case-insensitive).
#include "model/template.h"

namespace idlint {

namespace {
constexpr size_t kIndexFrom = 32;

template <typename T>
const T* find_named(const std::vector<T>& items, std::unordered_map<std::string, size_t>& index,
                    std::string_view name) {
  if (items.size() < kIndexFrom) {
    for (const T& item : items) {
      if (equals_ignore_case(item.name, name)) return &item;
    }
    return nullptr;
  }
  if (index.empty()) {
    // With duplicate names the first declaration wins, as the linear search finds it.
    for (size_t i = 0; i < items.size(); ++i) index.emplace(to_lower_ascii(items[i].name), i);
  }
  auto it = index.find(to_lower_ascii(name));
  return it == index.end() ? nullptr : &items[it->second];
}
}  // namespace

const Parameter* Template::find_parameter(std::string_view name) const {
  return find_named(parameters, parameter_index_, name);
}

const Variable* Template::find_variable(std::string_view name) const {
  return find_named(variables, variable_index_, name);
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
