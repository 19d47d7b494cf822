// Helpers shared by the ARM function tables: canonical symbols, results with dependencies, rendering.
#include "expr/function_support.h"

#include <string.h>  // memmem (GNU)

#include <algorithm>
#include <array>
#include <cstdio>

namespace idlint::fn {

bool canonical(const Val& v, std::string& out, size_t limit) {
  if (out.size() > limit) return false;
  switch (v.kind) {
    case Val::Kind::Unknown:
      if (v.symbol.empty()) return false;
      out += v.symbol;
      return out.size() <= limit;
    case Val::Kind::Array:
      out += '[';
      for (const Val& i : v.items) {
        if (!canonical(i, out, limit)) return false;
        out += ',';
      }
      out += ']';
      return out.size() <= limit;
    case Val::Kind::Object:
      out += '{';
      for (const ValMember& m : v.members) {
        if (!canonical(m.key, out, limit)) return false;
        out += ':';
        if (!canonical(m.value, out, limit)) return false;
        out += ',';
      }
      out += '}';
      return out.size() <= limit;
    case Val::Kind::String:
      // Not describe(): its text is shortened for messages, and a symbol must keep it whole.
      if (out.size() + v.str.size() + 2 > limit) return false;
      out += '\'';
      out += v.str;
      out += '\'';
      return true;
    case Val::Kind::ResourceId:
      // Every part by its canonical text: two IDs whose names are different unknowns differ.
      out += "resourceId(";
      for (const Val& s : v.scope) {
        if (!canonical(s, out, limit)) return false;
        out += ',';
      }
      out += v.str;
      for (const Val& n : v.items) {
        out += ',';
        if (!canonical(n, out, limit)) return false;
      }
      out += ')';
      return out.size() <= limit;
    default:
      out += describe(v);
      return out.size() <= limit;
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

Val too_large(const Args& args) { return with_deps(Val::unknown(value_too_large(kMaxValueBytes)), args); }

bool charge_work(size_t steps) {
  EvalBudget* budget = EvalBudget::current();
  return !budget || budget->charge_steps(steps);
}

bool append_bounded(std::string& out, std::string_view piece) {
  if (out.size() + piece.size() > kMaxValueBytes) return false;
  out += piece;
  return true;
}

namespace {
const char* kind_name(Val::Kind k) {
  switch (k) {
    case Val::Kind::Bool:
      return "a bool";
    case Val::Kind::Number:
      return "an int";
    case Val::Kind::String:
      return "a string";
    case Val::Kind::Array:
      return "an array";
    case Val::Kind::Object:
      return "an object";
    default:
      return "a value of that type";
  }
}
}  // namespace

std::optional<Val> expect(std::string_view name, const Args& args, std::initializer_list<Val::Kind> kinds) {
  if (Val u = first_unknown(args); u.is_unknown()) return unknown_call(name, args, u.str);
  size_t i = 0;
  for (const Val::Kind k : kinds) {
    if (k != Val::Kind::Absent && i < args.size() && args[i].kind != k) {
      return unknown_call(name, args,
                          std::string(name) + "(): argument " + std::to_string(i + 1) + " is not " + kind_name(k));
    }
    ++i;
  }
  return std::nullopt;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

size_t find_text(std::string_view text, std::string_view needle, size_t from) {
  if (from > text.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  const void* at = ::memmem(text.data() + from, text.size() - from, needle.data(), needle.size());
  return at ? static_cast<size_t>(static_cast<const char*>(at) - text.data()) : std::string_view::npos;
}

size_t rfind_text(std::string_view text, std::string_view needle) {
  if (needle.empty()) return text.size();
  // The last match is the first match in both texts reversed.
  const std::string reversed_text(text.rbegin(), text.rend());
  const std::string reversed_needle(needle.rbegin(), needle.rend());
  const size_t at = find_text(reversed_text, reversed_needle);
  return at == std::string_view::npos ? at : text.size() - at - needle.size();
}

size_t utf16_length(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if ((b & 0xC0) != 0x80) ++n;  // not a continuation byte: a code point starts
    if (b >= 0xF0) ++n;           // beyond the BMP: a surrogate pair
  }
  return n;
}

std::optional<Val> expect_ascii(std::string_view name, const Args& args) {
  for (const Val& a : args) {
    if (a.is_string() && !is_ascii(a.str)) {
      return unknown_call(name, args, std::string(name) + "(): non-ASCII text is not evaluated");
    }
  }
  return std::nullopt;
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

Val make_null(const Args& args) {
  Val r;
  r.kind = Val::Kind::Null;
  return with_deps(std::move(r), args);
}

Val make_array(std::vector<Val> items, const Args& args, Origin origin) {
  Val r;
  r.kind = Val::Kind::Array;
  r.items = std::move(items);
  r.origin = origin;
  return with_deps(std::move(r), args);
}

ValMember* find_member(Val& object, const Val& key) {
  if (!key.is_string()) return nullptr;
  for (ValMember& m : object.members) {
    if (m.key.is_string() && equals_ignore_case(m.key.str, key.str)) return &m;
  }
  return nullptr;
}

void set_member(Val& object, ValMember m) {
  if (ValMember* same = find_member(object, m.key)) {
    same->value = std::move(m.value);
  } else {
    object.members.push_back(std::move(m));
  }
}

bool renderable(const Val& v, std::string* why) {
  switch (v.kind) {
    case Val::Kind::Unknown:
      if (why) *why = v.str;
      return false;
    case Val::Kind::Absent:
      if (why) *why = "a value inside is not set";
      return false;
    case Val::Kind::ResourceId:
      if (why) *why = "a resource ID inside is not rendered as text";
      return false;
    case Val::Kind::Array:
      return std::all_of(v.items.begin(), v.items.end(), [&](const Val& i) { return renderable(i, why); });
    case Val::Kind::Object:
      return std::all_of(v.members.begin(), v.members.end(), [&](const ValMember& m) {
        return m.key.is_string() ? renderable(m.value, why) : renderable(m.key, why);
      });
    default:
      return true;
  }
}

std::string to_json(const Val& v) {
  switch (v.kind) {
    case Val::Kind::String: {
      std::string s = "\"";
      for (char c : v.str) {
        switch (c) {
          case '"':
            s += "\\\"";
            break;
          case '\\':
            s += "\\\\";
            break;
          case '\n':
            s += "\\n";
            break;
          case '\r':
            s += "\\r";
            break;
          case '\t':
            s += "\\t";
            break;
          default:
            if (static_cast<unsigned char>(c) < 0x20) {
              char buf[8];
              std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
              s += buf;
            } else {
              s += c;
            }
        }
      }
      return s + "\"";
    }
    case Val::Kind::Bool:
      return v.boolean ? "true" : "false";
    case Val::Kind::Number:
      return std::to_string(v.number);
    case Val::Kind::Null:
      return "null";
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
      return describe(v);
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

Origin call_origin(const Ctx& ctx, const ir::Node& n) {
  return Origin{ctx.kind, ctx.tmpl->file.get(), n.span, ctx.name};
}

Val eval_arg(Evaluator& ev, const Ctx& ctx, const ir::Node& n, size_t i) { return ev.evaluate(ctx, *n.args[i]); }

Args eval_args(Evaluator& ev, const Ctx& ctx, const ir::Node& n) {
  Args args;
  args.reserve(n.arg_count);
  for (uint32_t i = 0; i < n.arg_count; ++i) args.push_back(eval_arg(ev, ctx, n, i));
  return args;
}

}  // namespace idlint::fn
