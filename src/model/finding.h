// A finding as rules produce it (spans) and as reporters print it (lines and columns resolved).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/source.h"

namespace idlint {

enum class Level : uint8_t { Note = 0, Warning = 1, Error = 2 };
const char* level_name(Level level);

struct RuleInfo;
struct Parameter;

struct Location {
  std::shared_ptr<const SourceFile> file;
  Span span;
  std::string message;  // for related locations
};

struct Finding {
  const RuleInfo* rule = nullptr;
  Level level = Level::Error;
  Location primary;
  std::string message;  // the statement: what is wrong, and under which parameter values
  std::string help;     // the remedy, shown on a line of its own (empty: none)
  std::vector<Location> related;
  std::string logical;  // stable description of where (resource and property path), for fingerprints
  // What the offending value came from, for moving a finding to the call site that caused it.
  struct Cause {
    std::vector<const Parameter*> deps;  // parameters the value depends on
    const SourceFile* file = nullptr;    // where its literal was written
    Span span;
  } cause;
  // A parameter contract (README "Parameter contracts"): the parameters left at an empty default
  // that the finding depends on. Empty when the finding is no contract.
  std::vector<std::string> contract;
};

// A parameter value a finding holds under, as the message names it.
struct NamedChoice {
  const Parameter* parameter = nullptr;
  std::string value;        // as the message shows it: 'Enabled', true
  const void* chosen = nullptr;  // which value it is (two objects both show as {…})
  size_t candidates = 0;         // how many values the parameter can take
  bool is_default = false;  // the parameter keeps its default value
  Location where;           // the value as written (or the declaration), for a related location
};

// The parameter values a finding holds under (one binding of the parameters that vary).
struct BindingNote {
  std::string text;                // when set, said as it is (a parameter contract)
  std::vector<NamedChoice> named;  // otherwise these values are named: "when parameter 'x' is 'A'"
  bool empty() const { return text.empty() && named.empty(); }
};

// What reporters need: positions resolved and the source line kept, so the file's text can be freed.
struct ResolvedLocation {
  std::string path;
  LineColumnRange range;
  std::string message;
  // The source line of range.start, or a window of it around the position when the line is long
  // (minified templates): line_text starts at column first_column and is cut short if truncated_end.
  std::string line_text;
  uint32_t first_column = 1;
  bool truncated_end = false;
};

struct ResolvedFinding {
  const RuleInfo* rule = nullptr;
  Level level = Level::Error;
  ResolvedLocation primary;
  std::vector<ResolvedLocation> related;
  std::string message;
  std::string help;
  std::string logical;
  // An in-source suppression that covers the finding (the directive or metadata entry, and the
  // reason given there). A suppressed finding is kept: SARIF shows it as dismissed.
  struct Suppression {
    ResolvedLocation location;
    std::string justification;
  };
  std::optional<Suppression> suppression;
  // A parameter contract's parameters left at an empty default: a module's finding that goes
  // away when every call of the module in the run gives them.
  std::vector<std::string> contract;
  // With --baseline: how the finding compares with the baseline SARIF's results.
  enum class BaselineState : uint8_t { None, New, Unchanged, Updated, Absent };
  BaselineState baseline = BaselineState::None;
};

}  // namespace idlint
