// What evaluating one linted file may cost. Templates come from anyone who can open a pull request:
// a few lines that double a string 64 times, or loops nested three deep over ranges of 1000, must
// end in Unknown ("value larger than 1 MiB"), not in exhausted memory or time.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace idlint {

struct EvalLimits {
  // One value the evaluator builds: a string's length, or an array's or object's items with
  // everything inside them, counted in the bytes they occupy (see value_weight in expr/eval.h).
  size_t value_bytes = size_t{1} << 20;
  // Arrays and objects nested inside one another.
  uint16_t value_depth = 128;
  // Every value built while one file is linted (its parameter files, the modules it calls and its
  // base version included): what the evaluator allocates, counted as it is built and never given
  // back, so it bounds both the memory held at once and the time spent (a 4 MB template of 2,000
  // parameters under 256 bindings builds 280 MB in total while holding 15 MB).
  size_t file_bytes = size_t{512} << 20;
  // Evaluation steps (one per value, expression node, parameter or variable evaluated) for one file.
  size_t file_steps = 5'000'000;
  // Loop iterations for one file: copy loops, for-expressions, lambdas applied to items, range()
  // items, and the resource, module and deployment loops a deployment is expanded into.
  size_t file_iterations = 1'000'000;
  // Resources checked under one parameter binding each, for one file: a resource in a loop of 64
  // module calls, each in a loop of 64, under 256 bindings, is checked 1,048,576 times otherwise.
  // Past it, each further resource is checked under one binding (its parameters' defaults).
  size_t file_checks = 20'000;
};

// What a file's evaluation used, in the units of EvalLimits (for measurements: bench/).
struct EvalCost {
  size_t bytes = 0;
  size_t steps = 0;
  size_t iterations = 0;
  size_t checks = 0;
};

// The budget of one linted file. Every evaluator created while an EvalBudget::Scope is open draws
// from it. Once the file's bytes, steps or iterations are used up it is exhausted: every expression
// evaluated after is Unknown, with the reason, so the rest of the file costs almost nothing (values
// written literally are still read: a mistake written as a literal is still found). Past the checks
// limit, resources are checked under one binding each, their values still evaluated.
class EvalBudget {
 public:
  explicit EvalBudget(const EvalLimits& limits = {}) : limits_(limits) {}
  EvalBudget(const EvalBudget&) = delete;
  EvalBudget& operator=(const EvalBudget&) = delete;

  const EvalLimits& limits() const { return limits_; }
  // Each returns false once the file's budget is used up (by this charge or an earlier one).
  bool charge_bytes(size_t n);
  bool charge_steps(size_t n = 1);
  bool charge_iterations(size_t n = 1);
  // False once the checks are past their limit (then checks_reason() says so); never exhausts.
  bool charge_checks(size_t n = 1);
  const std::string& checks_reason() const { return checks_reason_; }
  bool exhausted() const { return !reason_.empty(); }
  // Why evaluation stopped, for Unknown values ("more than 64 MiB of values built for this file").
  const std::string& reason() const { return reason_; }

  size_t bytes() const { return bytes_; }
  size_t steps() const { return steps_; }
  size_t iterations() const { return iterations_; }
  size_t checks() const { return checks_; }

  // The budget of the file being linted, or null outside any Scope.
  static EvalBudget* current();
  // Makes a budget current for its lifetime (scopes nest; the previous one is restored).
  class Scope {
   public:
    explicit Scope(EvalBudget& budget);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    EvalBudget* previous_;
  };

 private:
  // Adds n to used; past limit, the budget is exhausted with the reason "more than <amount> <what>".
  bool charge(size_t& used, size_t n, size_t limit, const std::string& amount, const char* what);
  EvalLimits limits_;
  size_t bytes_ = 0;
  size_t steps_ = 0;
  size_t iterations_ = 0;
  size_t checks_ = 0;
  std::string reason_;
  std::string checks_reason_;
};

// "1 MiB", "64 MiB", "512 KiB": a byte count for messages.
std::string byte_size_text(size_t bytes);

}  // namespace idlint
