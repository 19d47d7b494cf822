// Checking a template as deployments: every resource instance, under every binding, by every
// enabled rule; a module's findings moved to the call that causes them.
#include "engine/lint_deployments.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "engine/bindings.h"
#include "rules/check.h"

namespace idlint {

namespace {

class DeploymentChecker {
 public:
  DeploymentChecker(const RuleSelection& rules, ModuleLoader& modules) : rules_(rules), modules_(modules) {}

  // Checks every resource instance. raw_keys collects what the rules produced; a finding whose raw
  // key is in drop is left out (already reported by a run it would repeat).
  void check(const Deployment& d, Collector& collector, std::set<std::string>* raw_keys,
             const std::set<std::string>* drop) {
    SharedValues shared;
    shared.varying_template = d.root().tmpl;
    shared.any_varying = d.root().free;
    for (const Instance& inst : d.instances()) {
      const Resource& resource = *inst.resource;
      if (!worth_checking(resource)) continue;
      const Frame* call = top_module_call(inst.frame);
      // Each module on the way (main → mid → leaf), linted on its own, reports what its defaults
      // cause; the outermost call adds only the rest, once.
      std::vector<const std::set<std::string>*> modules_alone;
      for (const Frame* f = inst.frame; f; f = f->parent) {
        if (f->kind == Frame::Kind::Call && f->module) modules_alone.push_back(&alone_keys(*f->tmpl));
      }
      const ResourceCheck::Sink sink = [&](Finding&& f, BindingNote&& binding) {
        const std::string key = raw_key(f);
        if (raw_keys) raw_keys->insert(key);
        if (drop && drop->count(key)) return;
        if (call) {
          for (const std::set<std::string>* alone : modules_alone) {
            if (alone->count(key)) return;
          }
          move_to_call_site(f, *call);
        }
        collector.add(std::move(f), std::move(binding));
      };
      const ResourceBindings rb = enumerate_bindings(resource, inst.frame);
      for (const Binding& binding : rb.bindings) {
        Evaluator evaluator(binding, &shared, inst.frame);
        // Past the file's budget of checks, the first binding (the defaults) alone.
        const bool last = !evaluator.charge_check();
        if (deployed(evaluator, inst)) {
          ResourceCheck check(resource, evaluator, binding, rb.varying, sink, rules_.bicep_values_as_written);
          for (const RuleInfo* rule : rules_.rules) {
            if (!rule->check) continue;
            check.begin_rule();
            try {
              rule->check(check);
            } catch (const std::exception& e) {
              // A rule's bug must not hide the other rules' findings: report it and go on.
              collector.add(rule_failure(*rule, resource, e), BindingNote{});
            }
          }
        }
        if (last) break;
      }
    }
  }

  // What a module template reports when linted on its own (its raw keys), computed once.
  const std::set<std::string>& alone_keys(const Template& module) {
    auto [it, inserted] = alone_.try_emplace(&module);
    if (inserted) {
      Frame root;
      root.tmpl = &module;
      const Deployment d(std::move(root), &modules_);
      Collector ignored;
      std::set<std::string> keys;
      check(d, ignored, &keys, nullptr);
      it->second = std::move(keys);
    }
    return it->second;
  }

 private:
  const RuleSelection& rules_;
  ModuleLoader& modules_;
  std::map<const Template*, std::set<std::string>> alone_;
};

}  // namespace

Frame root_frame(const Template& t, const ParameterSet* set) {
  Frame root;
  root.tmpl = &t;
  if (!set) return root;
  root.free = false;
  root.caller_tmpl = set->tmpl;
  root.arg_kind = Origin::Kind::ParameterFile;
  root.args = set->args;
  root.label = set->label;
  return root;
}

std::vector<Finding> lint_deployments(const Template& t, const std::vector<ParameterSet>& sets,
                                      const RuleSelection& rules, ModuleLoader& modules, bool report_defaults,
                                      std::vector<Span>* unfollowed) {
  DeploymentChecker checker(rules, modules);
  std::set<std::string> default_keys;
  std::vector<Finding> out;
  {
    Frame root;
    root.tmpl = &t;
    const Deployment d(std::move(root), &modules);
    Collector collector;
    checker.check(d, collector, &default_keys, nullptr);
    if (unfollowed) {
      for (const Deployment::Note& n : d.notes()) {
        if (n.caller == &t) unfollowed->push_back(n.module->span);
      }
    }
    const RuleInfo* explain = find_rule("IDL901");
    if (report_defaults && explain && rules.enabled(*explain)) {
      for (const Deployment::Note& n : d.notes()) {
        if (n.caller != &t) continue;  // a module's own calls are explained when it is linted
        Finding f;
        f.rule = explain;
        f.level = explain->level;
        f.primary = Location{t.file, n.module->path_span, {}};
        f.message = "module '" + std::string(n.module->symbolic_name) +
                    "' is not followed, so its arguments are not checked: " + n.reason;
        f.logical = "module:" + std::string(n.module->symbolic_name);
        collector.add(std::move(f), BindingNote{});
      }
    }
    if (report_defaults) out = collector.take();
  }
  struct Extra {
    Finding finding;
    std::vector<std::string> labels;
  };
  std::vector<Extra> extras;
  for (const ParameterSet& set : sets) {
    const Deployment d(root_frame(t, &set), &modules);
    Collector collector;
    checker.check(d, collector, nullptr, &default_keys);
    for (Finding& f : collector.take()) {
      for (const Frame::Argument& a : d.root().args) {
        if (depends_on(f, t, a.name)) {
          add_related(f, Location{set.tmpl->file, a.span,
                                  "parameter '" + std::string(a.name) + "' is set here, in " + set.label});
        }
      }
      auto same = std::find_if(extras.begin(), extras.end(), [&](const Extra& e) {
        return e.finding.rule == f.rule && same_span(e.finding.primary, f.primary) && e.finding.message == f.message;
      });
      if (same != extras.end()) {
        same->labels.push_back(set.label);
        for (Location& l : f.related) add_related(same->finding, std::move(l));
      } else {
        extras.push_back(Extra{std::move(f), {set.label}});
      }
    }
  }
  for (Extra& e : extras) {
    std::string with;
    for (size_t i = 0; i < e.labels.size(); ++i) with += (i ? ", " : "") + e.labels[i];
    e.finding.message += " (with " + with + ")";
    out.push_back(std::move(e.finding));
  }
  return out;
}

}  // namespace idlint
