// What a transition rule sees: one resource in its base version (the deployed one, or the last
// commit) and in the linted version, each under the same parameter values. Rules compare values
// through it and never see syntax.
#pragma once
#include <functional>
#include <map>
#include <string>

#include "rules/check.h"

namespace idlint {

class TransitionCheck {
 public:
  // rebase: makes a base value's unknown-but-fixed symbols comparable with the head's (the same
  // deployment parameter is the same value in both versions).
  TransitionCheck(ResourceCheck& base, ResourceCheck& head, std::string base_label, std::function<void(Val&)> rebase)
      : base_(base), head_(head), label_(std::move(base_label)), rebase_(std::move(rebase)) {}

  ResourceCheck& head() { return head_; }
  // A property of the base version, evaluated.
  const Val& base(const Path& path);
  // How the base is named in messages: the revision ('HEAD') or the file compared with.
  const std::string& base_label() const { return label_; }
  // The base is a deployed resource's JSON (az resource show), not a template.
  bool base_is_deployed() const { return base_.describes_deployed_resource(); }

  // Reports at the head's value at head_path, with the base value at base_path as a related location.
  void report(const RuleInfo& rule, const Path& head_path, const Val& head_value, const Path& base_path,
              const Val& base_value, std::string message, std::string help);

 private:
  ResourceCheck& base_;
  ResourceCheck& head_;
  std::string label_;
  std::function<void(Val&)> rebase_;
  std::map<std::string, Val> cache_;
};

// The encryption mode of a flexible server: 'SystemManaged' when dataEncryption or its type is not
// written, else its type as written; Unknown when that is not known.
Val data_encryption_mode(ResourceCheck& r);
Val data_encryption_mode(TransitionCheck& t);

}  // namespace idlint
