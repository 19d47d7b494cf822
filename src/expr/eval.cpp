// Evaluation of values and IR nodes under a binding: parameters, variables, member/index access.
#include "expr/eval.h"

#include <algorithm>

#include "expr/function_support.h"
#include "expr/functions.h"

namespace idlint {

namespace {
// Every nested evaluation (value, expression node, parameter, variable) counts against this, so a
// long chain of variables or deeply nested expressions ends in Unknown, not a stack overflow.
constexpr unsigned kMaxDepth = 400;

struct DepthGuard {
  unsigned& depth;
  const bool ok;
  explicit DepthGuard(unsigned& d) : depth(d), ok(++d <= kMaxDepth) {}
  ~DepthGuard() { --depth; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;
};

const char* const kTooDeep = "the value is nested too deeply to evaluate";
// Evaluation steps one evaluator may take (one resource under one binding): a template whose values
// grow without bound (each nested level passing an object twice, say) ends in Unknown, not in
// exhausted memory.
constexpr size_t kMaxSteps = 2'000'000;
const char* const kTooLarge = "the value is too large to evaluate";

std::string template_tag(const Template& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<const void*>(&t));
  return buf;
}

// An entry of an ARM copy loop over properties or variables: {"name": "<literal>", "count": …, "input": …}.
bool is_copy_entry(const Value& e) {
  if (!e.is_object() || !e.find("input")) return false;
  const Value* name = e.find("name");
  return name && name->is_string();
}

// A member "copy": [entries…] of an object: ARM's property loops, each defining the property it names.
bool is_property_copy(const Member& m) {
  if (!m.key->is_string() || !equals_ignore_case(m.key->text, "copy") || !m.value->is_array() || m.value->size == 0) {
    return false;
  }
  return std::all_of(m.value->items, m.value->items + m.value->size, is_copy_entry);
}

// The entry of the template's variable loops (its variable "copy") that defines variable `name`.
const Value* variable_copy_entry(const Template& scope, std::string_view name) {
  const Variable* copy = scope.find_variable("copy");
  if (!copy || !copy->value || !copy->value->is_array()) return nullptr;
  for (uint32_t i = 0; i < copy->value->size; ++i) {
    const Value& e = copy->value->items[i];
    if (is_copy_entry(e) && equals_ignore_case(e.find("name")->text, name)) return &e;
  }
  return nullptr;
}

// Frames tag symbols too: the same parameter in two module calls may hold different values.
std::string template_tag_frame(const Frame* f) {
  while (f && f->kind == Frame::Kind::Loop) f = f->parent;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<const void*>(f));
  return buf;
}
}  // namespace

Val Val::unknown(std::string reason, std::string symbol) {
  Val v;
  v.kind = Kind::Unknown;
  v.str = std::move(reason);
  v.symbol = std::move(symbol);
  return v;
}

Val Val::string(std::string s) {
  Val v;
  v.kind = Kind::String;
  v.str = std::move(s);
  return v;
}

Val Val::member(std::string_view name) const {
  if (kind == Kind::Unknown) {
    Val u = unknown(str, symbol.empty() ? std::string{} : symbol + "." + to_lower_ascii(name));
    u.deps = deps;
    // What an identity's reference() holds: its properties (under 'properties' in the 'Full' form),
    // among them the client ID, which a rule can match with the identity.
    if ((facet == Facet::IdentityProperties && equals_ignore_case(name, "clientId")) ||
        (facet == Facet::IdentityFullReference && equals_ignore_case(name, "properties"))) {
      u.facet = facet == Facet::IdentityProperties ? Facet::IdentityClientId : Facet::IdentityProperties;
      u.items = items;
    }
    return u;
  }
  if (kind != Kind::Object) return absent();
  const ValMember* found = nullptr;
  bool unknown_key = false;
  for (const ValMember& m : members) {
    if (m.key.is_string() && equals_ignore_case(m.key.str, name)) found = &m;
    if (m.key.is_unknown()) unknown_key = true;
  }
  if (found) return found->value;
  if (unknown_key) {
    Val u = unknown("the object has a key that could not be evaluated");
    u.deps = deps;
    return u;
  }
  return absent();
}

const Choice* Binding::find(const Parameter* p) const {
  if (choices.size() <= 16) {
    for (const Choice& c : choices) {
      if (c.parameter == p) return &c;
    }
    return nullptr;
  }
  if (index_.empty()) {
    index_.reserve(choices.size());
    for (size_t i = 0; i < choices.size(); ++i) index_.emplace_back(choices[i].parameter, i);
    // Stable: with a parameter chosen twice the first choice wins, as the scan finds it.
    std::stable_sort(index_.begin(), index_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  const auto it =
      std::lower_bound(index_.begin(), index_.end(), p, [](const auto& e, const Parameter* q) { return e.first < q; });
  return it != index_.end() && it->first == p ? &choices[it->second] : nullptr;
}

const Parameter kManyParameters{};

void merge_deps(Val& into, const Val& from) {
  if (from.deps.empty() || &into == &from) return;
  const bool many =
      (!into.deps.empty() && into.deps.back() == &kManyParameters) || from.deps.back() == &kManyParameters;
  if (many && !into.deps.empty() && into.deps.back() == &kManyParameters) return;  // nothing to add
  std::vector<const Parameter*> merged;
  merged.reserve(std::min(into.deps.size() + from.deps.size(), kMaxDeps + 1));
  auto a = into.deps.begin(), a_end = into.deps.end();
  auto b = from.deps.begin(), b_end = from.deps.end();
  if (b != b_end && b_end[-1] == &kManyParameters) --b_end;
  // A sorted union that stops at kMaxDeps: values reading thousands of parameters (an and() of
  // 60,000 comparisons) would otherwise merge in quadratic time.
  while ((a != a_end || b != b_end) && merged.size() < kMaxDeps) {
    if (b == b_end || (a != a_end && std::less<>()(*a, *b))) {
      merged.push_back(*a++);
    } else if (a == a_end || std::less<>()(*b, *a)) {
      merged.push_back(*b++);
    } else {
      merged.push_back(*a++);
      ++b;
    }
  }
  if (many || a != a_end || b != b_end) merged.push_back(&kManyParameters);
  into.deps = std::move(merged);
}

const Template& scope_of(const Template& t) {
  const Template* s = &t;
  while (s->outer && s->outer_scope) s = s->outer;
  return *s;
}

namespace {
// What a member adds beyond its key and value: where the key is written.
constexpr size_t kMemberExtra = sizeof(ValMember) - 2 * sizeof(Val);

size_t own_weight(const Val& v) { return sizeof(Val) + v.str.size() + v.symbol.size() + v.deps.size() * sizeof(void*); }
}  // namespace

void weigh(Val& v) {
  size_t weight = own_weight(v);
  unsigned depth = 0;
  auto part = [&](Val& p) {
    if (p.weight == 0) weigh(p);
    weight += p.weight;
    depth = std::max<unsigned>(depth, p.depth);
  };
  for (Val& i : v.items) part(i);
  for (Val& i : v.scope) part(i);
  for (ValMember& m : v.members) {
    part(m.key);
    part(m.value);
    weight += kMemberExtra;
  }
  const bool composite = v.kind == Val::Kind::Array || v.kind == Val::Kind::Object || v.kind == Val::Kind::ResourceId;
  v.weight = static_cast<uint32_t>(std::min<size_t>(weight, UINT32_MAX));
  v.depth = static_cast<uint16_t>(std::min<unsigned>(depth + (composite ? 1 : 0), UINT16_MAX));
}

std::string value_too_large(size_t limit) { return "value larger than " + byte_size_text(limit); }

bool Evaluator::out_of_steps(Val& stop) {
  if (++steps_ > kMaxSteps) {
    stop = Val::unknown(kTooLarge);
    return true;
  }
  if (!budget_->charge_steps()) {
    stop = Val::unknown(budget_->reason());
    return true;
  }
  return false;
}

Val Evaluator::finish(Val v, Built how) {
  if (how == Built::Call) v.weight = 0;  // a function may have changed a copy of its argument
  if (v.weight == 0) weigh(v);
  const EvalLimits& limits = budget_->limits();
  std::string too_big;
  // A string written in the template is as long as the file allows (and counts against its
  // budget): the limit is for what the evaluator builds. An array or object is built, even when
  // written literally: its items may be copies of large values.
  const bool literal = how == Built::Node && v.is_string();
  if (v.weight > limits.value_bytes && !literal) {
    too_big = value_too_large(limits.value_bytes);
  } else if (v.depth > limits.value_depth) {
    too_big = "value nested more than " + std::to_string(limits.value_depth) + " levels deep";
  }
  const size_t built = how == Built::Node ? own_weight(v) : v.weight;
  if (too_big.empty() && budget_->charge_bytes(built)) return v;
  if (too_big.empty()) too_big = budget_->reason();
  Val u = Val::unknown(std::move(too_big));
  u.deps = std::move(v.deps);
  u.origin = v.origin;
  weigh(u);
  return u;
}

Val Evaluator::evaluate(const Template& t, const Value& v) {
  return evaluate(Context{&t, Origin::Kind::Template, {}, frame_for(t)}, v);
}

Val Evaluator::evaluate(const Context& ctx, const Value& v) {
  const DepthGuard guard(depth_);
  if (!guard.ok) return Val::unknown(kTooDeep);
  if (Val stop; out_of_steps(stop)) {
    // A string, number or bool written in the template costs nothing to read (an array or object
    // may be large, and is read again for every resource): a literal mistake is still found.
    const bool scalar = v.kind != Value::Kind::Expr && v.kind != Value::Kind::Array && v.kind != Value::Kind::Object;
    if (scalar) {
      Val literal = evaluate_value(ctx, v);
      weigh(literal);
      return literal;
    }
    return stop;
  }
  // An expression's result is accounted where it is evaluated.
  if (v.kind == Value::Kind::Expr) return evaluate_value(ctx, v);
  return finish(evaluate_value(ctx, v), Built::Node);
}

Val Evaluator::evaluate_value(const Context& ctx, const Value& v) {
  Val out;
  out.origin = Origin{ctx.kind, ctx.tmpl->file.get(), v.span, ctx.name};
  switch (v.kind) {
    case Value::Kind::Null:
      out.kind = Val::Kind::Null;
      return out;
    case Value::Kind::Bool:
      out.kind = Val::Kind::Bool;
      out.boolean = v.boolean;
      return out;
    case Value::Kind::Number: {
      out.kind = Val::Kind::Number;
      out.number = std::strtoll(std::string(v.text).c_str(), nullptr, 10);
      return out;
    }
    case Value::Kind::String:
      // '<IDENTITY_RESOURCE_ID>' given for a parameter is a value the user fills in before deploying,
      // not the value deployed: checking it would report the sample, not the deployment.
      if ((ctx.kind == Origin::Kind::ParameterDefault || ctx.kind == Origin::Kind::ParameterFile) &&
          is_placeholder(v.text)) {
        Val placeholder = Val::unknown(quote_text(v.text) + " is a placeholder, filled in before deployment");
        placeholder.origin = out.origin;
        return placeholder;
      }
      out.kind = Val::Kind::String;
      out.str = std::string(v.text);
      return out;
    case Value::Kind::Array: {
      out.kind = Val::Kind::Array;
      out.items.reserve(v.size);
      for (uint32_t i = 0; i < v.size; ++i) {
        out.items.push_back(evaluate(ctx, v.items[i]));
        merge_deps(out, out.items.back());
      }
      return out;
    }
    case Value::Kind::Object: {
      out.kind = Val::Kind::Object;
      out.members.reserve(v.size);
      for (uint32_t i = 0; i < v.size; ++i) {
        const Member& m = v.members[i];
        if (is_property_copy(m)) {
          for (uint32_t k = 0; k < m.value->size; ++k) {
            const Value& entry = m.value->items[k];
            const Value& name = *entry.find("name");
            ValMember vm{evaluate(ctx, name), copy_loop(ctx, entry), ctx.tmpl->file.get(), name.span};
            merge_deps(out, vm.value);
            out.members.push_back(std::move(vm));
          }
          continue;
        }
        ValMember vm{evaluate(ctx, *m.key), evaluate(ctx, *m.value), ctx.tmpl->file.get(), m.key->span};
        merge_deps(out, vm.key);
        merge_deps(out, vm.value);
        // Duplicate keys are all kept (member() returns the last): a rule may need to see them.
        out.members.push_back(std::move(vm));
      }
      return out;
    }
    case Value::Kind::Expr: {
      std::string error;
      const ir::Node* node = ctx.tmpl->expressions ? ctx.tmpl->expressions->expression(v, error) : nullptr;
      if (!node) return Val::unknown(error.empty() ? "the expression cannot be parsed" : error);
      return evaluate(ctx, *node);
    }
  }
  return out;
}

Val Evaluator::evaluate(const Context& ctx, const ir::Node& n) {
  const DepthGuard guard(depth_);
  if (!guard.ok) return Val::unknown(kTooDeep);
  if (Val stop; out_of_steps(stop)) return stop;
  switch (n.kind) {
    case ir::Node::Kind::Value:
      return evaluate(ctx, *n.value);  // accounted there
    case ir::Node::Kind::Call:
      return finish(call(ctx, n), Built::Call);
    case ir::Node::Kind::Parameter:
    case ir::Node::Kind::Variable:
    case ir::Node::Kind::Member:
    case ir::Node::Kind::Index:
      return finish(evaluate_node(ctx, n), Built::Copy);
    default:
      return finish(evaluate_node(ctx, n), Built::Node);
  }
}

Val Evaluator::evaluate_node(const Context& ctx, const ir::Node& n) {
  Val out;
  out.origin = Origin{ctx.kind, ctx.tmpl->file.get(), n.span, ctx.name};
  switch (n.kind) {
    case ir::Node::Kind::Null:
      out.kind = Val::Kind::Null;
      return out;
    case ir::Node::Kind::Bool:
      out.kind = Val::Kind::Bool;
      out.boolean = n.boolean;
      return out;
    case ir::Node::Kind::Number:
      if (n.text.find('.') != std::string_view::npos) return Val::unknown("fractional numbers are not evaluated");
      out.kind = Val::Kind::Number;
      out.number = std::strtoll(std::string(n.text).c_str(), nullptr, 10);
      return out;
    case ir::Node::Kind::String:
      out.kind = Val::Kind::String;
      out.str = std::string(n.text);
      return out;
    case ir::Node::Kind::Parameter:
      return parameter(ctx, n.text);
    case ir::Node::Kind::Variable:
      return variable(ctx, n.text);
    case ir::Node::Kind::Value:
      return evaluate(ctx, *n.value);
    case ir::Node::Kind::Call:
      return call(ctx, n);
    case ir::Node::Kind::Member: {
      // A member of a parameter or variable is read in place, not from a copy of the whole value.
      Val scratch;
      const Val& object = operand(ctx, *n.args[0], scratch);
      Val r;
      if (object.is_unknown() || object.is_object()) {
        r = object.member(n.text);
        if (r.is_absent()) {
          r = Val::unknown("property '" + std::string(n.text) + "' is not set");
        }
      } else {
        r = Val::unknown("property '" + std::string(n.text) + "' of a value that is not an object");
      }
      merge_deps(r, object);
      return r;
    }
    case ir::Node::Kind::Index: {
      Val scratch;
      const Val& object = operand(ctx, *n.args[0], scratch);
      Val index = evaluate(ctx, *n.args[1]);
      Val r;
      if (object.kind == Val::Kind::Array && index.kind == Val::Kind::Number) {
        if (index.number >= 0 && static_cast<size_t>(index.number) < object.items.size()) {
          r = object.items[static_cast<size_t>(index.number)];
        } else {
          r = Val::unknown("index out of range");
        }
      } else if ((object.is_object() || object.is_unknown()) && index.is_string()) {
        r = object.member(index.str);
        if (r.is_absent()) r = Val::unknown("property '" + index.str + "' is not set");
      } else if (object.is_unknown() && index.kind == Val::Kind::Number) {
        r = Val::unknown(object.str,
                         object.symbol.empty() ? "" : object.symbol + "[" + std::to_string(index.number) + "]");
      } else {
        r = Val::unknown(index.is_unknown() ? index.str : "an index that cannot be applied");
      }
      merge_deps(r, object);
      merge_deps(r, index);
      return r;
    }
  }
  return out;
}

const Frame::Argument* Frame::find_argument(std::string_view name) const {
  for (const Argument& a : args) {
    if (equals_ignore_case(a.name, name)) return &a;
  }
  return nullptr;
}

const Frame* Frame::call_frame() const {
  const Frame* f = this;
  while (f && f->kind == Kind::Loop) f = f->parent;
  return f;
}

const Frame* Evaluator::frame_for(const Template& t) const {
  for (const Frame* f = frame_; f; f = f->parent) {
    if (f->tmpl == &t) return f;
  }
  return nullptr;
}

namespace {
// The frame whose parameters a reference in (tmpl, frame) reads: the first Root/Call frame above for
// the template that declares the parameters.
const Frame* scope_frame(const Frame* frame, const Template& scope) {
  for (const Frame* f = frame; f; f = f->parent) {
    if (f->kind != Frame::Kind::Loop && f->tmpl == &scope) return f;
  }
  return nullptr;
}
}  // namespace

Val Evaluator::parameter(const Context& ctx, std::string_view name) {
  Val scratch;
  return parameter_ref(ctx, name, scratch);
}

std::string Evaluator::reference_symbol(const char* what, std::string_view name, const Template& scope,
                                        const Frame* frame) {
  return std::string(what) + "('" + to_lower_ascii(name) + "')@" + template_tag(scope) +
         (frame ? "/" + template_tag_frame(frame) : "");
}

const Val& Evaluator::parameter_ref(const Context& ctx, std::string_view name, Val& scratch) {
  const Template& scope = scope_of(*ctx.tmpl);
  const Parameter* p = scope.find_parameter(name);
  const Frame* frame = scope_frame(ctx.frame, scope);
  // A parameter has one value per frame under one binding: evaluated once (arguments passed down
  // several nested levels would otherwise be evaluated again at every use), and read in place.
  const auto key = std::make_pair(frame, p);
  if (p) {
    if (auto it = parameters_.find(key); it != parameters_.end()) return it->second;
    if (shared_) {
      if (auto it = shared_->parameters.find(key); it != shared_->parameters.end()) return it->second;
    }
  }
  const std::string symbol = reference_symbol("parameters", name, scope, frame);
  if (!p) return scratch = Val::unknown("parameter '" + std::string(name) + "' is not declared", symbol);
  if (parameters_in_progress_.count(p)) {
    return scratch = Val::unknown("the default of parameter '" + std::string(p->name) + "' refers to itself", symbol);
  }
  if (shared_) {
    if (auto it = shared_->parameters.find(key); it != shared_->parameters.end()) return it->second;
  }
  Val r = parameter_value(scope, *p, frame, symbol);
  Val dep;
  dep.deps = {p};
  merge_deps(r, dep);
  // The same for every binding (an argument from a caller, a default nothing varies): shared by
  // every evaluator of the deployment, so large arguments are evaluated once per frame.
  if (shared_ && shared_->binding_independent(r.deps))
    return shared_->parameters.emplace(key, std::move(r)).first->second;
  return parameters_.emplace(key, std::move(r)).first->second;
}

void rebase_parameter_symbols(Val& v, const Template& from, const Frame* from_frame, const Template& to,
                              const Frame* to_frame) {
  const std::string old_tag = "@" + template_tag(from) + (from_frame ? "/" + template_tag_frame(from_frame) : "");
  const std::string new_tag = "@" + template_tag(to) + (to_frame ? "/" + template_tag_frame(to_frame) : "");
  struct Walk {
    const std::string& old_tag;
    const std::string& new_tag;
    void operator()(Val& x) const {
      if (x.is_unknown() && x.symbol.rfind("parameters(", 0) == 0 && x.symbol.size() >= old_tag.size() &&
          x.symbol.compare(x.symbol.size() - old_tag.size(), old_tag.size(), old_tag) == 0) {
        x.symbol.replace(x.symbol.size() - old_tag.size(), old_tag.size(), new_tag);
      }
      for (Val& i : x.items) (*this)(i);
      for (Val& i : x.scope) (*this)(i);
      for (ValMember& m : x.members) {
        (*this)(m.key);
        (*this)(m.value);
      }
    }
  };
  Walk{old_tag, new_tag}(v);
}

bool SharedValues::binding_independent(const std::vector<const Parameter*>& deps) const {
  if (!deps.empty() && deps.back() == &kManyParameters && any_varying) return false;
  return std::none_of(deps.begin(), deps.end(), [&](const Parameter* p) {
    if (p == &kManyParameters) return false;
    if (!p->can_vary() || !any_varying) return false;
    if (!varying_template) return true;
    // Only the varying template's own parameters take several values; a module's or nested
    // template's parameters receive arguments or defaults.
    const auto& ps = varying_template->parameters;
    return !ps.empty() && p >= &ps.front() && p <= &ps.back();
  });
}

std::string no_default_reason(const Parameter& p) {
  std::string reason = "parameter '" + std::string(p.name) + "' has no default value";
  if (!p.allowed_values && !p.is_bool()) {
    reason += " and no allowed values: give it a default, or list its values with @allowed (allowedValues in ARM "
              "JSON) to have each checked";
  }
  return reason;
}

Val Evaluator::parameter_value(const Template& scope, const Parameter& param, const Frame* frame,
                               const std::string& symbol) {
  const Parameter* p = &param;
  Val r;
  const Frame::Argument* arg = frame ? frame->find_argument(p->name) : nullptr;
  if (arg) {
    if (arg->value && frame->caller_tmpl) {
      parameters_in_progress_.insert(p);
      r = evaluate(Context{frame->caller_tmpl, frame->arg_kind, p->name, frame->parent}, *arg->value);
      parameters_in_progress_.erase(p);
      if (r.is_unknown() && r.symbol.empty()) r.symbol = symbol;
    } else {
      r = Val::unknown(arg->unknown_reason.empty()
                           ? "the value passed to parameter '" + std::string(p->name) + "' is not known"
                           : arg->unknown_reason,
                       symbol);
    }
  } else if (frame && !frame->args_unknown_reason.empty()) {
    r = Val::unknown(frame->args_unknown_reason, symbol);
  } else if (frame && (frame->kind == Frame::Kind::Call || !frame->free)) {
    // Not passed: the default applies (a caller or parameter file decides; nothing varies here).
    if (p->default_value) {
      parameters_in_progress_.insert(p);
      r = evaluate(Context{&scope, Origin::Kind::ParameterDefault, p->name, frame}, *p->default_value);
      parameters_in_progress_.erase(p);
      if (r.is_unknown() && r.symbol.empty()) r.symbol = symbol;
    } else {
      r = Val::unknown("parameter '" + std::string(p->name) + "' is not given a value" +
                           (frame->label.empty() ? std::string() : " by " + frame->label) + " and has no default",
                       symbol);
    }
  } else if (p->passed_by_caller) {
    r = Val::unknown(
        "parameter '" + std::string(p->name) + "' is passed in by the calling deployment, which is not followed here",
        symbol);
  } else {
    const Choice* choice = binding_.find(p);
    const Value* value = nullptr;
    Origin::Kind kind = Origin::Kind::ParameterDefault;
    std::string reason;
    if (choice) {
      value = choice->value;
      kind = choice->kind;
      reason = choice->unknown_reason;
    } else if (p->default_value && !p->can_vary()) {
      value = p->default_value;
    } else {
      reason = p->default_value ? "parameter '" + std::string(p->name) + "' can take several values"
                                : no_default_reason(*p);
    }
    if (value) {
      parameters_in_progress_.insert(p);
      r = evaluate(Context{&scope, kind, p->name, frame}, *value);
      parameters_in_progress_.erase(p);
      if (r.is_unknown() && r.symbol.empty()) r.symbol = symbol;
    } else {
      r = Val::unknown(reason.empty() ? "parameter '" + std::string(p->name) + "' has no value" : reason, symbol);
    }
  }
  return r;
}

Val Evaluator::variable(const Context& ctx, std::string_view name) {
  Val scratch;
  return variable_ref(ctx, name, scratch);
}

const Val& Evaluator::variable_ref(const Context& ctx, std::string_view name, Val& scratch) {
  const Template& scope = scope_of(*ctx.tmpl);
  const Variable* v = scope.find_variable(name);
  const Frame* frame = scope_frame(ctx.frame, scope);
  if (v && equals_ignore_case(v->name, "copy")) {
    return scratch = Val::unknown("'copy' declares variable loops; it is not a variable itself",
                                  reference_symbol("variables", name, scope, frame));
  }
  // What defines the variable: its value, or its entry in the variable loops.
  const Value* definition = v ? v->value : variable_copy_entry(scope, name);
  if (!definition) {
    return scratch = Val::unknown("variable '" + std::string(name) + "' is not declared",
                                  reference_symbol("variables", name, scope, frame));
  }
  const auto key = std::make_pair(frame, definition);
  if (auto it = variables_.find(key); it != variables_.end()) return it->second;
  if (shared_) {
    if (auto it = shared_->variables.find(key); it != shared_->variables.end()) return it->second;
  }
  const std::string_view declared_name = v ? v->name : definition->find("name")->text;
  if (variables_in_progress_.count(key)) {
    return scratch = Val::unknown("variable '" + std::string(declared_name) + "' refers to itself");
  }
  variables_in_progress_.insert(key);
  const Context vctx{&scope, Origin::Kind::Variable, declared_name, frame};
  Val r = v ? evaluate(vctx, *definition) : copy_loop(vctx, *definition);
  variables_in_progress_.erase(key);
  if (r.is_unknown() && r.symbol.empty() && !r.str.empty() && r.str.find("refers to itself") == std::string::npos) {
    r.symbol = reference_symbol("variables", name, scope, frame);
  }
  if (shared_ && shared_->binding_independent(r.deps))
    return shared_->variables.emplace(key, std::move(r)).first->second;
  return variables_.emplace(key, std::move(r)).first->second;
}

const Val& Evaluator::operand(const Context& ctx, const ir::Node& n, Val& scratch) {
  if (n.kind == ir::Node::Kind::Parameter) return parameter_ref(ctx, n.text, scratch);
  if (n.kind == ir::Node::Kind::Variable) return variable_ref(ctx, n.text, scratch);
  return scratch = evaluate(ctx, n);
}

const Val* Evaluator::find_local(const Context& ctx, std::string_view key) const {
  for (auto it = locals_.rbegin(); it != locals_.rend(); ++it) {
    if (it->first == key) return &it->second;
  }
  for (const Frame* f = ctx.frame; f && f->kind == Frame::Kind::Loop; f = f->parent) {
    for (const auto& [n, v] : f->locals) {
      if (n == key) return &v;
    }
  }
  return nullptr;
}

Val Evaluator::local(const Context& ctx, std::string_view name) {
  if (const Val* v = find_local(ctx, name)) return *v;
  // Unbound: the same variable in the same place is the same value.
  return Val::unknown("loop variable '" + std::string(name) + "' is not known",
                      "local('" + std::string(name) + "')@" + template_tag_frame(ctx.frame));
}

Val Evaluator::copy_index(const Context& ctx, std::string_view loop_name) {
  const std::string key = loop_name.empty() ? std::string("copyIndex") : "copyIndex:" + to_lower_ascii(loop_name);
  if (const Val* v = find_local(ctx, key)) return *v;
  return Val::unknown("copyIndex(" + std::string(loop_name) + ") is not known here",
                      key + "@" + template_tag_frame(ctx.frame));
}

Val Evaluator::deployment_reference(const Context& ctx, const Val& target) {
  std::string name;
  if (target.is_string()) {
    const Val id = parse_resource_id(target.str);
    if (id.kind == Val::Kind::ResourceId) {
      if (!equals_ignore_case(id.str, "Microsoft.Resources/deployments") || id.items.size() != 1) return Val::absent();
      name = id.items[0].str;
    } else if (target.str.find('/') == std::string::npos) {
      name = target.str;
    }
  } else if (target.kind == Val::Kind::ResourceId &&
             equals_ignore_case(target.str, "Microsoft.Resources/deployments") && target.items.size() == 1 &&
             target.items[0].is_string() && target.scope.empty()) {
    name = target.items[0].str;
  }
  if (name.empty()) return Val::absent();
  // Once per evaluator (or per deployment, when no binding changes it): compiled templates read
  // the same module outputs from many places.
  const Frame* call = ctx.frame ? ctx.frame->call_frame() : nullptr;
  const auto key = std::make_tuple(call, ctx.tmpl, to_lower_ascii(name));
  if (auto it = references_.find(key); it != references_.end()) return it->second;
  if (shared_) {
    if (auto it = shared_->references.find(key); it != shared_->references.end()) return it->second;
  }
  Val r = deployment_outputs(ctx, name);
  if (shared_ && !r.is_absent() && shared_->binding_independent(r.deps)) {
    return shared_->references.emplace(key, std::move(r)).first->second;
  }
  return references_.emplace(key, std::move(r)).first->second;
}

Val Evaluator::deployment_outputs(const Context& ctx, const std::string& name) {
  const Frame* callee = nullptr;
  for (const Frame* f = ctx.frame; f && !callee; f = f->kind == Frame::Kind::Loop ? f->parent : nullptr) {
    for (const auto& [deployment, cf] : f->deployment_frames) {
      if (deployment->owner != ctx.tmpl) continue;
      // languageVersion 2.0: reference('symbolicName').
      if (!deployment->symbolic_name.empty() && equals_ignore_case(deployment->symbolic_name, name)) {
        callee = cf;
        break;
      }
      if (!deployment->name) continue;
      const Val n = evaluate(Context{ctx.tmpl, Origin::Kind::Template, {}, ctx.frame}, *deployment->name);
      if (n.is_string() && equals_ignore_case(n.str, name)) {
        callee = cf;
        break;
      }
    }
  }
  if (!callee) return Val::absent();
  const DepthGuard guard(depth_);
  if (!guard.ok) return Val::unknown(kTooDeep);
  Val outputs;
  outputs.kind = Val::Kind::Object;
  for (const Output& o : callee->tmpl->outputs) {
    Val entry;
    entry.kind = Val::Kind::Object;
    Val value = o.value ? evaluate(Context{callee->tmpl, Origin::Kind::Template, {}, callee}, *o.value)
                        : Val::unknown("output '" + std::string(o.name) + "' is built by a copy loop");
    merge_deps(outputs, value);
    entry.members.push_back(ValMember{Val::string("value"), std::move(value), nullptr, {}});
    outputs.members.push_back(ValMember{Val::string(std::string(o.name)), std::move(entry), nullptr, {}});
  }
  Val r;
  r.kind = Val::Kind::Object;
  r.deps = outputs.deps;
  r.members.push_back(ValMember{Val::string("outputs"), std::move(outputs), nullptr, {}});
  return r;
}

Val Evaluator::module_output(const Context& ctx, std::string_view module, std::string_view output) {
  const std::string symbol = "module('" + std::string(module) + "').outputs." + to_lower_ascii(output) + "@" +
                             template_tag(*ctx.tmpl) + "/" + template_tag_frame(ctx.frame);
  const ModuleCall* call = nullptr;
  for (const ModuleCall& m : ctx.tmpl->modules) {
    if (m.symbolic_name == module) call = &m;
  }
  if (!call) return Val::unknown("module '" + std::string(module) + "' is not declared", symbol);
  const Frame* callee = nullptr;
  for (const Frame* f = ctx.frame; f && !callee; f = f->kind == Frame::Kind::Loop ? f->parent : nullptr) {
    for (const auto& [m, cf] : f->module_frames) {
      if (m == call) callee = cf;
    }
  }
  if (!callee || !callee->tmpl) {
    return Val::unknown(
        "the outputs of module '" + std::string(module) + "' are not known (the module file was not read)", symbol);
  }
  for (const Output& o : callee->tmpl->outputs) {
    if (!equals_ignore_case(o.name, output) || !o.value) continue;
    const DepthGuard guard(depth_);
    if (!guard.ok) return Val::unknown(kTooDeep);
    Val r = evaluate(Context{callee->tmpl, Origin::Kind::Template, {}, callee}, *o.value);
    if (r.is_unknown() && r.symbol.empty()) r.symbol = symbol;
    return r;
  }
  return Val::unknown("module '" + std::string(module) + "' has no output '" + std::string(output) + "'", symbol);
}

Val Evaluator::call(const Context& ctx, const ir::Node& n) { return call_function(*this, ctx, n); }

Val Evaluator::copy_loop(const Context& ctx, const Value& entry) {
  const std::string name(entry.find("name")->text);
  const Value* count_value = entry.find("count");
  const Val count = count_value ? evaluate(ctx, *count_value) : Val::unknown("copy loop '" + name + "' has no count");
  Val out;
  if (count.kind != Val::Kind::Number) {
    out = Val::unknown(count.is_unknown() ? count.str : "the count of copy loop '" + name + "' is not an int");
  } else if (count.number < 0) {
    out = Val::unknown("the count of copy loop '" + name + "' is negative");
  } else if (static_cast<size_t>(count.number) > fn::kMaxItems) {
    out = Val::unknown("copy loop '" + name + "': too many items");
  } else {
    out.kind = Val::Kind::Array;
    out.origin = Origin{ctx.kind, ctx.tmpl->file.get(), entry.span, ctx.name};
    const std::string key = "copyIndex:" + to_lower_ascii(name);  // as copy_index() looks it up
    const Value& input = *entry.find("input");
    size_t weight = 0;
    for (long long i = 0; i < count.number; ++i) {
      if (!budget_->charge_iterations()) return Val::unknown(budget_->reason());
      push_local(key, fn::make_number(i));
      out.items.push_back(evaluate(ctx, input));
      pop_local();
      merge_deps(out, out.items.back());
      weight += out.items.back().weight;
      if (weight > budget_->limits().value_bytes) return Val::unknown(value_too_large(budget_->limits().value_bytes));
    }
  }
  merge_deps(out, count);
  return out;
}

// ---- comparisons -------------------------------------------------------------------------------

Val parse_resource_id(std::string_view text) {
  // /subscriptions/S/resourceGroups/G/providers/NS/type/name[/type/name...]
  std::vector<std::string_view> parts;
  if (text.empty() || text.front() != '/') return Val::absent();
  size_t i = 1;
  while (i <= text.size()) {
    size_t j = text.find('/', i);
    if (j == std::string_view::npos) j = text.size();
    parts.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  if (parts.size() < 8) return Val::absent();
  if (!equals_ignore_case(parts[0], "subscriptions") || !equals_ignore_case(parts[2], "resourceGroups") ||
      !equals_ignore_case(parts[4], "providers")) {
    return Val::absent();
  }
  for (std::string_view p : parts) {
    if (p.empty()) return Val::absent();
  }
  if ((parts.size() - 6) % 2 != 0) return Val::absent();
  Val id;
  id.kind = Val::Kind::ResourceId;
  id.scope.push_back(Val::string(std::string(parts[1])));
  id.scope.push_back(Val::string(std::string(parts[3])));
  id.str = std::string(parts[5]);
  for (size_t k = 6; k < parts.size(); k += 2) {
    id.str += "/";
    id.str += parts[k];
    id.items.push_back(Val::string(std::string(parts[k + 1])));
  }
  return id;
}

namespace {
Tri combine(Tri a, Tri b) {
  if (a == Tri::No || b == Tri::No) return Tri::No;
  if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
  return Tri::Yes;
}

// Names inside resource IDs compare case-insensitively.
Tri same_segment(const Val& a, const Val& b) {
  if (a.is_string() && b.is_string()) return equals_ignore_case(a.str, b.str) ? Tri::Yes : Tri::No;
  if (a.is_unknown() && b.is_unknown() && !a.symbol.empty() && a.symbol == b.symbol) return Tri::Yes;
  return Tri::Unknown;
}

Val as_resource_id(const Val& v) {
  if (v.kind == Val::Kind::ResourceId) return v;
  if (v.is_string()) return parse_resource_id(v.str);
  return Val::absent();
}
}  // namespace

bool is_user_identity_id(const Val& v) {
  const Val id = as_resource_id(v);
  return id.kind == Val::Kind::ResourceId && id.items.size() == 1 &&
         equals_ignore_case(id.str, "Microsoft.ManagedIdentity/userAssignedIdentities");
}

const Val* client_id_identity(const Val& v) {
  return v.is_unknown() && v.facet == Val::Facet::IdentityClientId && v.items.size() == 1 ? &v.items[0] : nullptr;
}

Tri same_resource(const Val& a, const Val& b) {
  if (a.is_unknown() || b.is_unknown()) {
    if (a.is_unknown() && b.is_unknown() && !a.symbol.empty() && a.symbol == b.symbol) return Tri::Yes;
    return Tri::Unknown;
  }
  Val ra = as_resource_id(a);
  Val rb = as_resource_id(b);
  if (ra.kind != Val::Kind::ResourceId || rb.kind != Val::Kind::ResourceId) {
    if (a.is_string() && b.is_string()) return equals_ignore_case(a.str, b.str) ? Tri::Yes : Tri::No;
    return Tri::No;
  }
  if (!equals_ignore_case(ra.str, rb.str) || ra.items.size() != rb.items.size()) return Tri::No;
  Tri result = Tri::Yes;
  for (size_t i = 0; i < ra.items.size(); ++i) result = combine(result, same_segment(ra.items[i], rb.items[i]));
  if (result == Tri::No) return result;
  if (ra.scope.size() == rb.scope.size()) {
    for (size_t i = 0; i < ra.scope.size(); ++i) result = combine(result, same_segment(ra.scope[i], rb.scope[i]));
  } else {
    result = combine(result, Tri::Unknown);  // one names its resource group, the other uses the deployment's
  }
  return result;
}

Tri values_equal(const Val& a, const Val& b) {
  if (a.is_unknown() || b.is_unknown()) {
    if (a.is_unknown() && b.is_unknown() && !a.symbol.empty() && a.symbol == b.symbol) return Tri::Yes;
    // What is known of an unknown string or number may tell it from a known value: '${p}-id' is
    // not '' and not null; length() of it is not 0.
    const Val& u = a.is_unknown() ? a : b;
    const Val& other = a.is_unknown() ? b : a;
    if (other.is_unknown()) return Tri::Unknown;
    if (u.min_length > 0) {
      if (other.is_unset()) return Tri::No;
      if (other.is_string() && fn::utf16_length(other.str) < u.min_length) return Tri::No;
    }
    if (u.min_number > 0 && other.kind == Val::Kind::Number && other.number < u.min_number) return Tri::No;
    return Tri::Unknown;
  }
  const bool a_null = a.is_unset();
  const bool b_null = b.is_unset();
  if (a_null || b_null) return a_null == b_null ? Tri::Yes : Tri::No;
  if (a.kind == Val::Kind::ResourceId || b.kind == Val::Kind::ResourceId) return same_resource(a, b);
  if (a.kind != b.kind) return Tri::No;
  switch (a.kind) {
    case Val::Kind::Bool:
      return a.boolean == b.boolean ? Tri::Yes : Tri::No;
    case Val::Kind::Number:
      return a.number == b.number ? Tri::Yes : Tri::No;
    case Val::Kind::String:
      return a.str == b.str ? Tri::Yes : Tri::No;
    case Val::Kind::Array: {
      if (a.items.size() != b.items.size()) return Tri::No;
      Tri r = Tri::Yes;
      for (size_t i = 0; i < a.items.size(); ++i) r = combine(r, values_equal(a.items[i], b.items[i]));
      return r;
    }
    case Val::Kind::Object: {
      if (a.members.size() != b.members.size()) return Tri::No;
      Tri r = Tri::Yes;
      for (const ValMember& m : a.members) {
        if (!m.key.is_string()) return Tri::Unknown;
        r = combine(r, values_equal(m.value, b.member(m.key.str)));
      }
      return r;
    }
    default:
      return Tri::Unknown;
  }
}

namespace {
// Messages quote values: past this many bytes the rest of an array or object is left out ("…").
constexpr size_t kDescribedBytes = 300;

void describe_into(const Val& v, std::string& out) {
  switch (v.kind) {
    case Val::Kind::Absent:
      out += "(not set)";
      return;
    case Val::Kind::Unknown:
      out += "(unknown)";
      return;
    case Val::Kind::Null:
      out += "null";
      return;
    case Val::Kind::Bool:
      out += v.boolean ? "true" : "false";
      return;
    case Val::Kind::Number:
      out += std::to_string(v.number);
      return;
    case Val::Kind::String:
      out += quote_text(v.str);
      return;
    case Val::Kind::Array:
      out += '[';
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out += ", ";
        if (out.size() > kDescribedBytes) {
          out += "…";
          break;
        }
        describe_into(v.items[i], out);
      }
      out += ']';
      return;
    case Val::Kind::Object:
      out += '{';
      for (size_t i = 0; i < v.members.size(); ++i) {
        if (i) out += ", ";
        if (out.size() > kDescribedBytes) {
          out += "…";
          break;
        }
        const Val& key = v.members[i].key;
        out += key.is_string() ? shortened(key.str, 80) : std::string("?");
        out += ": ";
        describe_into(v.members[i].value, out);
      }
      out += '}';
      return;
    case Val::Kind::ResourceId:
      out += "resourceId(" + quote_text(v.str, 80);
      for (const Val& n : v.items) {
        out += ", ";
        if (out.size() > kDescribedBytes) {
          out += "…";
          break;
        }
        out += n.is_string() ? quote_text(n.str, 80) : std::string("?");
      }
      out += ')';
      return;
  }
}
}  // namespace

std::string describe(const Val& v) {
  std::string out;
  describe_into(v, out);
  return out;
}

std::string describe(const Choice& c) {
  if (!c.value) return "(unknown)";
  switch (c.value->kind) {
    case Value::Kind::String:
      return quote_text(c.value->text);
    case Value::Kind::Bool:
      return c.value->boolean ? "true" : "false";
    case Value::Kind::Number:
      return shortened(c.value->text, 40);
    case Value::Kind::Null:
      return "null";
    case Value::Kind::Expr:
      return quote_text("[" + std::string(c.value->text) + "]");
    case Value::Kind::Object:
      return "{…}";
    case Value::Kind::Array:
      return "[…]";
  }
  return {};
}

}  // namespace idlint
