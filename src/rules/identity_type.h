// How a value of identity.type fares at a resource's type and api-version: the one judgement that
// IDL001 (invalid), IDL006 (not in the specification) and IDL007 (spelled otherwise) each report
// their part of, so the three can never disagree about a value.
#pragma once
#include <string>

#include "rules/check.h"

namespace idlint {

struct IdentityTypeVerdict {
  enum class Kind : uint8_t {
    Fine,       // accepted, or nothing can be said
    Invalid,    // IDL001: not an identity type, no identity at the api-version, or a known rejection
    NotInSpec,  // IDL006: valid parts, a combination the specification does not list (or evidence of trouble)
    Spelling,   // IDL007: a value the specification lists, spelled otherwise
  };
  Kind kind = Kind::Fine;
  std::string message;  // the statement
  std::string help;     // the remedy
};

// Judges identity.type of the resource under its binding (the value read through r, so a finding
// names the parameters it depends on).
IdentityTypeVerdict judge_identity_type(ResourceCheck& r);

// Reports the verdict at identity.type under rule when it is of kind (each of the three rules
// reports its own part).
void report_identity_type(ResourceCheck& r, IdentityTypeVerdict::Kind kind, const RuleInfo& rule);

}  // namespace idlint
