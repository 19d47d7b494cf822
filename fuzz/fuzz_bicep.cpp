// libFuzzer target: any bytes as a .bicep file through the Bicep parser, the lowering, the evaluator
// and the rules. Crashes, hangs and sanitizer reports fail.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/lint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const idlint::RuleSelection rules = idlint::RuleSelection::defaults();
  std::string text(reinterpret_cast<const char*>(data), size);
  const idlint::FileResult result = idlint::lint_text("fuzz.bicep", std::move(text), true, rules);
  for (const auto& f : result.findings) {
    if (f.primary.range.start.line == 0) __builtin_trap();  // positions are 1-based
  }
  return 0;
}
