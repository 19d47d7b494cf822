// The transition rules' view of a resource in two versions.
#include "rules/transition.h"

namespace idlint {

namespace {
std::string key_of(const Path& path) {
  std::string s;
  for (std::string_view p : path) (s += p) += '\x1f';
  return s;
}

Val encryption_mode(const Val& encryption, const Val& type) {
  if (encryption.is_unknown()) return encryption;
  if (encryption.is_unset() || type.is_unset()) {
    Val v = Val::string("SystemManaged");
    merge_deps(v, encryption);
    return v;
  }
  return type;
}
}  // namespace

const Val& TransitionCheck::base(const Path& path) {
  const std::string key = key_of(path);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  Val v = base_.property(path);
  if (rebase_) rebase_(v);
  return cache_.emplace(key, std::move(v)).first->second;
}

void TransitionCheck::report(const RuleInfo& rule, const Path& head_path, const Val& head_value,
                             const Path& base_path, const Val& base_value, std::string message,
                             std::string help) {
  const Span primary = head_.primary_for(head_path, head_value);
  std::vector<Location> related = head_.origin_of(head_value, primary);
  std::string shown = base_value.is_unset() ? std::string("not set") : base_.show(base_value);
  if (base_value.is_unknown() && !base_value.str.empty()) shown = "not known (" + base_value.str + ")";
  related.push_back(Location{base_.resource().owner->file, base_.primary_for(base_path, base_value),
                             "the base version (" + label_ + "): " + shown});
  head_.report_at(rule, primary, head_path, &head_value, std::move(message), std::move(help), std::move(related));
}

Val data_encryption_mode(ResourceCheck& r) {
  return encryption_mode(r.property({"properties", "dataEncryption"}),
                         r.property({"properties", "dataEncryption", "type"}));
}

Val data_encryption_mode(TransitionCheck& t) {
  const Val& encryption = t.base({"properties", "dataEncryption"});
  // A deployed server's JSON always shows its encryption: without it (an older api-version's view,
  // or a trimmed copy) the mode is not known, where a template without it creates SystemManaged.
  if (t.base_is_deployed() && encryption.is_unset()) {
    return Val::unknown("the deployed resource's JSON has no properties.dataEncryption");
  }
  return encryption_mode(encryption, t.base({"properties", "dataEncryption", "type"}));
}

}  // namespace idlint
