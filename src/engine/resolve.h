// Findings resolved for reporters: positions as lines and columns, messages bounded, the
// suppression that covers each attached, and one deterministic order.
#pragma once
#include <vector>

#include "engine/lint.h"
#include "engine/suppressions.h"
#include "model/finding.h"

namespace idlint {

ResolvedLocation resolve_location(const Location& l);

// Resolves findings into result, each with the first suppression that covers it (every one that
// covers it counts as used).
void add_findings(FileResult& result, const std::vector<Finding>& findings,
                  const std::vector<Suppressions*>& suppressions = {});

// A file's findings in the order reporters print them: line, column, rule id, message.
bool finding_order(const ResolvedFinding& a, const ResolvedFinding& b);

}  // namespace idlint
