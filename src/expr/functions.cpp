// Implementations of parameters-independent ARM functions: logic, strings, objects, resourceId.
#include "expr/functions.h"

#include <algorithm>
#include <array>
#include <functional>

namespace idlint {
namespace {

using Ctx = Evaluator::Context;
using Args = std::vector<Val>;

// A canonical text for a value, so that equal calls on equal (or equally unknown) inputs get one symbol.
bool canonical(const Val& v, std::string& out) {
  switch (v.kind) {
    case Val::Kind::Unknown:
      if (v.symbol.empty()) return false;
      out += v.symbol;
      return true;
    case Val::Kind::Array:
      out += '[';
      for (const Val& i : v.items) {
        if (!canonical(i, out)) return false;
        out += ',';
      }
      out += ']';
      return true;
    case Val::Kind::Object:
      out += '{';
      for (const ValMember& m : v.members) {
        if (!canonical(m.key, out)) return false;
        out += ':';
        if (!canonical(m.value, out)) return false;
        out += ',';
      }
      out += '}';
      return true;
    default:
      out += describe(v);
      return true;
  }
}

Val with_deps(Val r, const Args& args) {
  for (const Val& a : args) merge_deps(r, a);
  return r;
}

Val first_unknown(const Args& args) {
  for (const Val& a : args) {
    if (a.is_unknown()) return a;
  }
  return Val::absent();
}

// A call we cannot evaluate still has a fixed value within one deployment when its inputs do.
Val unknown_call(std::string_view name, const Args& args, std::string reason) {
  static constexpr std::array<std::string_view, 3> kVolatile = {"utcnow", "newguid", "deployment"};
  std::string symbol;
  const std::string fn = to_lower_ascii(name);
  if (std::find(kVolatile.begin(), kVolatile.end(), fn) == kVolatile.end()) {
    symbol = fn + "(";
    for (const Val& a : args) {
      if (!canonical(a, symbol)) {
        symbol.clear();
        break;
      }
      symbol += ',';
    }
    if (!symbol.empty()) symbol += ')';
  }
  return with_deps(Val::unknown(std::move(reason), std::move(symbol)), args);
}

Val make_bool(bool b, const Args& args) {
  Val r;
  r.kind = Val::Kind::Bool;
  r.boolean = b;
  return with_deps(std::move(r), args);
}

Val make_string(std::string s, const Args& args, Origin origin) {
  Val r = Val::string(std::move(s));
  r.origin = origin;
  return with_deps(std::move(r), args);
}

std::string to_arm_string(const Val& v);

std::string to_json(const Val& v) {
  switch (v.kind) {
    case Val::Kind::String: {
      std::string s = "\"";
      for (char c : v.str) {
        if (c == '"' || c == '\\') s += '\\';
        s += c;
      }
      return s + "\"";
    }
    case Val::Kind::Array: {
      std::string s = "[";
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) s += ',';
        s += to_json(v.items[i]);
      }
      return s + "]";
    }
    case Val::Kind::Object: {
      std::string s = "{";
      for (size_t i = 0; i < v.members.size(); ++i) {
        if (i) s += ',';
        s += to_json(v.members[i].key);
        s += ':';
        s += to_json(v.members[i].value);
      }
      return s + "}";
    }
    default:
      return to_arm_string(v);
  }
}

std::string to_arm_string(const Val& v) {
  switch (v.kind) {
    case Val::Kind::String:
      return v.str;
    case Val::Kind::Bool:
      return v.boolean ? "True" : "False";
    case Val::Kind::Number:
      return std::to_string(v.number);
    case Val::Kind::Null:
      return "";
    default:
      return to_json(v);
  }
}

bool is_empty_value(const Val& v) {
  switch (v.kind) {
    case Val::Kind::Null:
    case Val::Kind::Absent:
      return true;
    case Val::Kind::String:
      return v.str.empty();
    case Val::Kind::Array:
      return v.items.empty();
    case Val::Kind::Object:
      return v.members.empty();
    default:
      return false;
  }
}

// .NET composite formatting as ARM's format() uses it: {0}, {1:fmt} (format specifiers ignored), {{ }}.
Val format_call(const Args& args, Origin origin) {
  const std::string& f = args[0].str;
  std::string out;
  for (size_t i = 0; i < f.size(); ++i) {
    const char c = f[i];
    if (c == '{' && i + 1 < f.size() && f[i + 1] == '{') {
      out += '{';
      ++i;
    } else if (c == '}' && i + 1 < f.size() && f[i + 1] == '}') {
      out += '}';
      ++i;
    } else if (c == '{') {
      const size_t close = f.find('}', i);
      if (close == std::string::npos) return Val::unknown("format(): unbalanced '{'");
      std::string spec = f.substr(i + 1, close - i - 1);
      const size_t colon = spec.find_first_of(":,");
      const std::string number = spec.substr(0, colon);
      if (number.empty() || number.size() > 6 || number.find_first_not_of("0123456789") != std::string::npos) {
        return Val::unknown("format(): invalid placeholder '{" + spec + "}'");
      }
      const size_t index = static_cast<size_t>(std::stoul(number)) + 1;
      if (index >= args.size()) return Val::unknown("format(): placeholder {" + number + "} has no argument");
      if (colon != std::string::npos && args[index].kind == Val::Kind::Number) {
        return unknown_call("format", args, "format(): numeric format specifiers are not evaluated");
      }
      out += to_arm_string(args[index]);
      i = close;
    } else {
      out += c;
    }
  }
  return make_string(std::move(out), args, origin);
}

void union_into(Val& into, const Val& from) {
  if (into.kind == Val::Kind::Object && from.kind == Val::Kind::Object) {
    for (const ValMember& m : from.members) {
      auto same = std::find_if(into.members.begin(), into.members.end(), [&](const ValMember& e) {
        return e.key.is_string() && m.key.is_string() && equals_ignore_case(e.key.str, m.key.str);
      });
      if (same == into.members.end()) {
        into.members.push_back(m);
      } else if (same->value.kind == Val::Kind::Object && m.value.kind == Val::Kind::Object) {
        union_into(same->value, m.value);  // ARM merges nested objects recursively
      } else {
        same->value = m.value;
      }
    }
  } else if (into.kind == Val::Kind::Array && from.kind == Val::Kind::Array) {
    for (const Val& item : from.items) {
      bool present = false;
      for (const Val& e : into.items) present = present || values_equal(e, item) == Tri::Yes;
      if (!present) into.items.push_back(item);
    }
  }
  merge_deps(into, from);
}

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

struct Function {
  std::string_view name;
  size_t min_args;
  size_t max_args;  // SIZE_MAX for variadic
  // Lazy functions get the call node and evaluate arguments themselves.
  std::function<Val(Evaluator&, const Ctx&, const ir::Node&)> lazy;
  std::function<Val(const Args&, Origin)> eager;
};

Val eval_arg(Evaluator& ev, const Ctx& ctx, const ir::Node& n, size_t i) { return ev.evaluate(ctx, *n.args[i]); }

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

Val make_number(long long v) {
  Val r;
  r.kind = Val::Kind::Number;
  r.number = v;
  return r;
}

Val local_call(Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
  if (n.args[0]->kind != ir::Node::Kind::String) return Val::unknown(std::string(n.text) + "(): the name is not a literal");
  return ev.local(ctx, n.args[0]->text);
}

const std::vector<Function>& functions() {
  static const std::vector<Function> table = {
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
         Val deps;
         for (size_t i = 0; i < n.arg_count; ++i) {
           Val a = eval_arg(ev, ctx, n, i);
           merge_deps(deps, a);
           if (a.is_unknown()) {
             Val u = Val::unknown(a.str);
             u.deps = deps.deps;
             return u;
           }
           if (!a.is_unset()) {
             merge_deps(a, deps);
             return a;
           }
         }
         Val r;
         r.kind = Val::Kind::Null;
         r.deps = deps.deps;
         return r;
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
      {"empty",
       1,
       1,
       {},
       [](const Args& a, Origin) {
         if (a[0].is_unknown()) return unknown_call("empty", a, a[0].str);
         return make_bool(is_empty_value(a[0]), a);
       }},
      {"length",
       1,
       1,
       {},
       [](const Args& a, Origin o) {
         Val r;
         r.kind = Val::Kind::Number;
         r.origin = o;
         switch (a[0].kind) {
           case Val::Kind::String:
             r.number = static_cast<long long>(a[0].str.size());
             break;
           case Val::Kind::Array:
             r.number = static_cast<long long>(a[0].items.size());
             break;
           case Val::Kind::Object:
             r.number = static_cast<long long>(a[0].members.size());
             break;
           default:
             return unknown_call("length", a, a[0].is_unknown() ? a[0].str : "length(): unsupported argument");
         }
         return with_deps(std::move(r), a);
       }},
      {"concat",
       1,
       SIZE_MAX,
       {},
       [](const Args& a, Origin o) {
         if (Val u = first_unknown(a); u.is_unknown()) return unknown_call("concat", a, u.str);
         if (a[0].kind == Val::Kind::Array) {
           Val r;
           r.kind = Val::Kind::Array;
           r.origin = o;
           for (const Val& v : a) {
             if (v.kind == Val::Kind::Array)
               r.items.insert(r.items.end(), v.items.begin(), v.items.end());
             else if (!v.is_unset())
               return unknown_call("concat", a, "concat(): mixes arrays and other values");
           }
           return with_deps(std::move(r), a);
         }
         std::string s;
         for (const Val& v : a) {
           if (v.kind == Val::Kind::Array || v.kind == Val::Kind::Object || v.kind == Val::Kind::ResourceId) {
             return unknown_call("concat", a, "concat(): mixes strings and other values");
           }
           s += to_arm_string(v);
         }
         return make_string(std::move(s), a, o);
       }},
      {"format",
       1,
       SIZE_MAX,
       {},
       [](const Args& a, Origin o) {
         if (a[0].is_unknown()) return unknown_call("format", a, a[0].str);
         if (!a[0].is_string()) return unknown_call("format", a, "format(): the format is not a string");
         // Compiled Bicep writes identity keys as format('{0}', resourceId(...)): that is the ID itself.
         if (a[0].str == "{0}" && a.size() == 2 &&
             (a[1].kind == Val::Kind::ResourceId || a[1].is_unknown() || a[1].is_string())) {
           return with_deps(a[1], a);  // an unknown keeps its symbol, so it still equals its other uses
         }
         if (Val u = first_unknown(a); u.is_unknown()) return unknown_call("format", a, u.str);
         for (const Val& v : a) {
           if (v.kind == Val::Kind::ResourceId)
             return unknown_call("format", a, "format(): a resource ID is not rendered");
         }
         return format_call(a, o);
       }},
      {"toLower",
       1,
       1,
       {},
       [](const Args& a, Origin o) {
         if (!a[0].is_string())
           return unknown_call("tolower", a, a[0].is_unknown() ? a[0].str : "toLower(): not a string");
         return make_string(to_lower_ascii(a[0].str), a, o);
       }},
      {"toUpper",
       1,
       1,
       {},
       [](const Args& a, Origin o) {
         if (!a[0].is_string())
           return unknown_call("toupper", a, a[0].is_unknown() ? a[0].str : "toUpper(): not a string");
         std::string s = a[0].str;
         for (char& c : s) {
           if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
         }
         return make_string(std::move(s), a, o);
       }},
      {"string",
       1,
       1,
       {},
       [](const Args& a, Origin o) {
         if (a[0].kind == Val::Kind::ResourceId) return with_deps(a[0], a);  // the ID as a string
         if (a[0].is_unknown()) return unknown_call("string", a, a[0].str);
         return make_string(to_arm_string(a[0]), a, o);
       }},
      {"union",
       1,
       SIZE_MAX,
       {},
       [](const Args& a, Origin o) {
         if (Val u = first_unknown(a); u.is_unknown()) return unknown_call("union", a, u.str);
         Val r = a[0];
         if (r.kind != Val::Kind::Object && r.kind != Val::Kind::Array) {
           return unknown_call("union", a, "union(): arguments are not objects or arrays");
         }
         for (size_t i = 1; i < a.size(); ++i) {
           if (a[i].kind != r.kind) return unknown_call("union", a, "union(): arguments of different kinds");
           union_into(r, a[i]);
         }
         r.origin = o;
         return r;
       }},
      {"createObject",
       0,
       SIZE_MAX,
       {},
       [](const Args& a, Origin o) {
         if (a.size() % 2 != 0) return Val::unknown("createObject(): an odd number of arguments");
         Val r;
         r.kind = Val::Kind::Object;
         r.origin = o;
         for (size_t i = 0; i < a.size(); i += 2) {
           if (!a[i].is_string() && !a[i].is_unknown()) return Val::unknown("createObject(): a key is not a string");
           r.members.push_back(ValMember{a[i], a[i + 1], a[i].origin.file, a[i].origin.span});
         }
         return with_deps(std::move(r), a);
       }},
      {"createArray",
       0,
       SIZE_MAX,
       {},
       [](const Args& a, Origin o) {
         Val r;
         r.kind = Val::Kind::Array;
         r.origin = o;
         r.items = a;
         return with_deps(std::move(r), a);
       }},
      {"contains",
       2,
       2,
       {},
       [](const Args& a, Origin) {
         if (Val u = first_unknown(a); u.is_unknown()) return unknown_call("contains", a, u.str);
         const Val& c = a[0];
         const Val& item = a[1];
         if (c.is_string() && item.kind != Val::Kind::Array && item.kind != Val::Kind::Object) {
           return make_bool(c.str.find(to_arm_string(item)) != std::string::npos, a);
         }
         if (c.kind == Val::Kind::Object && item.is_string()) return make_bool(!c.member(item.str).is_absent(), a);
         if (c.kind == Val::Kind::Array) {
           Tri found = Tri::No;
           for (const Val& e : c.items) {
             const Tri t = values_equal(e, item);
             if (t == Tri::Yes) return make_bool(true, a);
             if (t == Tri::Unknown) found = Tri::Unknown;
           }
           if (found == Tri::Unknown) return unknown_call("contains", a, "contains(): an item is unknown");
           return make_bool(false, a);
         }
         return unknown_call("contains", a, "contains(): unsupported arguments");
       }},
      {"tryGet",  // what Bicep's `.?` and `[?…]` compile to: a member or item, null when absent
       2,
       SIZE_MAX,
       {},
       [](const Args& a, Origin) {
         Val null_value;
         null_value.kind = Val::Kind::Null;
         Val cur = a[0];
         for (size_t i = 1; i < a.size(); ++i) {
           if (cur.is_unset()) return with_deps(null_value, a);
           const Val& key = a[i];
           if (cur.is_unknown() || key.is_unknown()) return unknown_call("tryGet", a, "tryGet(): " + first_unknown(a).str);
           if (cur.kind == Val::Kind::Object && key.is_string()) {
             Val m = cur.member(key.str);
             if (m.is_unknown()) return unknown_call("tryGet", a, m.str);
             cur = m.is_absent() ? null_value : std::move(m);
           } else if (cur.kind == Val::Kind::Array && key.kind == Val::Kind::Number) {
             // Copied out first: assigning an item of cur to cur would free it mid-copy.
             Val item = key.number >= 0 && static_cast<size_t>(key.number) < cur.items.size()
                            ? cur.items[static_cast<size_t>(key.number)]
                            : null_value;
             cur = std::move(item);
           } else {
             return unknown_call("tryGet", a, "tryGet(): unsupported arguments");
           }
         }
         return with_deps(std::move(cur), a);
       }},
      // Loop and lambda variables, copy loops and module outputs are bound by frames and lambdas.
      {"loopVariable", 1, 1, [](Evaluator& ev, const Ctx& ctx, const ir::Node& n) { return local_call(ev, ctx, n); },
       {}},
      {"lambdaVariables", 1, 1,
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
  return table;
}

const Function* find_function(std::string_view name) {
  for (const Function& f : functions()) {
    if (equals_ignore_case(f.name, name)) return &f;
  }
  return nullptr;
}

}  // namespace

bool is_known_function(std::string_view name) {
  return find_function(name) || equals_ignore_case(name, "parameters") || equals_ignore_case(name, "variables");
}

Val call_function(Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
  const Function* f = find_function(n.text);
  const Origin origin{ctx.kind, ctx.tmpl->file.get(), n.span, ctx.name};
  if (f && (n.arg_count < f->min_args || n.arg_count > f->max_args)) {
    return Val::unknown(std::string(n.text) + "(): wrong number of arguments");
  }
  if (f && f->lazy) return f->lazy(ev, ctx, n);
  Args args;
  args.reserve(n.arg_count);
  for (uint32_t i = 0; i < n.arg_count; ++i) args.push_back(ev.evaluate(ctx, *n.args[i]));
  if (!f) {
    // parameters()/variables() with a computed name arrive here too.
    if ((equals_ignore_case(n.text, "parameters") || equals_ignore_case(n.text, "variables")) && args.size() == 1 &&
        args[0].is_string()) {
      Val r = equals_ignore_case(n.text, "parameters") ? ev.parameter(ctx, args[0].str) : ev.variable(ctx, args[0].str);
      merge_deps(r, args[0]);
      return r;
    }
    return unknown_call(n.text, args, "function '" + std::string(n.text) + "' is not evaluated");
  }
  Val r = f->eager(args, origin);
  if (r.origin.kind == Origin::Kind::None) r.origin = origin;
  return r;
}

}  // namespace idlint
