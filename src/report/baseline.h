// Known findings: a SARIF log of an earlier run (--baseline), and how this run's findings compare
// with its results (SARIF baselineState: new, unchanged, updated, absent).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/lint.h"
#include "report/report.h"

namespace idlint {

// One result of the baseline log, with what matching needs and the result itself.
struct BaselineResult {
  std::string rule_id;
  std::string fingerprint;  // partialFingerprints["idlintFingerprint/v1"]; empty when it has none
  std::string level;        // as written, else the rule's default level in the log, else "warning"
  std::string message;      // message.text
  std::string uri;          // the primary location's artifactLocation.uri, as written
  std::string uri_base_id;  // its uriBaseId, empty when it has none
  SarifRegion region;       // unset fields are 0
  std::string sarif;        // the result as read (JSON text), to report it again when it is absent
};

struct Baseline {
  // The results of every idlint run in the log, in order. Results the log itself marks absent
  // (it was written with --baseline) are left out: they were not findings of that run.
  std::vector<BaselineResult> results;
};

// Reads a SARIF 2.1.0 log written by idlint. On failure returns nothing and sets error to one line
// naming the file and what is wrong with it.
std::optional<Baseline> read_baseline(const std::string& path, std::string& error);
// The same for the text of a log (error without the file name).
std::optional<Baseline> parse_baseline(std::string_view text, std::string& error);

struct BaselineComparison {
  // Baseline results that this run no longer produces, in baseline order: their file was linted
  // in this run, or no longer exists.
  std::vector<BaselineResult> absent;
};

// Sets ResolvedFinding::baseline on every finding of results and collects the absent baseline
// results. base_directory is the one SARIF output uses (the repository root), since fingerprints
// and URIs are relative to it.
//
// A finding matches the unmatched baseline result with the same rule id and idlintFingerprint/v1;
// a baseline result without that fingerprint is matched on rule id, artifact URI, start line and
// message instead. A match is unchanged when its message, level and region are the same, the
// region allowed to have moved by whole lines (lines added or removed above it); else updated.
BaselineComparison compare_with_baseline(std::vector<FileResult>& results, const Baseline& baseline,
                                         const std::string& base_directory);

}  // namespace idlint
