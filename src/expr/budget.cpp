// The per-file evaluation budget and the scope that makes it current.
#include "expr/budget.h"

namespace idlint {

namespace {
// Each thread lints one file at a time (-j lints several files on as many threads): the budget
// is thread-local, so each thread has its file's budget.
thread_local EvalBudget* g_current = nullptr;
}  // namespace

std::string byte_size_text(size_t bytes) {
  if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

bool EvalBudget::charge(size_t& used, size_t n, size_t limit, const std::string& amount, const char* what) {
  used += n;
  // The reason is written once, when the budget is first passed (charges are counted per step).
  if (used > limit && reason_.empty()) {
    reason_ = "the evaluation budget of this file is used up (more than " + amount + " " + what + ")";
  }
  return reason_.empty();
}

// The reason's text is made only when a budget is passed: these run once per evaluation step.
bool EvalBudget::charge_bytes(size_t n) {
  if (bytes_ + n > limits_.file_bytes) {
    return charge(bytes_, n, limits_.file_bytes, byte_size_text(limits_.file_bytes), "of values built");
  }
  bytes_ += n;
  return reason_.empty();
}

bool EvalBudget::charge_steps(size_t n) {
  if (steps_ + n > limits_.file_steps) {
    return charge(steps_, n, limits_.file_steps, std::to_string(limits_.file_steps), "evaluation steps");
  }
  steps_ += n;
  return reason_.empty();
}

bool EvalBudget::charge_iterations(size_t n) {
  if (iterations_ + n > limits_.file_iterations) {
    return charge(iterations_, n, limits_.file_iterations, std::to_string(limits_.file_iterations), "loop iterations");
  }
  iterations_ += n;
  return reason_.empty();
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
