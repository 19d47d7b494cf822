// Declarations of every rule's metadata; the registry table in registry.cpp lists them in order.
#pragma once
#include "rules/rule.h"

namespace idlint {

extern const RuleInfo kIdentityTypeInvalid;            // IDL001
extern const RuleInfo kUserIdentitiesMissing;          // IDL002
extern const RuleInfo kUserIdentitiesWithoutUserType;  // IDL003
extern const RuleInfo kUserIdentityReferenceInvalid;   // IDL004
extern const RuleInfo kIdentityOutputPropertySet;      // IDL005
extern const RuleInfo kIdentityTypeNotInSpec;          // IDL006
extern const RuleInfo kIdentityTypeSpelling;           // IDL007
extern const RuleInfo kUserIdentitiesTooMany;          // IDL008
extern const RuleInfo kCmkIdentityNotAssigned;         // IDL010
extern const RuleInfo kCmkSettingsIncomplete;          // IDL011
extern const RuleInfo kCmkGeoIdentityShared;           // IDL012
extern const RuleInfo kCmkKeyUriInvalid;               // IDL013
extern const RuleInfo kIdentityReferenceNotAssigned;   // IDL014
extern const RuleInfo kSystemIdentityDisabledWithUserIdentities;  // IDL020
extern const RuleInfo kSystemIdentityDisabledWithCmk;             // IDL021
extern const RuleInfo kCmkIdentityRemoved;                        // IDL022
extern const RuleInfo kDataEncryptionModeChanged;                 // IDL023
extern const RuleInfo kUserIdentitiesDropped;                     // IDL024
extern const RuleInfo kSyntaxError;                    // IDL900
extern const RuleInfo kValueUndetermined;              // IDL901
extern const RuleInfo kUnusedSuppression;              // IDL902

}  // namespace idlint
