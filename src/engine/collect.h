// Gathering findings across bindings, runs and module calls: what the lint driver and the
// transition checker share.
#pragma once
#include <algorithm>
#include <exception>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "expr/eval.h"
#include "model/finding.h"
#include "model/template.h"

namespace idlint {

struct Collected {
  Finding finding;
  std::vector<BindingNote> bindings;  // the bindings it was found under (the first kMaxKept)
  size_t other_bindings = 0;          // and how many more
  bool unconditional = false;         // found under a binding whose choices do not matter to it
};

class Collector {
 public:
  void add(Finding&& f, BindingNote&& binding);
  // The findings, each once, its message ending in the parameter values it holds under.
  std::vector<Finding> take();

 private:
  std::map<std::tuple<const RuleInfo*, uint32_t, uint32_t>, size_t> index_;
  std::vector<Collected> items_;
};

// A finding as a rule produced it, before any moving or merging: what deduplication compares.
std::string raw_key(const Finding& f);
bool same_span(const Location& a, const Location& b);
// Adds a related location unless it is already there or is the primary location.
void add_related(Finding& f, Location l);
// Whether the offending value depends on parameter `parameter` of template t.
bool depends_on(const Finding& f, const Template& t, std::string_view parameter);
// A finding inside a module, caused by the call: point at the argument that caused it in the
// calling file, and keep the place inside the module as a related location.
void move_to_call_site(Finding& f, const Frame& call);
// A rule that threw: an error at the resource saying so, so a bug hides no other finding.
Finding rule_failure(const RuleInfo& rule, const Resource& resource, const std::exception& e);

struct ParameterSet {
  std::string label;       // "parameter file 'main.parameters.json'"
  const Template* tmpl;    // where the values are written
  std::vector<Frame::Argument> args;
};

}  // namespace idlint
