// ARM string functions. Lengths count UTF-16 units as ARM does; functions whose positions or case
// rules would differ for non-ASCII text leave it Unknown rather than guess.
#include "expr/function_support.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace idlint::fn {
namespace {

// .NET composite formatting as ARM's format() uses it: {0}, {1:fmt} (format specifiers ignored), {{ }}.
// Calls text(std::string_view) for each literal run and arg(index, has_specifier) for each
// placeholder (arg returns false to stop). Returns why the format is invalid, or empty.
template <class Text, class Arg>
std::string walk_format(std::string_view f, size_t arguments, Text text, Arg arg) {
  size_t run = 0;  // start of the literal run not passed on yet
  for (size_t i = 0; i < f.size(); ++i) {
    const char c = f[i];
    if ((c == '{' || c == '}') && i + 1 < f.size() && f[i + 1] == c) {
      text(f.substr(run, i + 1 - run));  // up to and including one of the two braces
      run = i + 2;
      ++i;
    } else if (c == '{') {
      const size_t close = f.find('}', i);
      if (close == std::string_view::npos) return "format(): unbalanced '{'";
      const std::string_view spec = f.substr(i + 1, close - i - 1);
      const size_t colon = spec.find_first_of(":,");
      const std::string_view number = spec.substr(0, colon);
      size_t index = 0;
      const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), index);
      if (number.empty() || number.size() > 6 || ec != std::errc() || end != number.data() + number.size()) {
        return "format(): invalid placeholder '{" + std::string(spec) + "}'";
      }
      if (index + 1 >= arguments) return "format(): placeholder {" + std::string(number) + "} has no argument";
      text(f.substr(run, i - run));
      if (!arg(index + 1, colon != std::string_view::npos)) return {};
      run = close + 1;
      i = close;
    }
  }
  text(f.substr(run));
  return {};
}

Val format_call(const Args& args, Origin origin) {
  std::string out;
  std::optional<Val> stopped;
  const std::string error = walk_format(
      args[0].str, args.size(), [&](std::string_view run) { out += run; },
      [&](size_t index, bool has_specifier) {
        if (has_specifier && args[index].kind == Val::Kind::Number) {
          stopped = unknown_call("format", args, "format(): numeric format specifiers are not evaluated");
        } else if (!append_bounded(out, to_arm_string(args[index]))) {
          stopped = too_large(args);
        }
        return !stopped;
      });
  if (!error.empty()) return Val::unknown(error);
  if (stopped) return *stopped;
  if (out.size() > kMaxValueBytes) return too_large(args);
  return make_string(std::move(out), args, origin);
}

// How long concat() of strings is at least when some of them are unknown: the known parts, and what
// is known of the unknown ones. 0 when an argument is not text (concat() of arrays).
uint32_t concat_min_length(const Args& a) {
  size_t length = 0;
  for (const Val& v : a) {
    if (v.is_unknown()) {
      length += v.min_length;
    } else if (v.is_string()) {
      length += utf16_length(v.str);
    } else if (v.kind == Val::Kind::Number || v.kind == Val::Kind::Bool) {
      length += utf16_length(to_arm_string(v));
    } else {
      return 0;
    }
  }
  return static_cast<uint32_t>(std::min<size_t>(length, kMaxValueBytes));
}

// The same for format() with a known format string: its literal text, the known strings it
// inserts and what is known of the unknown ones. Nothing is copied: Bicep interpolation is format(),
// and most of it has an unknown part.
uint32_t format_min_length(const Args& a) {
  size_t length = 0;
  const std::string error = walk_format(
      a[0].str, a.size(), [&](std::string_view run) { length += utf16_length(run); },
      [&](size_t index, bool) {
        const Val& v = a[index];
        length += v.is_unknown() ? v.min_length : v.is_string() ? utf16_length(v.str) : 0;
        return true;
      });
  return error.empty() ? static_cast<uint32_t>(std::min<size_t>(length, kMaxValueBytes)) : 0;
}

// concat('UserAssignedIdentity=', resourceId(…)) and its format() and interpolation forms: unknown as
// text (a resource ID is not rendered), but a rule can still compare the resource ID after the text.
Val text_then_resource_id(std::string_view name, const Args& a, std::string text, const Val& id) {
  Val r = unknown_call(name, a, std::string(name) + "(): a resource ID inside is not rendered as text");
  r.min_length = static_cast<uint32_t>(std::min<size_t>(utf16_length(text), kMaxValueBytes));
  r.facet = Val::Facet::TextThenResourceId;
  r.items = {Val::string(std::move(text)), id};
  return r;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string to_upper_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// toLower() / toUpper().
Val change_case(std::string_view fn, const Args& a, Origin o, bool upper) {
  if (auto u = expect(fn, a, {Val::Kind::String})) return *u;
  if (auto u = expect_ascii(fn, a)) return *u;
  return make_string(upper ? to_upper_ascii(a[0].str) : to_lower_ascii(a[0].str), a, o);
}

// startsWith() / endsWith(): case-insensitive, as ARM compares them.
Val affix(std::string_view fn, const Args& a, bool at_end) {
  if (auto u = expect(fn, a, {Val::Kind::String, Val::Kind::String})) return *u;
  if (auto u = expect_ascii(fn, a)) return *u;
  const std::string& s = a[0].str;
  const std::string& x = a[1].str;
  if (x.size() > s.size()) return make_bool(false, a);
  return make_bool(equals_ignore_case(std::string_view(s).substr(at_end ? s.size() - x.size() : 0, x.size()), x), a);
}

// split(text, delimiter or delimiters): at each position the first delimiter (in the order given)
// that matches there splits; empty delimiters are ignored, as .NET's String.Split does.
// The segments of a resourceId() value split at '/', as its rendered ID would split:
// '', 'subscriptions', S, 'resourceGroups', G, 'providers', namespace, type, name, …. The deployment's
// subscription and resource group are Unknown with their stable symbols. So `last(split(id, '/'))`
// is the name even when the ID was built, not written.
std::optional<Val> split_resource_id(const Args& a) {
  const Val& id = a[0];
  if (id.kind != Val::Kind::ResourceId || !a[1].is_string() || a[1].str != "/") return std::nullopt;
  if (!id.scope.empty() && id.scope.size() != 2) return std::nullopt;  // subscription/tenant-level IDs
  std::vector<Val> parts;
  auto literal = [&](std::string text) { parts.push_back(Val::string(std::move(text))); };
  literal("");
  literal("subscriptions");
  parts.push_back(
      id.scope.empty()
          ? unknown_call("subscription", {}, "subscription(): known only at deployment").member("subscriptionId")
          : id.scope[0]);
  literal("resourceGroups");
  parts.push_back(id.scope.empty()
                      ? unknown_call("resourceGroup", {}, "resourceGroup(): known only at deployment").member("name")
                      : id.scope[1]);
  literal("providers");
  std::vector<std::string> types;
  for (size_t from = 0;;) {
    const size_t slash = id.str.find('/', from);
    types.push_back(id.str.substr(from, slash == std::string::npos ? std::string::npos : slash - from));
    if (slash == std::string::npos) break;
    from = slash + 1;
  }
  if (types.size() != id.items.size() + 1) return std::nullopt;
  literal(types[0]);
  for (size_t i = 0; i < id.items.size(); ++i) {
    literal(types[i + 1]);
    parts.push_back(id.items[i]);
  }
  return make_array(std::move(parts), a, {});
}

Val split_call(const Args& a) {
  if (auto r = split_resource_id(a)) return *r;
  if (auto u = expect("split", a, {Val::Kind::String})) return *u;
  std::vector<std::string_view> delimiters;
  if (a[1].is_string()) {
    delimiters.push_back(a[1].str);
  } else if (a[1].kind == Val::Kind::Array) {
    for (const Val& d : a[1].items) {
      if (!d.is_string())
        return unknown_call("split", a, d.is_unknown() ? d.str : "split(): a delimiter is not a string");
      delimiters.push_back(d.str);
    }
  } else {
    return unknown_call("split", a, "split(): the delimiter is not a string or an array of strings");
  }
  delimiters.erase(std::remove(delimiters.begin(), delimiters.end(), std::string_view()), delimiters.end());
  const std::string& s = a[0].str;
  std::vector<Val> parts;
  auto add_part = [&](size_t from, size_t to) {
    Val part = Val::string(s.substr(from, to - from));
    part.origin = a[0].origin;
    part.deps = a[0].deps;
    parts.push_back(std::move(part));
  };
  // Each delimiter's next match, found once and again only when the text has moved past it, so that
  // splitting stays linear in the text however the delimiters are chosen.
  if (!charge_work(delimiters.size() * (s.size() / 1024 + 1))) {
    return unknown_call("split", a, EvalBudget::current()->reason());
  }
  std::vector<size_t> next(delimiters.size(), 0);
  for (size_t k = 0; k < delimiters.size(); ++k) next[k] = find_text(s, delimiters[k]);
  size_t start = 0;
  for (size_t i = 0;;) {
    size_t best = std::string::npos;
    size_t which = 0;
    for (size_t k = 0; k < delimiters.size(); ++k) {
      if (next[k] < i) next[k] = find_text(s, delimiters[k], i);
      if (next[k] < best) {  // on a tie the delimiter given first wins
        best = next[k];
        which = k;
      }
    }
    if (best == std::string::npos) break;
    add_part(start, best);
    i = best + delimiters[which].size();
    start = i;
    if (parts.size() > kMaxItems) return unknown_call("split", a, "split(): too many items");
  }
  add_part(start, s.size());
  return make_array(std::move(parts), a, {});
}

Val join_call(const Args& a) {
  if (auto u = expect("join", a, {Val::Kind::Array, Val::Kind::String})) return *u;
  std::string out;
  for (size_t i = 0; i < a[0].items.size(); ++i) {
    const Val& item = a[0].items[i];
    if (item.kind != Val::Kind::String && item.kind != Val::Kind::Number && item.kind != Val::Kind::Bool) {
      return unknown_call("join", a, item.is_unknown() ? item.str : "join(): an item is not a string");
    }
    if ((i && !append_bounded(out, a[1].str)) || !append_bounded(out, to_arm_string(item))) return too_large(a);
  }
  return make_string(std::move(out), a, {});
}

Val replace_call(const Args& a, Origin o) {
  if (auto u = expect("replace", a, {Val::Kind::String, Val::Kind::String, Val::Kind::String})) return *u;
  const std::string& from = a[1].str;
  if (from.empty()) return unknown_call("replace", a, "replace(): the text to replace is empty");
  std::string out;
  const std::string& s = a[0].str;
  size_t i = 0;
  for (size_t hit; (hit = find_text(s, from, i)) != std::string::npos; i = hit + from.size()) {
    out.append(s, i, hit - i);
    if (!append_bounded(out, a[2].str)) return too_large(a);
  }
  out.append(s, i);
  return make_string(std::move(out), a, o);
}

// substring(text[, start[, length]]): outside the string is an error in ARM, so Unknown here.
Val substring_call(const Args& a) {
  if (auto u = expect("substring", a, {Val::Kind::String, Val::Kind::Number, Val::Kind::Number})) return *u;
  if (auto u = expect_ascii("substring", a)) return *u;
  const auto size = static_cast<long long>(a[0].str.size());
  const long long start = a.size() > 1 ? a[1].number : 0;
  if (start < 0 || start > size) {
    return unknown_call("substring", a, "substring(): the start index is outside the string");
  }
  const long long length = a.size() > 2 ? a[2].number : size - start;
  if (length < 0 || length > size - start) {
    return unknown_call("substring", a, "substring(): the length reaches outside the string");
  }
  return make_string(a[0].str.substr(static_cast<size_t>(start), static_cast<size_t>(length)), a, a[0].origin);
}

Val trim_call(const Args& a) {
  if (auto u = expect("trim", a, {Val::Kind::String})) return *u;
  const std::string& s = a[0].str;
  size_t b = 0;
  size_t e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  // .NET also trims non-ASCII white space (no-break space, ideographic space, ...).
  if (b < e && (!is_ascii(s.substr(b, 1)) || !is_ascii(s.substr(e - 1, 1)))) {
    return unknown_call("trim", a, "trim(): non-ASCII text at an end is not evaluated");
  }
  return make_string(s.substr(b, e - b), a, a[0].origin);
}

// padLeft(value, totalLength[, paddingCharacter]).
Val pad_left_call(const Args& a, Origin o) {
  if (auto u = expect("padLeft", a, {Val::Kind::Absent, Val::Kind::Number, Val::Kind::String})) return *u;
  constexpr long long kMaxLength = 1 << 16;
  std::string s;
  if (a[0].is_string()) {
    s = a[0].str;
  } else if (a[0].kind == Val::Kind::Number) {
    s = std::to_string(a[0].number);
  } else {
    return unknown_call("padLeft", a, "padLeft(): argument 1 is not a string or an int");
  }
  const std::string pad = a.size() > 2 ? a[2].str : " ";
  if (pad.size() != 1 || !is_ascii(pad)) {
    return unknown_call("padLeft", a, "padLeft(): the padding is not a single ASCII character");
  }
  if (a[1].number > kMaxLength) return unknown_call("padLeft", a, "padLeft(): the length is too large");
  const auto length = static_cast<long long>(utf16_length(s));
  if (a[1].number > length) s.insert(0, static_cast<size_t>(a[1].number - length), pad[0]);
  return make_string(std::move(s), a, o);
}

}  // namespace

std::vector<Function> text_functions() {
  return {
      {"concat",
       1,
       SIZE_MAX,
       {},
       [](const Args& a, Origin o) {
         if (Val u = first_unknown(a); u.is_unknown()) {
           Val r = unknown_call("concat", a, u.str);
           r.min_length = concat_min_length(a);
           return r;
         }
         if (a[0].kind == Val::Kind::Array) {
           Val r = make_array({}, a, o);
           size_t weight = 0;
           for (const Val& v : a) {
             if (v.kind == Val::Kind::Array) {
               // The copies are counted before they are made (the evaluator weighs the result).
               weight += v.weight;
               if (weight > kMaxValueBytes) return too_large(a);
               r.items.insert(r.items.end(), v.items.begin(), v.items.end());
             } else if (!v.is_unset()) {
               return unknown_call("concat", a, "concat(): mixes arrays and other values");
             }
           }
           return r;
         }
         if (a.size() == 2 && a[0].is_string() && a[1].kind == Val::Kind::ResourceId) {
           return text_then_resource_id("concat", a, a[0].str, a[1]);
         }
         std::string s;
         for (const Val& v : a) {
           if (v.kind == Val::Kind::Array || v.kind == Val::Kind::Object || v.kind == Val::Kind::ResourceId) {
             return unknown_call("concat", a, "concat(): mixes strings and other values");
           }
           if (!append_bounded(s, to_arm_string(v))) return too_large(a);
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
         // An unknown argument's reason is the format's (nested calls do not repeat "format(): ").
         if (Val u = first_unknown(a); u.is_unknown()) {
           Val r = unknown_call("format", a, u.str);
           r.min_length = format_min_length(a);
           return r;
         }
         if (const std::string& f = a[0].str; a.size() == 2 && a[1].kind == Val::Kind::ResourceId && f.size() > 3 &&
             f.compare(f.size() - 3, 3, "{0}") == 0 && f.find_first_of("{}") == f.size() - 3) {
           return text_then_resource_id("format", a, f.substr(0, f.size() - 3), a[1]);
         }
         for (const Val& v : a) {
           if (std::string why; !renderable(v, &why)) return unknown_call("format", a, "format(): " + why);
         }
         return format_call(a, o);
       }},
      {"toLower", 1, 1, {}, [](const Args& a, Origin o) { return change_case("toLower", a, o, false); }},
      {"toUpper", 1, 1, {}, [](const Args& a, Origin o) { return change_case("toUpper", a, o, true); }},
      {"string",
       1,
       1,
       {},
       [](const Args& a, Origin o) {
         if (a[0].kind == Val::Kind::ResourceId) return with_deps(a[0], a);  // the ID as a string
         if (std::string why; !renderable(a[0], &why)) return unknown_call("string", a, why);
         return make_string(to_arm_string(a[0]), a, o);
       }},
      {"split", 2, 2, {}, [](const Args& a, Origin) { return split_call(a); }},
      {"join", 2, 2, {}, [](const Args& a, Origin) { return join_call(a); }},
      {"replace", 3, 3, {}, replace_call},
      {"substring", 1, 3, {}, [](const Args& a, Origin) { return substring_call(a); }},
      {"startsWith", 2, 2, {}, [](const Args& a, Origin) { return affix("startsWith", a, false); }},
      {"endsWith", 2, 2, {}, [](const Args& a, Origin) { return affix("endsWith", a, true); }},
      {"trim", 1, 1, {}, [](const Args& a, Origin) { return trim_call(a); }},
      {"padLeft", 2, 3, {}, pad_left_call},
  };
}

}  // namespace idlint::fn
