// ARM lambda functions (filter, map, reduce, sort, toObject, groupBy, mapValues) and Bicep's
// for-expression, forLoop(source, lambda(item[, index], body)[, lambda(item[, index], condition)]).
// A lambda is the IR call lambda('x'[, 'y'...], body); its variables are bound with push_local while
// the body is evaluated once per item.
#include <cstdio>
#include <iterator>

#include "expr/function_support.h"

namespace idlint::fn {
namespace {

struct Lambda {
  std::vector<std::string_view> variables;
  const ir::Node* body = nullptr;
};

bool is_lambda_node(const ir::Node& n) {
  return n.kind == ir::Node::Kind::Call && equals_ignore_case(n.text, "lambda");
}

// lambda('x'[, 'y'...], body), when the names are literal strings.
std::optional<Lambda> as_lambda(const ir::Node& n) {
  if (!is_lambda_node(n) || n.arg_count < 2) return std::nullopt;
  Lambda l;
  for (uint32_t i = 0; i + 1 < n.arg_count; ++i) {
    if (n.args[i]->kind != ir::Node::Kind::String) return std::nullopt;
    l.variables.push_back(n.args[i]->text);
  }
  l.body = n.args[n.arg_count - 1];
  return l;
}

// One call of a lambda function: its arguments evaluated, its lambdas applied, and what the results
// read gathered as dependencies. When the call cannot be evaluated its Unknown is named by the
// arguments, each lambda standing for itself, so that the same call on the same input compares equal.
class LambdaCall {
 public:
  LambdaCall(Evaluator& ev, const Ctx& ctx, const ir::Node& n) : ev_(ev), ctx_(ctx), n_(n) {
    for (uint32_t i = 0; i < n.arg_count; ++i) {
      const ir::Node& a = *n.args[i];
      if (is_lambda_node(a)) {
        lambdas_.push_back(as_lambda(a));
        args_.push_back(lambda_token(a));
      } else {
        lambdas_.emplace_back();
        args_.push_back(ev.evaluate(ctx, a));
      }
    }
  }

  const Val& arg(size_t i) const { return args_[i]; }
  Origin origin() const { return call_origin(ctx_, n_); }

  // Argument i as a lambda of min_variables to max_variables variables; null when it is not one (or absent).
  const Lambda* lambda(size_t i, size_t min_variables, size_t max_variables) const {
    if (i >= lambdas_.size() || !lambdas_[i]) return nullptr;
    const size_t k = lambdas_[i]->variables.size();
    return k >= min_variables && k <= max_variables ? &*lambdas_[i] : nullptr;
  }

  // The Unknown to return unless argument `input` is a known value of `kind` with at most kMaxItems
  // entries and every lambda in `required` was given.
  std::optional<Val> check(size_t input, Val::Kind kind, std::initializer_list<const Lambda*> required) const {
    const Val& in = args_[input];
    if (in.is_unknown()) return unknown(in.str);
    if (in.kind != kind) {
      return unknown(name() + "(): argument " + std::to_string(input + 1) + " is not " +
                     (kind == Val::Kind::Array ? "an array" : "an object"));
    }
    if ((kind == Val::Kind::Array ? in.items.size() : in.members.size()) > kMaxItems) {
      return unknown(name() + "(): too many items");
    }
    for (const Lambda* l : required) {
      if (!l) return unknown(name() + "(): a lambda argument is not evaluated");
    }
    return std::nullopt;
  }

  // The lambda's body with its variables bound to values (in order; extra values are not bound).
  // Each application is one loop iteration of the file's budget.
  Val apply(const Lambda& l, std::initializer_list<const Val*> values) {
    if (!ev_.charge_iteration()) {
      stopped_ = true;
      return Val::unknown(ev_.budget().reason());
    }
    size_t bound = 0;
    for (const Val* v : values) {
      if (bound == l.variables.size()) break;
      ev_.push_local(l.variables[bound++], *v);
    }
    Val r = ev_.evaluate(ctx_, *l.body);
    for (; bound > 0; --bound) ev_.pop_local();
    merge_deps(reads_, r);
    return r;
  }

  // A lambda's body that must give a bool; the reason it did not is left in `failure`.
  bool test(const Lambda& l, std::initializer_list<const Val*> values, std::string& failure) {
    const Val r = apply(l, values);
    if (r.kind == Val::Kind::Bool) return r.boolean;
    if (failure.empty()) failure = r.is_unknown() ? r.str : name() + "(): the lambda does not return a bool";
    return false;
  }

  // Whether the file's budget ended the loop, or the items collected so far (by keep()) grew past
  // one value's limit: the call's result is then stop().
  bool stopped() const { return stopped_ || kept_ > kMaxValueBytes; }
  Val stop() const {
    if (stopped_) return unknown(ev_.budget().reason());
    return unknown(value_too_large(kMaxValueBytes));
  }
  // Counts an item that goes into the result (the evaluator weighed it when it was returned).
  void keep(const Val& item) { kept_ += item.weight; }

  Val unknown(std::string reason) const {
    Val u = unknown_call(n_.text, args_, std::move(reason));
    merge_deps(u, reads_);
    return u;
  }

  Val result(Val r) const {
    r = with_deps(std::move(r), args_);
    merge_deps(r, reads_);
    if (r.origin.kind == Origin::Kind::None) r.origin = origin();
    return r;
  }

 private:
  std::string name() const { return std::string(n_.text); }

  // What names a lambda in a symbol: where it is written and the frame it is evaluated in. Inside
  // another lambda its body may read the outer variables, so it is not named there.
  Val lambda_token(const ir::Node& a) const {
    if (ev_.has_locals()) return Val::unknown("a lambda");
    char buf[64];
    std::snprintf(buf, sizeof buf, "lambda@%p/%p", static_cast<const void*>(&a), static_cast<const void*>(ctx_.frame));
    return Val::unknown("a lambda", buf);
  }

  Evaluator& ev_;
  const Ctx& ctx_;
  const ir::Node& n_;
  Args args_;
  std::vector<std::optional<Lambda>> lambdas_;
  Val reads_;  // the dependencies of every lambda result
  bool stopped_ = false;
  size_t kept_ = 0;
};

Val index_value(size_t i) { return make_number(static_cast<long long>(i)); }

Val map_call(Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
  LambdaCall c(ev, ctx, n);
  const Lambda* f = c.lambda(1, 1, 2);
  if (auto u = c.check(0, Val::Kind::Array, {f})) return *u;
  const std::vector<Val>& items = c.arg(0).items;
  std::vector<Val> out;
  for (size_t i = 0; i < items.size(); ++i) {
    const Val index = index_value(i);
    out.push_back(c.apply(*f, {&items[i], &index}));
    c.keep(out.back());
    if (c.stopped()) return c.stop();
  }
  return c.result(make_array(std::move(out), {}, c.origin()));
}

Val filter_call(Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
  LambdaCall c(ev, ctx, n);
  const Lambda* keep = c.lambda(1, 1, 2);
  if (auto u = c.check(0, Val::Kind::Array, {keep})) return *u;
  const std::vector<Val>& items = c.arg(0).items;
  std::vector<Val> out;
  std::string failure;
  for (size_t i = 0; i < items.size(); ++i) {
    const Val index = index_value(i);
    if (c.test(*keep, {&items[i], &index}, failure)) {
      out.push_back(items[i]);
      c.keep(items[i]);
    }
    if (c.stopped()) return c.stop();
    if (!failure.empty()) return c.unknown(failure);
  }
  return c.result(make_array(std::move(out), {}, c.origin()));
}

// forLoop(source, lambda(item[, index], body)[, lambda(item[, index], condition)]): the bodies of the
// items whose condition holds; the index is the item's position in the source.
Val for_loop_call(Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
  LambdaCall c(ev, ctx, n);
  const Lambda* body = c.lambda(1, 1, 2);
  const Lambda* condition = c.lambda(2, 1, 2);
  if (auto u = c.check(0, Val::Kind::Array, {body})) return *u;
  if (n.arg_count > 2 && !condition) return c.unknown("forLoop(): the condition is not evaluated");
  const std::vector<Val>& items = c.arg(0).items;
  std::vector<Val> out;
  std::string failure;
  for (size_t i = 0; i < items.size(); ++i) {
    const Val index = index_value(i);
    if (condition && !c.test(*condition, {&items[i], &index}, failure)) {
      if (c.stopped()) return c.stop();
      if (!failure.empty()) return c.unknown(failure);
      continue;
    }
    out.push_back(c.apply(*body, {&items[i], &index}));
    c.keep(out.back());
    if (c.stopped()) return c.stop();
  }
  return c.result(make_array(std::move(out), {}, c.origin()));
}

Val reduce_call(Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
  LambdaCall c(ev, ctx, n);
  const Lambda* f = c.lambda(2, 2, 3);
  if (auto u = c.check(0, Val::Kind::Array, {f})) return *u;
  const std::vector<Val>& items = c.arg(0).items;
  Val acc = c.arg(1);
  for (size_t i = 0; i < items.size(); ++i) {
    const Val index = index_value(i);
    acc = c.apply(*f, {&acc, &items[i], &index});
    if (c.stopped()) return c.stop();
  }
  return c.result(std::move(acc));
}

// A stable merge sort that tolerates a comparison that is not a strict weak order (std::sort does not).
template <typename Before>
void merge_sort(std::vector<Val>& v, Before& before) {
  if (v.size() < 2) return;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::vector<Val> left(std::make_move_iterator(v.begin()), std::make_move_iterator(mid));
  std::vector<Val> right(std::make_move_iterator(mid), std::make_move_iterator(v.end()));
  merge_sort(left, before);
  merge_sort(right, before);
  v.clear();
  size_t i = 0;
  size_t j = 0;
  while (i < left.size() && j < right.size())
    v.push_back(std::move(before(right[j], left[i]) ? right[j++] : left[i++]));
  std::move(left.begin() + static_cast<std::ptrdiff_t>(i), left.end(), std::back_inserter(v));
  std::move(right.begin() + static_cast<std::ptrdiff_t>(j), right.end(), std::back_inserter(v));
}

// sort(array, lambda(a, b, a-comes-first)).
Val sort_call(Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
  LambdaCall c(ev, ctx, n);
  const Lambda* comes_first = c.lambda(1, 2, 2);
  if (auto u = c.check(0, Val::Kind::Array, {comes_first})) return *u;
  std::vector<Val> items = c.arg(0).items;
  std::string failure;
  auto before = [&](const Val& x, const Val& y) { return failure.empty() && c.test(*comes_first, {&x, &y}, failure); };
  merge_sort(items, before);
  if (c.stopped()) return c.stop();
  if (!failure.empty()) return c.unknown(failure);
  return c.result(make_array(std::move(items), {}, c.origin()));
}

// toObject(array, lambda(item, key)[, lambda(item, value)]): a later item's key replaces an earlier one.
Val to_object_call(Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
  LambdaCall c(ev, ctx, n);
  const Lambda* key_of = c.lambda(1, 1, 1);
  const Lambda* value_of = c.lambda(2, 1, 1);
  if (auto u = c.check(0, Val::Kind::Array, {key_of})) return *u;
  if (n.arg_count > 2 && !value_of) return c.unknown("toObject(): the value lambda is not evaluated");
  Val out;
  out.kind = Val::Kind::Object;
  for (const Val& item : c.arg(0).items) {
    Val key = c.apply(*key_of, {&item});
    if (c.stopped()) return c.stop();
    if (!usable_key(key)) return c.unknown("toObject(): a key is not a string");
    ValMember m{std::move(key), value_of ? c.apply(*value_of, {&item}) : item, nullptr, {}};
    c.keep(m.key);
    c.keep(m.value);
    if (c.stopped()) return c.stop();
    set_member(out, std::move(m));
  }
  return c.result(std::move(out));
}

// groupBy(array, lambda(item, key)): {key: [items with that key]}, keys in order of first appearance.
Val group_by_call(Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
  LambdaCall c(ev, ctx, n);
  const Lambda* key_of = c.lambda(1, 1, 1);
  if (auto u = c.check(0, Val::Kind::Array, {key_of})) return *u;
  Val out;
  out.kind = Val::Kind::Object;
  for (const Val& item : c.arg(0).items) {
    const Val key = c.apply(*key_of, {&item});
    c.keep(item);
    if (c.stopped()) return c.stop();
    if (!key.is_string()) return c.unknown(key.is_unknown() ? key.str : "groupBy(): a key is not a string");
    ValMember* group = find_member(out, key);
    if (!group) {
      out.members.push_back(ValMember{key, make_array({}, {}, c.origin()), nullptr, {}});
      group = &out.members.back();
    }
    group->value.items.push_back(item);
  }
  return c.result(std::move(out));
}

// mapValues(object, lambda(value)): the same keys, each value mapped.
Val map_values_call(Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
  LambdaCall c(ev, ctx, n);
  const Lambda* f = c.lambda(1, 1, 1);
  if (auto u = c.check(0, Val::Kind::Object, {f})) return *u;
  Val out = c.arg(0);
  out.origin = c.origin();
  for (ValMember& m : out.members) {
    m.value = c.apply(*f, {&m.value});
    c.keep(m.value);
    if (c.stopped()) return c.stop();
  }
  return c.result(std::move(out));
}

}  // namespace

std::vector<Function> lambda_functions() {
  return {
      {"map", 2, 2, map_call, {}},
      {"filter", 2, 2, filter_call, {}},
      {"reduce", 3, 3, reduce_call, {}},
      {"sort", 2, 2, sort_call, {}},
      {"toObject", 2, 3, to_object_call, {}},
      {"groupBy", 2, 2, group_by_call, {}},
      {"mapValues", 2, 2, map_values_call, {}},
      {"forLoop", 2, 3, for_loop_call, {}},
  };
}

}  // namespace idlint::fn
