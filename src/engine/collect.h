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

#include "engine/finding.h"
#include "expr/eval.h"
#include "model/template.h"

namespace idlint {

struct Collected {
  Finding finding;
  std::vector<std::string> bindings;
  size_t other_bindings = 0;
  bool unconditional = false;  // found under a binding whose choices do not matter to it
};

class Collector {
 public:
  void add(Finding&& f, const std::string& binding) {
    const auto key = std::make_tuple(f.rule, f.primary.span.begin, f.primary.span.end);
    auto it = index_.find(key);
    if (it == index_.end()) {
      index_.emplace(key, items_.size());
      Collected c{std::move(f), {}, 0, binding.empty()};
      if (!binding.empty()) c.bindings.push_back(binding);
      items_.push_back(std::move(c));
      return;
    }
    // One finding per location and rule, however many bindings lead to it, at the highest level
    // any of them gives it (a parameter contract is a warning; the same finding under defaults, an error).
    Collected& c = items_[it->second];
    c.finding.level = std::max(c.finding.level, f.level);
    // A contract only while every binding leading to the finding is one (then all their parameters).
    if (c.finding.contract.empty() || f.contract.empty()) {
      c.finding.contract.clear();
    } else {
      for (std::string& name : f.contract) {
        if (std::find(c.finding.contract.begin(), c.finding.contract.end(), name) == c.finding.contract.end())
          c.finding.contract.push_back(std::move(name));
      }
    }
    for (Location& l : f.related) {
      const bool seen = std::any_of(c.finding.related.begin(), c.finding.related.end(), [&](const Location& e) {
        return e.span.begin == l.span.begin && e.span.end == l.span.end;
      });
      if (!seen) c.finding.related.push_back(std::move(l));
    }
    if (binding.empty()) c.unconditional = true;
    if (!binding.empty() && std::find(c.bindings.begin(), c.bindings.end(), binding) == c.bindings.end()) {
      if (c.bindings.size() < 3)
        c.bindings.push_back(binding);
      else
        ++c.other_bindings;
    }
  }

  std::vector<Finding> take() {
    std::vector<Finding> out;
    for (Collected& c : items_) {
      if (!c.bindings.empty() && !c.unconditional) {
        std::string when;
        for (size_t i = 0; i < c.bindings.size(); ++i) when += (i ? "; or " : "") + c.bindings[i];
        if (c.other_bindings) when += "; or " + std::to_string(c.other_bindings) + " other parameter values";
        c.finding.message += " (" + when + ")";
      }
      out.push_back(std::move(c.finding));
    }
    return out;
  }

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
