// Helpers shared by the ARM function tables: canonical symbols, results with dependencies, rendering.
#include "expr/function_support.h"

#include <algorithm>
#include <array>

namespace idlint::fn {

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

Val make_number(long long v, const Args& args) {
  Val r;
  r.kind = Val::Kind::Number;
  r.number = v;
  return with_deps(std::move(r), args);
}

Val make_string(std::string s, const Args& args, Origin origin) {
  Val r = Val::string(std::move(s));
  r.origin = origin;
  return with_deps(std::move(r), args);
}

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

Val eval_arg(Evaluator& ev, const Ctx& ctx, const ir::Node& n, size_t i) { return ev.evaluate(ctx, *n.args[i]); }

}  // namespace idlint::fn
