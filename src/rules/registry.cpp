// The rule table: every rule idlint has, sorted by id. Adding a rule adds one line here.
#include <string>

#include "model/value.h"
#include "rules/rules.h"

namespace idlint {

const std::vector<const RuleInfo*>& all_rules() {
  static const std::vector<const RuleInfo*> table = {
      &kIdentityTypeInvalid,                       // IDL001
      &kUserIdentitiesMissing,                     // IDL002
      &kUserIdentitiesWithoutUserType,             // IDL003
      &kUserIdentityReferenceInvalid,              // IDL004
      &kIdentityOutputPropertySet,                 // IDL005
      &kIdentityTypeNotInSpec,                     // IDL006
      &kIdentityTypeSpelling,                      // IDL007
      &kUserIdentitiesTooMany,                     // IDL008
      &kCmkIdentityNotAssigned,                    // IDL010
      &kCmkSettingsIncomplete,                     // IDL011
      &kCmkGeoIdentityShared,                      // IDL012
      &kCmkKeyUriInvalid,                          // IDL013
      &kIdentityReferenceNotAssigned,              // IDL014
      &kSystemIdentityDisabledWithUserIdentities,  // IDL020
      &kSystemIdentityDisabledWithCmk,             // IDL021
      &kCmkIdentityRemoved,                        // IDL022
      &kDataEncryptionModeChanged,                 // IDL023
      &kUserIdentitiesDropped,                     // IDL024
      &kSyntaxError,                               // IDL900
      &kValueUndetermined,                         // IDL901
      &kUnusedSuppression,                         // IDL902
  };
  return table;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const RuleInfo* r : all_rules()) {
    if (equals_ignore_case(r->id, id) || r->name == id) return r;
  }
  return nullptr;
}

const RuleInfo& syntax_error_rule() { return kSyntaxError; }

std::string rule_help_uri(const RuleInfo& rule) {
  return std::string(IDLINT_DOCS_URL) + "/" + std::string(rule.id) + ".md";
}

}  // namespace idlint
