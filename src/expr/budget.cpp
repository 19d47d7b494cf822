// The per-file evaluation budget and the scope that makes it current.
#include "expr/budget.h"

namespace idlint {

namespace {
// idlint lints one file at a time on one thread; the budget is thread-local so that a caller
// linting on several threads gets one budget per thread.
thread_local EvalBudget* g_current = nullptr;
}  // namespace

std::string byte_size_text(size_t bytes) {
  if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

void EvalBudget::exhaust(std::string reason) {
  if (reason_.empty()) reason_ = std::move(reason);
}

bool EvalBudget::charge_bytes(size_t n) {
  bytes_ += n;
  if (bytes_ > limits_.file_bytes) {
    exhaust("the evaluation budget of this file is used up (more than " + byte_size_text(limits_.file_bytes) +
            " of values built)");
  }
  return !exhausted();
}

bool EvalBudget::charge_steps(size_t n) {
  steps_ += n;
  if (steps_ > limits_.file_steps) {
    exhaust("the evaluation budget of this file is used up (more than " + std::to_string(limits_.file_steps) +
            " evaluation steps)");
  }
  return !exhausted();
}

bool EvalBudget::charge_iterations(size_t n) {
  iterations_ += n;
  if (iterations_ > limits_.file_iterations) {
    exhaust("the evaluation budget of this file is used up (more than " + std::to_string(limits_.file_iterations) +
            " loop iterations)");
  }
  return !exhausted();
}

bool EvalBudget::charge_checks(size_t n) {
  checks_ += n;
  if (checks_ > limits_.file_checks && checks_reason_.empty()) {
    checks_reason_ =
        "more than " + std::to_string(limits_.file_checks) + " resource checks (resources times parameter bindings)";
  }
  return checks_reason_.empty();
}

EvalBudget* EvalBudget::current() { return g_current; }

EvalBudget::Scope::Scope(EvalBudget& budget) : previous_(g_current) { g_current = &budget; }

EvalBudget::Scope::~Scope() { g_current = previous_; }

}  // namespace idlint
