// Binding enumeration: collect the parameters a resource's checked properties depend on (through
// variables too), list each one's candidate values, and form their joint combinations.
#include "engine/bindings.h"

#include <algorithm>

#include "expr/candidates.h"
#include "expr/ir.h"
#include "rules/catalog.h"

namespace idlint {

const std::vector<std::vector<std::string_view>> kCheckedPaths = {
    {"identity"},
    {"properties", "dataEncryption"},
    {"properties", "backup", "geoRedundantBackup"},
};

namespace {

class ParameterCollector {
 public:
  // v is written in template t and evaluated in frame (null: no frames, the template alone).
  void value(const Template& t, const Value& v, const Frame* frame, unsigned depth = 0) {
    if (depth > 64) return;
    switch (v.kind) {
      case Value::Kind::Array:
        for (uint32_t i = 0; i < v.size; ++i) value(t, v.items[i], frame, depth + 1);
        break;
      case Value::Kind::Object:
        for (uint32_t i = 0; i < v.size; ++i) {
          value(t, *v.members[i].key, frame, depth + 1);
          value(t, *v.members[i].value, frame, depth + 1);
        }
        break;
      case Value::Kind::Expr: {
        std::string error;
        if (const ir::Node* n = t.expressions ? t.expressions->expression(v, error) : nullptr) {
          node(t, *n, frame, depth + 1);
        }
        break;
      }
      default:
        break;
    }
  }

  void node(const Template& t, const ir::Node& n, const Frame* frame, unsigned depth) {
    if (depth > 128) return;
    const Template& scope = scope_of(t);
    switch (n.kind) {
      case ir::Node::Kind::Parameter:
        if (const Parameter* p = scope.find_parameter(n.text)) parameter(scope, p, scope_frame(frame, scope), depth);
        break;
      case ir::Node::Kind::Variable:
        if (const Variable* var = scope.find_variable(n.text);
            var && visited_.insert({scope_frame(frame, scope), var}).second) {
          value(scope, *var->value, frame, depth + 1);
        }
        break;
      case ir::Node::Kind::Value:
        value(t, *n.value, frame, depth + 1);
        break;
      case ir::Node::Kind::Call:
        // A module's output: what it reads inside the module (and, through its arguments, here).
        if (equals_ignore_case(n.text, "moduleOutput") && n.arg_count == 2 && frame) {
          module_output(t, n, frame, depth);
          break;
        }
        [[fallthrough]];
      default:
        for (uint32_t i = 0; i < n.arg_count; ++i) node(t, *n.args[i], frame, depth + 1);
        break;
    }
  }

  void module_output(const Template& t, const ir::Node& n, const Frame* frame, unsigned depth) {
    for (const Frame* f = frame; f; f = f->kind == Frame::Kind::Loop ? f->parent : nullptr) {
      for (const auto& [m, callee] : f->module_frames) {
        if (m->symbolic_name != n.args[0]->text || !callee->tmpl || &t != f->tmpl) continue;
        for (const Output& o : callee->tmpl->outputs) {
          if (equals_ignore_case(o.name, n.args[1]->text) && o.value) value(*callee->tmpl, *o.value, callee, depth + 1);
        }
        return;
      }
    }
  }

  void parameter(const Template& scope, const Parameter* p, const Frame* frame, unsigned depth) {
    if (frame) {
      if (!visited_params_.insert({frame, p}).second) return;
      if (const Frame::Argument* arg = frame->find_argument(p->name)) {
        // Passed in: what the argument reads where it is written decides.
        if (arg->value && frame->caller_tmpl) value(*frame->caller_tmpl, *arg->value, frame->parent, depth + 1);
        return;
      }
      if (frame->kind == Frame::Kind::Call || !frame->free) {
        if (p->default_value) value(scope, *p->default_value, frame, depth + 1);
        return;
      }
    }
    if (!in_order_.insert(p).second) return;
    order_.push_back(p);
    // A default may itself refer to other parameters.
    if (p->default_value) value(scope, *p->default_value, frame, depth + 1);
  }

  static const Frame* scope_frame(const Frame* frame, const Template& scope) {
    for (const Frame* f = frame; f; f = f->parent) {
      if (f->kind != Frame::Kind::Loop && f->tmpl == &scope) return f;
    }
    return nullptr;
  }

  std::vector<const Parameter*> order_;

 private:
  std::set<std::pair<const Frame*, const Variable*>> visited_;
  std::set<std::pair<const Frame*, const Parameter*>> visited_params_;
  std::set<const Parameter*> in_order_;  // order_ as a set: a resource may read thousands
};

}  // namespace

ResourceBindings enumerate_bindings(const Resource& resource, const Frame* frame) {
  const Template& t = *resource.owner;
  ParameterCollector collector;
  auto read = [&](const auto& path) {
    const Value* v = resource.body;
    for (std::string_view step : path) {
      if (!v || !v->is_object()) break;
      v = v->find(step);
    }
    if (v) collector.value(t, *v, frame);
  };
  for (const auto& path : kCheckedPaths) read(path);
  // The properties of this type that name one of its identities (IDL014), from the catalog.
  if (!resource.full_type.empty()) {
    for (const IdentityReference& ref : IdentityCatalog::builtin().identity_references(resource.full_type)) {
      read(ref.path);
    }
  }
  // The api-version and the condition are read from the model: Bicep writes them outside the body.
  if (resource.api_version) collector.value(t, *resource.api_version, frame);
  if (resource.condition) collector.value(t, *resource.condition, frame);
  // Expressions that replace a whole parent ('properties': '[variables(...)]') are read too.
  if (const Value* props = resource.body->find("properties"); props && props->is_expr()) {
    collector.value(t, *props, frame);
  }
  // So are the conditions of the deployments and module calls the resource is deployed through.
  for (const Frame* f = frame; f; f = f->parent) {
    if (f->condition && f->caller_tmpl) collector.value(*f->caller_tmpl, *f->condition, f->parent);
  }

  ResourceBindings result;
  std::vector<std::vector<Choice>> lists;
  size_t combinations = 1;
  for (const Parameter* p : collector.order_) {
    if (p->passed_by_caller && !frame) continue;
    std::vector<Choice> list = parameter_candidates(*p, *t.arena);
    if (list.empty()) {
      list.push_back(Choice{p, nullptr, Origin::Kind::ParameterDefault, no_default_reason(*p)});
    }
    combinations = std::min(combinations * list.size(), kMaxBindingsPerResource + 1);
    lists.push_back(std::move(list));
  }
  auto binding_of = [&](const std::vector<size_t>& index) {
    Binding b;
    for (size_t i = 0; i < lists.size(); ++i) b.choices.push_back(lists[i][index[i]]);
    return b;
  };
  std::vector<size_t> index(lists.size(), 0);
  const size_t max_bindings = std::max<size_t>(
      1, std::min(kMaxBindingsPerResource, kMaxChoicesPerResource / std::max<size_t>(lists.size(), 1)));
  if (combinations <= max_bindings) {
    // Every combination: findings that need two parameters at once are found too.
    for (const auto& list : lists) {
      if (list.size() > 1) result.varying.insert(list.front().parameter);
    }
    for (;;) {
      result.bindings.push_back(binding_of(index));
      size_t k = lists.size();
      while (k > 0) {
        --k;
        if (++index[k] < lists[k].size()) break;
        index[k] = 0;
        if (k == 0) return result;
      }
      if (lists.empty()) return result;
    }
  }
  // Too many combinations: every parameter at its first value (its default), then each
  // parameter's other values one at a time with the rest at their defaults, up to the cap. A value
  // that is wrong on its own is still found; a parameter past the cap keeps its first value.
  result.bindings.push_back(binding_of(index));
  for (size_t i = 0; i < lists.size(); ++i) {
    for (size_t j = 1; j < lists[i].size() && result.bindings.size() < max_bindings; ++j) {
      index[i] = j;
      result.bindings.push_back(binding_of(index));
      result.varying.insert(lists[i].front().parameter);
    }
    index[i] = 0;
  }
  return result;
}

}  // namespace idlint
