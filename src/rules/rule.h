// Rule metadata and the registry: one explicit, sorted table of every rule idlint has.
#pragma once
#include <string_view>
#include <vector>

#include "model/finding.h"

namespace idlint {

class ResourceCheck;
class TransitionCheck;

struct RuleInfo {
  std::string_view id;          // IDL001
  std::string_view name;        // identity-type-invalid
  std::string_view sarif_name;  // IdentityTypeInvalid
  Level level;
  std::string_view summary;       // one sentence, ends with a period
  std::string_view doc;           // markdown: What it checks, Why it matters, Example, Fix, References
  void (*check)(ResourceCheck&);  // null for rules the engine raises itself (IDL900, IDL902)
  bool enabled_by_default = true;
  // Transition rules compare a resource with its base version (--base, --base-file) instead.
  void (*transition)(TransitionCheck&) = nullptr;
};

const std::vector<const RuleInfo*>& all_rules();
const RuleInfo* find_rule(std::string_view id);
const RuleInfo& syntax_error_rule();

// The URL of a rule's documentation.
std::string rule_help_uri(const RuleInfo& rule);

}  // namespace idlint
