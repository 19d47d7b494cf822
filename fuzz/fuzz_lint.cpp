// libFuzzer target: any bytes, as a named file, through the whole pipeline (reader or Bicep parser,
// loader, expressions, evaluator, rules, position resolution). Crashes and sanitizer reports fail.
// Built twice: as ARM JSON (fuzz_lint) and, with IDLINT_FUZZ_PATH="fuzz.bicep", as Bicep (fuzz_bicep).
// The transition rules run too: the input up to a line "//base" is the linted version and what
// follows it the base version; an input without that line is compared with itself. The evaluation
// budgets are smaller than the command line's (below).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/lint.h"
#include "load/base_version.h"
#include "rules/rule.h"

#ifndef IDLINT_FUZZ_PATH
#define IDLINT_FUZZ_PATH "fuzz.json"
#endif

namespace {

// The base version held in memory: what the input gives after its "//base" line.
class MemoryBase final : public idlint::BaseSource {
 public:
  std::string text;
  const std::string& label() const override { return label_; }
  idlint::BaseText read(const std::string& path) override {
    idlint::BaseText b;
    b.status = idlint::BaseText::Status::Found;
    b.path = path;
    b.text = text;
    return b;
  }
  idlint::BaseText read_related(const std::string&) override { return {}; }  // absent

 private:
  std::string label_ = "base";
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Every rule, IDL901 included; no parameter files are paired (the result depends on the input
  // alone); module calls are followed, so cross-file paths are exercised where files exist.
  static const idlint::RuleSelection rules = [] {
    idlint::RuleSelection all;
    all.rules = idlint::all_rules();
    return all;
  }();
  static const auto base = std::make_shared<MemoryBase>();
  static const idlint::LintOptions options = [] {
    idlint::LintOptions o;
    o.pair_parameter_files = false;
    o.base = base;
    // Smaller budgets reach the same code (a value or a file past its limit) in a tenth of the
    // time: under the sanitizers a file that builds 512 MiB takes ten seconds, the fuzzers' timeout.
    o.limits.file_bytes = size_t{48} << 20;
    o.limits.file_steps = 500'000;
    o.limits.file_iterations = 8'000;
    o.limits.file_checks = 1'000;
    return o;
  }();
  std::string text(reinterpret_cast<const char*>(data), size);
  static constexpr std::string_view kSplit = "\n//base\n";
  if (const size_t at = text.find(kSplit); at != std::string::npos) {
    base->text = text.substr(at + kSplit.size());
    text.resize(at);
  } else {
    base->text = text;
  }
  const idlint::FileResult result = idlint::lint_text(IDLINT_FUZZ_PATH, std::move(text), true, rules, options);
  for (const auto& f : result.findings) {
    if (f.primary.range.start.line == 0) __builtin_trap();  // positions are 1-based
  }
  return 0;
}
