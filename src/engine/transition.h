// Transitions: each resource of the linted deployment compared with the same resource in the base
// deployment (its version at a git revision, or the deployed resource), under the same parameter
// values, by the transition rules.
#pragma once
#include <string>
#include <vector>

#include "engine/deployment.h"
#include "engine/lint.h"
#include "model/finding.h"

namespace idlint {

// label: how messages name the base ('HEAD', the file compared with).
std::vector<Finding> check_transitions(const Deployment& head, const Deployment& base, const std::string& label,
                                       const RuleSelection& rules);

// Whether the deployment has a resource the transition rules look at.
bool has_transition_resources(const Deployment& d);

// Whether any enabled rule is a transition rule (otherwise no base needs to be read).
bool has_transition_rules(const RuleSelection& rules);

}  // namespace idlint
