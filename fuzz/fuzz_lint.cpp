// libFuzzer target: any bytes, as a named file, through the whole pipeline (reader or Bicep parser,
// loader, expressions, evaluator, rules, position resolution). Crashes and sanitizer reports fail.
// Built twice: as ARM JSON (fuzz_lint) and, with IDLINT_FUZZ_PATH="fuzz.bicep", as Bicep (fuzz_bicep).
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/lint.h"
#include "rules/rule.h"

#ifndef IDLINT_FUZZ_PATH
#define IDLINT_FUZZ_PATH "fuzz.json"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Every rule, IDL901 included; no parameter files are paired (the result depends on the input
  // alone); module calls are followed, so cross-file paths are exercised where files exist.
  static const idlint::RuleSelection rules = [] {
    idlint::RuleSelection all;
    all.rules = idlint::all_rules();
    return all;
  }();
  static const idlint::LintOptions options = [] {
    idlint::LintOptions o;
    o.pair_parameter_files = false;
    return o;
  }();
  std::string text(reinterpret_cast<const char*>(data), size);
  const idlint::FileResult result = idlint::lint_text(IDLINT_FUZZ_PATH, std::move(text), true, rules, options);
  for (const auto& f : result.findings) {
    if (f.primary.range.start.line == 0) __builtin_trap();  // positions are 1-based
  }
  return 0;
}
