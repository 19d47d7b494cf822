// libFuzzer target: any bytes, as a named file, through the whole pipeline (reader or Bicep parser,
// loader, expressions, evaluator, rules, position resolution). Crashes and sanitizer reports fail.
// Built twice: as ARM JSON (fuzz_lint) and, with IDLINT_FUZZ_PATH="fuzz.bicep", as Bicep (fuzz_bicep).
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/lint.h"

#ifndef IDLINT_FUZZ_PATH
#define IDLINT_FUZZ_PATH "fuzz.json"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const idlint::RuleSelection rules = idlint::RuleSelection::defaults();
  std::string text(reinterpret_cast<const char*>(data), size);
  const idlint::FileResult result = idlint::lint_text(IDLINT_FUZZ_PATH, std::move(text), true, rules);
  for (const auto& f : result.findings) {
    if (f.primary.range.start.line == 0) __builtin_trap();  // positions are 1-based
  }
  return 0;
}
