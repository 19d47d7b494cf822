// Matching resources between two deployments and running the transition rules on each pair.
#include "engine/transition.h"

#include <map>
#include <unordered_map>

#include "engine/bindings.h"
#include "engine/collect.h"
#include "rules/transition.h"

namespace idlint {

namespace {

bool has_transitions(const Resource& r) {
  return equals_ignore_case(r.full_type, "Microsoft.DBforPostgreSQL/flexibleServers") ||
         equals_ignore_case(r.full_type, "Microsoft.DBforMySQL/flexibleServers");
}

// The name as written: literal parts compare case-insensitively, expressions by their text.
std::string written_name(const Resource& r) {
  std::string name;
  for (const Value* part : r.name_parts) {
    if (!name.empty()) name += '/';
    if (!part) continue;
    if (part->is_string())
      name += to_lower_ascii(part->text);
    else if (part->is_expr())
      name += "[" + std::string(part->text) + "]";
  }
  return name;
}

// The name evaluated with every parameter at its default, or empty when it is not known then.
std::string evaluated_name(const Instance& inst) {
  const ResourceBindings rb = enumerate_bindings(*inst.resource, inst.frame);
  const Binding defaults = rb.bindings.empty() ? Binding{} : rb.bindings.front();
  Evaluator ev(defaults, nullptr, inst.frame);
  std::string name;
  for (const Value* part : inst.resource->name_parts) {
    if (!part) return {};
    const Val v = ev.evaluate(*inst.resource->owner, *part);
    if (!v.is_string()) return {};
    if (!name.empty()) name += '/';
    name += to_lower_ascii(v.str);
  }
  return name;
}

// Where an instance sits: the module calls and nested deployments above it.
std::string frame_path(const Frame* f) {
  std::string path;
  for (; f; f = f->parent) {
    if (f->kind != Frame::Kind::Call) continue;
    if (f->module)
      path = "module:" + to_lower_ascii(f->module->symbolic_name) + "/" + path;
    else if (f->deployment)
      path = "deployment:" + written_name(*f->deployment) + "/" + path;
  }
  return path;
}

struct Keyed {
  const Instance* instance;
  std::string by_symbol;  // empty without a symbolic name
  std::string by_name;
  std::string by_value;  // lazily: the evaluated name
  bool value_done = false;
};

// The instances the transition rules look at, each with its matching keys; the n-th instance of
// one declaration (a loop) gets '#n'.
std::vector<Keyed> keyed_instances(const Deployment& d) {
  std::vector<Keyed> out;
  std::map<std::pair<const Resource*, const Frame*>, int> seen;
  std::map<std::string, int> occurrence;
  for (const Instance& inst : d.instances()) {
    if (!has_transitions(*inst.resource)) continue;
    const std::string where = frame_path(inst.frame);
    const std::string type = to_lower_ascii(inst.resource->full_type) + "|";
    Keyed k{&inst, {}, {}, {}, false};
    const std::string base_key = where + type + written_name(*inst.resource);
    const int n = occurrence[base_key]++;
    const std::string suffix = "#" + std::to_string(n);
    if (!inst.resource->symbolic_name.empty())
      k.by_symbol = where + to_lower_ascii(inst.resource->symbolic_name) + suffix;
    k.by_name = base_key + suffix;
    out.push_back(std::move(k));
  }
  return out;
}

const std::string& value_key(Keyed& k) {
  if (!k.value_done) {
    k.value_done = true;
    const std::string name = evaluated_name(*k.instance);
    if (!name.empty()) {
      k.by_value = frame_path(k.instance->frame) + to_lower_ascii(k.instance->resource->full_type) + "|" + name;
    }
  }
  return k.by_value;
}

// The base instances by their keys, built once: a deployment may hold thousands of servers (a
// loop of 64 in a loop of 64), and matching each with each compared millions of keys.
class BaseIndex {
 public:
  BaseIndex(std::vector<Keyed>& base, const std::vector<Keyed>& head, bool base_is_live) : base_(base) {
    for (Keyed& b : base) {
      if (!b.by_symbol.empty()) by_symbol_[b.by_symbol].push_back(&b);
      by_name_.try_emplace(b.by_name, &b);  // the first of equal keys, as a scan finds it
    }
    // A deployed resource's JSON matches the one server of its type in the head.
    if (base_is_live && base.size() == 1) {
      const std::string& type = base.front().instance->resource->full_type;
      size_t same_type = 0;
      for (const Keyed& k : head) same_type += equals_ignore_case(k.instance->resource->full_type, type);
      if (same_type == 1) live_ = &base.front();
    }
  }

  // The base instance of a head instance: same symbolic name (unless the names evaluate to
  // different ones), else same type and name as written, else the same type and evaluated name.
  const Instance* match(Keyed& h) {
    if (!h.by_symbol.empty()) {
      if (const auto it = by_symbol_.find(h.by_symbol); it != by_symbol_.end()) {
        for (Keyed* b : it->second) {
          // Azure knows a resource by its type and name, not by the template's symbol: under the
          // same symbol, a server whose name provably changed is another server.
          if (!value_key(h).empty() && !value_key(*b).empty() && value_key(h) != value_key(*b)) continue;
          return b->instance;
        }
      }
    }
    if (const auto it = by_name_.find(h.by_name); it != by_name_.end()) return it->second->instance;
    if (!value_key(h).empty()) {
      if (!values_indexed_) {
        for (Keyed& b : base_) {
          if (!value_key(b).empty()) by_value_.try_emplace(b.by_value, &b);
        }
        values_indexed_ = true;
      }
      if (const auto it = by_value_.find(h.by_value); it != by_value_.end()) return it->second->instance;
    }
    if (live_ && equals_ignore_case(h.instance->resource->full_type, live_->instance->resource->full_type)) {
      return live_->instance;
    }
    return nullptr;
  }

 private:
  std::vector<Keyed>& base_;
  std::unordered_map<std::string, std::vector<Keyed*>> by_symbol_;
  std::unordered_map<std::string, Keyed*> by_name_;
  std::unordered_map<std::string, Keyed*> by_value_;  // evaluated names, filled on first need
  bool values_indexed_ = false;
  const Keyed* live_ = nullptr;
};

// The value a binding gives a root parameter of t by name, as written: the choice, else its
// default. passed: the value is one a caller passes (an allowed value, a bool, a parameter file),
// not the default a deployment that does not pass the parameter gets.
// by_name: the binding's choices by lower-case parameter name (the first of equal names).
const Value* chosen_value(const std::unordered_map<std::string, const Choice*>& by_name, const Template& t,
                          std::string_view name, bool& declared, bool& passed) {
  passed = false;
  if (const auto it = by_name.find(to_lower_ascii(name)); it != by_name.end()) {
    declared = true;
    passed = it->second->kind != Origin::Kind::ParameterDefault;
    return it->second->value;
  }
  const Parameter* p = t.find_parameter(name);
  declared = p != nullptr;
  return p ? p->default_value : nullptr;
}

bool scalar_literal(const Value* v) {
  return v && (v->kind == Value::Kind::String || v->kind == Value::Kind::Number || v->kind == Value::Kind::Bool ||
               v->kind == Value::Kind::Null);
}

// A base binding for the same deployment command run against both versions, or null when there
// is none: a parameter the head binding passes has that value in the base too; one it does not
// pass takes the base's own default (which may differ: a changed default is a change).
const Binding* matching_base_binding(const Binding& head, const Template& head_root, const ResourceBindings& base) {
  std::unordered_map<std::string, const Choice*> by_name;
  for (const Choice& c : head.choices) by_name.emplace(to_lower_ascii(c.parameter->name), &c);
  for (const Binding& candidate : base.bindings) {
    bool ok = true;
    for (const Choice& c : candidate.choices) {
      bool declared = false;
      bool passed = false;
      const Value* v = chosen_value(by_name, head_root, c.parameter->name, declared, passed);
      if (!base.varying.count(c.parameter)) {
        // The base evaluates it at its one value. A value the head passes that is another literal
        // would be the base's value too under that command, so the base is not this one: no match.
        ok = !(declared && passed && scalar_literal(c.value) && scalar_literal(v) && !same_literal(v, c.value));
      } else if (!declared || !passed) {
        ok = c.kind == Origin::Kind::ParameterDefault;  // not passed: each version's default applies
      } else {
        ok = same_literal(v, c.value);
      }
      if (!ok) break;
    }
    if (ok) return &candidate;
  }
  return nullptr;
}

}  // namespace

bool has_transition_resources(const Deployment& d) {
  for (const Instance& inst : d.instances()) {
    if (has_transitions(*inst.resource)) return true;
  }
  return false;
}

bool has_transition_rules(const RuleSelection& rules) {
  for (const RuleInfo* r : rules.rules) {
    if (r->transition) return true;
  }
  return false;
}

std::vector<Finding> check_transitions(const Deployment& head, const Deployment& base, const std::string& label,
                                       const RuleSelection& rules) {
  Collector collector;
  std::vector<Keyed> head_keys = keyed_instances(head);
  std::vector<Keyed> base_keys = keyed_instances(base);
  if (head_keys.empty() || base_keys.empty()) return {};
  const bool base_is_live = base.root().tmpl->live_resource;
  const Template& head_root = *head.root().tmpl;
  const Template& base_root = *base.root().tmpl;
  SharedValues head_shared;
  head_shared.varying_template = &head_root;
  head_shared.any_varying = head.root().free;
  SharedValues base_shared;
  base_shared.varying_template = &base_root;
  base_shared.any_varying = base.root().free;
  const std::function<void(Val&)> rebase = [&](Val& v) {
    rebase_parameter_symbols(v, base_root, &base.root(), head_root, &head.root());
  };
  BaseIndex index(base_keys, head_keys, base_is_live);
  for (Keyed& h : head_keys) {
    const Instance* b = index.match(h);
    if (!b) continue;  // a new server: nothing to compare
    const Instance& hi = *h.instance;
    const Frame* call = top_module_call(hi.frame);
    const ResourceCheck::Sink sink = [&](Finding&& f, BindingNote&& binding) {
      if (call) move_to_call_site(f, *call);
      collector.add(std::move(f), std::move(binding));
    };
    const ResourceCheck::Sink ignore = [](Finding&&, BindingNote&&) {};
    const ResourceBindings head_rb = enumerate_bindings(*hi.resource, hi.frame);
    const ResourceBindings base_rb = enumerate_bindings(*b->resource, b->frame);
    bool stop = false;
    for (const Binding& hb : head_rb.bindings) {
      const Binding* bb = matching_base_binding(hb, head_root, base_rb);
      if (!bb) continue;
      Evaluator head_ev(hb, &head_shared, hi.frame);
      Evaluator base_ev(*bb, &base_shared, b->frame);
      // Past the file's budget of checks, the first binding (the defaults) alone.
      if (!head_ev.charge_check()) stop = true;
      if (!deployed(head_ev, hi) || !deployed(base_ev, *b)) {
        if (stop) break;
        continue;
      }
      ResourceCheck head_check(*hi.resource, head_ev, hb, head_rb.varying, sink, rules.bicep_values_as_written);
      ResourceCheck base_check(*b->resource, base_ev, *bb, base_rb.varying, ignore);
      TransitionCheck t(base_check, head_check, label, rebase);
      for (const RuleInfo* rule : rules.rules) {
        if (!rule->transition) continue;
        try {
          rule->transition(t);
        } catch (const std::exception& e) {
          collector.add(rule_failure(*rule, *hi.resource, e), BindingNote{});
        }
      }
      if (stop) break;
    }
  }
  return collector.take();
}

}  // namespace idlint
