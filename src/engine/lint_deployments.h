// Checking a template as deployments: on its own defaults and allowed values, then deployed with
// each parameter set paired with it. What only a parameter set causes names it.
#pragma once
#include <vector>

#include "engine/collect.h"
#include "engine/deployment.h"
#include "engine/lint.h"

namespace idlint {

// The frame of a linted template: on its own (parameters vary over their candidates), or deployed
// with a parameter set.
Frame root_frame(const Template& t, const ParameterSet* set);

// Lints t once on its own defaults and allowed values (reported when report_defaults), then once
// per parameter set; a finding only a parameter set produces names it. Identical findings are
// reported once. unfollowed (when given) receives the spans of t's module calls that could not be
// followed.
std::vector<Finding> lint_deployments(const Template& t, const std::vector<ParameterSet>& sets,
                                      const RuleSelection& rules, ModuleLoader& modules, bool report_defaults,
                                      std::vector<Span>* unfollowed = nullptr);

}  // namespace idlint
