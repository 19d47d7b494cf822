// idlintFingerprint/v1: the identity of a finding across runs, which SARIF baselines match on.
#pragma once
#include <map>
#include <string>

#include "model/finding.h"

namespace idlint {

// Fingerprints the findings of one run. The value hashes the rule id, the artifact URI, the
// logical location (resource and property) and the trimmed text of the finding's line, so it
// stays the same when unrelated lines move the finding; ":N" numbers equal findings in report
// order. Call next() for every finding in report order: the SARIF writer and the baseline
// comparison both do, so they agree.
class Fingerprinter {
 public:
  explicit Fingerprinter(std::string base_directory) : base_(std::move(base_directory)) {}
  std::string next(const ResolvedFinding& f);

 private:
  std::string base_;  // artifact URIs are relative to it, as in SARIF output
  std::map<std::string, int> occurrences_;
};

inline constexpr const char* kFingerprintKey = "idlintFingerprint/v1";

}  // namespace idlint
