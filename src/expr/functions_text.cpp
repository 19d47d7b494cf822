// ARM string functions.
#include "expr/function_support.h"

namespace idlint::fn {
namespace {

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

}  // namespace

std::vector<Function> text_functions() {
  return {
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
  };
}

}  // namespace idlint::fn
