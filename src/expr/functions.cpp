// The ARM function table: logic, references to parameters, loop variables and module outputs,
// resourceId(); the other areas' tables are joined here. Every other function evaluates to Unknown,
// naming it.
#include "expr/functions.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "expr/function_support.h"

namespace idlint {
namespace fn {
namespace {

bool looks_like_resource_type(const Val& v) {
  if (!v.is_string()) return false;
  const size_t slash = v.str.find('/');
  return slash != std::string::npos && slash > 0 && v.str.find('.') < slash;
}

Val resource_id_call(std::string_view fn, const Args& args) {
  size_t type_index = args.size();
  // The first argument shaped like a type ('Namespace/type') is the type; those before it are the
  // subscription and resource group (known or not), those after it the name segments.
  for (size_t i = 0; i < args.size(); ++i) {
    if (looks_like_resource_type(args[i])) {
      type_index = i;
      break;
    }
  }
  if (type_index == args.size()) {
    return unknown_call(fn, args, std::string(fn) + "(): the resource type is not known");
  }
  Val id;
  id.kind = Val::Kind::ResourceId;
  id.str = args[type_index].str;
  for (size_t i = 0; i < type_index; ++i) id.scope.push_back(args[i]);
  for (size_t i = type_index + 1; i < args.size(); ++i) {
    const Val& a = args[i];
    if (a.is_string()) {
      // A name argument may carry several segments ('server/db').
      size_t start = 0;
      for (;;) {
        const size_t slash = a.str.find('/', start);
        Val segment = Val::string(a.str.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        segment.origin = a.origin;  // where the name was written, for related locations
        segment.deps = a.deps;
        id.items.push_back(std::move(segment));
        if (slash == std::string::npos) break;
        start = slash + 1;
      }
    } else if (a.is_unknown()) {
      id.items.push_back(a);
    } else {
      return unknown_call(fn, args, std::string(fn) + "(): a name argument is not a string");
    }
  }
  if (!equals_ignore_case(fn, "resourceId")) id.scope.insert(id.scope.begin(), Val::string(to_lower_ascii(fn)));
  return with_deps(std::move(id), args);
}

// and() / or(): the first argument equal to `decisive` decides (false for and, true for or); an
// unknown argument before it leaves the result unknown.
Val logical(Evaluator& ev, const Ctx& ctx, const ir::Node& n, bool decisive) {
  Val acc = make_bool(!decisive, {});
  std::string unknown_reason;
  for (size_t i = 0; i < n.arg_count; ++i) {
    Val a = eval_arg(ev, ctx, n, i);
    merge_deps(acc, a);
    if (a.kind == Val::Kind::Bool && a.boolean == decisive) {
      Val r = make_bool(decisive, {});
      r.deps = a.deps;
      return r;
    }
    if (a.kind != Val::Kind::Bool && unknown_reason.empty()) {
      unknown_reason = a.is_unknown() ? a.str : std::string(n.text) + "(): an argument is not a bool";
    }
  }
  if (unknown_reason.empty()) return acc;
  Val u = Val::unknown(unknown_reason);
  u.deps = acc.deps;
  return u;
}

Val local_call(Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
  if (n.args[0]->kind != ir::Node::Kind::String)
    return Val::unknown(std::string(n.text) + "(): the name is not a literal");
  return ev.local(ctx, n.args[0]->text);
}

}  // namespace

std::vector<Function> core_functions() {
  return {
      {"if",
       3,
       3,
       [](Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
         Val c = eval_arg(ev, ctx, n, 0);
         if (c.kind == Val::Kind::Bool) {
           Val r = eval_arg(ev, ctx, n, c.boolean ? 1 : 2);
           merge_deps(r, c);
           return r;
         }
         Val a = eval_arg(ev, ctx, n, 1);
         Val b = eval_arg(ev, ctx, n, 2);
         Val r = values_equal(a, b) == Tri::Yes
                     ? a
                     : Val::unknown(c.is_unknown() ? c.str : "if(): the condition is not a bool");
         merge_deps(r, c);
         merge_deps(r, b);
         return r;
       },
       {}},
      {"and",
       2,
       SIZE_MAX,
       [](Evaluator& ev, const Ctx& ctx, const ir::Node& n) { return logical(ev, ctx, n, false); },
       {}},
      {"or",
       2,
       SIZE_MAX,
       [](Evaluator& ev, const Ctx& ctx, const ir::Node& n) { return logical(ev, ctx, n, true); },
       {}},
      {"coalesce",
       1,
       SIZE_MAX,
       [](Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
         // The first argument that is set; an unknown one before it leaves the result unknown.
         Args seen;
         for (size_t i = 0; i < n.arg_count; ++i) {
           seen.push_back(eval_arg(ev, ctx, n, i));
           if (seen.back().is_unknown()) {
             std::string reason = seen.back().str;
             while (seen.size() < n.arg_count) seen.push_back(eval_arg(ev, ctx, n, seen.size()));
             return unknown_call("coalesce", seen, std::move(reason));
           }
           if (!seen.back().is_unset()) return with_deps(seen.back(), seen);
         }
         return make_null(seen);
       },
       {}},
      {"equals",
       2,
       2,
       {},
       [](const Args& a, Origin) {
         // ARM's string comparison rules for equals() are not settled here: a case-only difference stays unknown.
         if (a[0].is_string() && a[1].is_string() && a[0].str != a[1].str && equals_ignore_case(a[0].str, a[1].str)) {
           return with_deps(Val::unknown("equals(): the strings differ only in case"), a);
         }
         Tri t = values_equal(a[0], a[1]);
         if (t == Tri::Unknown) return unknown_call("equals", a, "equals(): " + first_unknown(a).str);
         return make_bool(t == Tri::Yes, a);
       }},
      {"not",
       1,
       1,
       {},
       [](const Args& a, Origin) {
         if (a[0].kind != Val::Kind::Bool)
           return unknown_call("not", a, a[0].is_unknown() ? a[0].str : "not(): not a bool");
         return make_bool(!a[0].boolean, a);
       }},
      // Loop and lambda variables, copy loops and module outputs are bound by frames and lambdas.
      {"loopVariable",
       1,
       1,
       [](Evaluator& ev, const Ctx& ctx, const ir::Node& n) { return local_call(ev, ctx, n); },
       {}},
      {"lambdaVariables",
       1,
       1,
       [](Evaluator& ev, const Ctx& ctx, const ir::Node& n) { return local_call(ev, ctx, n); },
       {}},
      {"copyIndex",
       0,
       2,
       [](Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
         std::string name;
         Val offset = make_number(0);
         for (uint32_t i = 0; i < n.arg_count; ++i) {
           Val a = eval_arg(ev, ctx, n, i);
           if (a.is_string() && i == 0) {
             name = a.str;
           } else if (a.kind == Val::Kind::Number) {
             offset = a;
           } else {
             return Val::unknown(a.is_unknown() ? a.str : "copyIndex(): unsupported arguments");
           }
         }
         Val index = ev.copy_index(ctx, name);
         if (index.kind != Val::Kind::Number) return index;
         index.number += offset.number;
         return index;
       },
       {}},
      {"moduleOutput",
       2,
       2,
       [](Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
         if (n.args[0]->kind != ir::Node::Kind::String || n.args[1]->kind != ir::Node::Kind::String) {
           return Val::unknown("moduleOutput(): malformed");
         }
         return ev.module_output(ctx, n.args[0]->text, n.args[1]->text);
       },
       {}},
      {"resourceId", 1, SIZE_MAX, {}, [](const Args& a, Origin) { return resource_id_call("resourceId", a); }},
      {"subscriptionResourceId",
       1,
       SIZE_MAX,
       {},
       [](const Args& a, Origin) { return resource_id_call("subscriptionResourceId", a); }},
      {"tenantResourceId",
       1,
       SIZE_MAX,
       {},
       [](const Args& a, Origin) { return resource_id_call("tenantResourceId", a); }},
      {"true", 0, 0, {}, [](const Args& a, Origin) { return make_bool(true, a); }},
      {"false", 0, 0, {}, [](const Args& a, Origin) { return make_bool(false, a); }},
      // What the Bicep loader writes for an expression nested deeper than it lowers.
      {"nestedTooDeep",
       0,
       SIZE_MAX,
       [](Evaluator&, const Ctx&, const ir::Node&) {
         return Val::unknown("the expression is nested too deeply to evaluate");
       },
       {}},
      {"null",
       0,
       0,
       {},
       [](const Args&, Origin) {
         Val r;
         r.kind = Val::Kind::Null;
         return r;
       }},
  };
}

}  // namespace fn

namespace {

using fn::Function;

const std::vector<Function>& functions() {
  static const std::vector<Function> table = [] {
    std::vector<Function> t;
    for (auto area : {fn::core_functions, fn::text_functions, fn::collection_functions, fn::number_functions,
                      fn::deployment_functions, fn::lambda_functions}) {
      std::vector<Function> part = area();
      std::move(part.begin(), part.end(), std::back_inserter(t));
    }
    return t;
  }();
  return table;
}

// By name (case-insensitive), then by prefix (list*).
const Function* find_function(std::string_view name) {
  static const std::unordered_map<std::string, const Function*> by_name = [] {
    std::unordered_map<std::string, const Function*> m;
    for (const Function& f : functions()) {
      if (!f.prefix) m.emplace(to_lower_ascii(f.name), &f);
    }
    return m;
  }();
  if (const auto it = by_name.find(to_lower_ascii(name)); it != by_name.end()) return it->second;
  for (const Function& f : functions()) {
    if (f.prefix && starts_with_ignore_case(name, f.name)) return &f;
  }
  return nullptr;
}

}  // namespace

bool is_known_function(std::string_view name) {
  return find_function(name) || equals_ignore_case(name, "parameters") || equals_ignore_case(name, "variables");
}

Val call_function(Evaluator& ev, const Evaluator::Context& ctx, const ir::Node& n) {
  const Function* f = find_function(n.text);
  const Origin origin = fn::call_origin(ctx, n);
  if (f && (n.arg_count < f->min_args || n.arg_count > f->max_args)) {
    return Val::unknown(std::string(n.text) + "(): wrong number of arguments");
  }
  if (f && f->lazy) return f->lazy(ev, ctx, n);
  const fn::Args args = fn::eval_args(ev, ctx, n);
  if (!f) {
    // parameters()/variables() with a computed name arrive here too.
    if ((equals_ignore_case(n.text, "parameters") || equals_ignore_case(n.text, "variables")) && args.size() == 1 &&
        args[0].is_string()) {
      Val r = equals_ignore_case(n.text, "parameters") ? ev.parameter(ctx, args[0].str) : ev.variable(ctx, args[0].str);
      merge_deps(r, args[0]);
      return r;
    }
    return fn::unknown_call(n.text, args, "function '" + std::string(n.text) + "' is not evaluated");
  }
  Val r = f->eager(args, origin);
  if (r.origin.kind == Origin::Kind::None) r.origin = origin;
  return r;
}

}  // namespace idlint
