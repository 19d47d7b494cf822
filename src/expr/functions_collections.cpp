// ARM array and object functions, the functions shared by arrays and strings (first, skip, indexOf,
// ...), and json().
#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>

#include "expr/function_support.h"

namespace idlint::fn {
namespace {

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

// Whether items holds a value equal to x: Unknown when only an unknown comparison could say yes.
Tri holds(const std::vector<Val>& items, const Val& x) {
  if (!charge_work(items.size())) return Tri::Unknown;  // union() of two long arrays compares every pair
  Tri r = Tri::No;
  for (const Val& e : items) {
    const Tri t = values_equal(e, x);
    if (t == Tri::Yes) return t;
    if (t == Tri::Unknown) r = t;
  }
  return r;
}

bool string_keys(const Val& object) {
  return std::all_of(object.members.begin(), object.members.end(),
                     [](const ValMember& m) { return m.key.is_string(); });
}

// union(): objects merge recursively (nested arrays do not); arrays keep each distinct item once. False
// when an unknown item leaves the result undecided. (Keys that are not strings, such as resource IDs,
// are kept apart.)
bool union_into(Val& into, const Val& from) {
  into.weight = 0;  // changed in place, at any depth: weighed again when the result is returned
  if (into.kind == Val::Kind::Object && from.kind == Val::Kind::Object) {
    for (const ValMember& m : from.members) {
      ValMember* same = find_member(into, m.key);
      if (!same) {
        into.members.push_back(m);
      } else if (same->value.kind == Val::Kind::Object && m.value.kind == Val::Kind::Object) {
        if (!union_into(same->value, m.value)) return false;
      } else {
        same->value = m.value;
      }
    }
  } else if (into.kind == Val::Kind::Array && from.kind == Val::Kind::Array) {
    for (const Val& item : from.items) {
      const Tri present = holds(into.items, item);
      if (present == Tri::Unknown) return false;
      if (present == Tri::No) into.items.push_back(item);
    }
  }
  merge_deps(into, from);
  return true;
}

// intersection(): the first argument's items (or members) that every other argument has too.
Val intersection_call(const Args& a, Origin o) {
  if (Val u = first_unknown(a); u.is_unknown()) return unknown_call("intersection", a, u.str);
  const Val::Kind kind = a[0].kind;
  if ((kind != Val::Kind::Array && kind != Val::Kind::Object) ||
      std::any_of(a.begin(), a.end(), [&](const Val& v) { return v.kind != kind; })) {
    return unknown_call("intersection", a, "intersection(): the arguments are not all arrays or all objects");
  }
  const char* const undecided = "intersection(): an unknown item or key leaves the result undecided";
  Val r = a[0];
  r.origin = o;
  if (kind == Val::Kind::Array) {
    r.items.clear();
    for (const Val& item : a[0].items) {
      const Tri seen = holds(r.items, item);  // each item once
      if (seen == Tri::Unknown) return unknown_call("intersection", a, undecided);
      Tri keep = seen == Tri::Yes ? Tri::No : Tri::Yes;
      for (size_t i = 1; i < a.size() && keep == Tri::Yes; ++i) keep = holds(a[i].items, item);
      if (keep == Tri::Unknown) return unknown_call("intersection", a, undecided);
      if (keep == Tri::Yes) r.items.push_back(item);
    }
  } else {
    if (!std::all_of(a.begin(), a.end(), string_keys)) return unknown_call("intersection", a, undecided);
    r.members.clear();
    for (const ValMember& m : a[0].members) {
      Tri keep = Tri::Yes;
      for (size_t i = 1; i < a.size() && keep == Tri::Yes; ++i) {
        const Val other = a[i].member(m.key.str);
        keep = other.is_absent() ? Tri::No : values_equal(m.value, other);
      }
      if (keep == Tri::Unknown) return unknown_call("intersection", a, undecided);
      if (keep == Tri::Yes) r.members.push_back(m);
    }
  }
  return with_deps(std::move(r), a);
}

Val contains_call(const Args& a) {
  if (Val u = first_unknown(a); u.is_unknown()) return unknown_call("contains", a, u.str);
  const Val& c = a[0];
  const Val& item = a[1];
  const bool scalar = item.is_string() || item.kind == Val::Kind::Number || item.kind == Val::Kind::Bool;
  if (c.is_string() && scalar) return make_bool(find_text(c.str, to_arm_string(item)) != std::string::npos, a);
  if (c.kind == Val::Kind::Object && item.is_string()) {
    const Val m = c.member(item.str);
    if (m.is_unknown()) return unknown_call("contains", a, m.str);
    return make_bool(!m.is_absent(), a);
  }
  if (c.kind == Val::Kind::Array) {
    const Tri t = holds(c.items, item);
    if (t == Tri::Unknown) return unknown_call("contains", a, "contains(): an item is unknown");
    return make_bool(t == Tri::Yes, a);
  }
  return unknown_call("contains", a, "contains(): unsupported arguments");
}

// A known array or string (ASCII: positions are byte-wise here), or the Unknown to return.
std::optional<Val> expect_sequence(std::string_view fn, const Args& a) {
  if (Val u = first_unknown(a); u.is_unknown()) return unknown_call(fn, a, u.str);
  if (a[0].kind != Val::Kind::Array && !a[0].is_string()) {
    return unknown_call(fn, a, std::string(fn) + "(): argument 1 is not an array or a string");
  }
  return expect_ascii(fn, a);
}

size_t sequence_size(const Val& v) { return v.is_string() ? v.str.size() : v.items.size(); }

// Items [from, from + count) of an array, or characters of a string; the part keeps its input's origin.
Val slice(const Args& a, size_t from, size_t count) {
  const Val& v = a[0];
  if (v.is_string()) return make_string(v.str.substr(from, count), a, v.origin);
  const auto begin = v.items.begin() + static_cast<std::ptrdiff_t>(from);
  return make_array(std::vector<Val>(begin, begin + static_cast<std::ptrdiff_t>(count)), a, {});
}

// first() / last(): a string's first or last character, an array's first or last item (null when empty).
Val end_item(std::string_view fn, const Args& a, bool last) {
  if (auto u = expect_sequence(fn, a)) return *u;
  const size_t n = sequence_size(a[0]);
  if (n == 0) return a[0].is_string() ? slice(a, 0, 0) : make_null(a);
  if (a[0].is_string()) return slice(a, last ? n - 1 : 0, 1);
  return with_deps(a[0].items[last ? n - 1 : 0], a);
}

// skip() / take(): counts below zero act as zero, counts past the end as the whole length.
Val skip_or_take(std::string_view fn, const Args& a, bool skip) {
  if (auto u = expect_sequence(fn, a)) return *u;
  if (auto u = expect(fn, a, {Val::Kind::Absent, Val::Kind::Number})) return *u;
  const size_t n = sequence_size(a[0]);
  const size_t k = static_cast<size_t>(std::clamp<long long>(a[1].number, 0, static_cast<long long>(n)));
  return skip ? slice(a, k, n - k) : slice(a, 0, k);
}

// indexOf() / lastIndexOf(): in a string case-insensitively (as ARM compares), in an array by equality.
Val index_of(std::string_view fn, const Args& a, bool last) {
  if (auto u = expect_sequence(fn, a)) return *u;
  const Val& v = a[0];
  if (v.is_string()) {
    if (!a[1].is_string()) return unknown_call(fn, a, std::string(fn) + "(): argument 2 is not a string");
    if (auto u = expect_ascii(fn, a)) return *u;
    if (last && a[1].str.empty())
      return unknown_call(fn, a, "lastIndexOf(): an empty string's position is not settled");
    const std::string s = to_lower_ascii(v.str);
    const std::string x = to_lower_ascii(a[1].str);
    const size_t at = last ? rfind_text(s, x) : find_text(s, x);
    return make_number(at == std::string::npos ? -1 : static_cast<long long>(at), a);
  }
  const size_t n = v.items.size();
  for (size_t k = 0; k < n; ++k) {
    const size_t i = last ? n - 1 - k : k;
    const Tri t = values_equal(v.items[i], a[1]);
    if (t == Tri::Yes) return make_number(static_cast<long long>(i), a);
    if (t == Tri::Unknown) return unknown_call(fn, a, std::string(fn) + "(): an item is unknown");
  }
  return make_number(-1, a);
}

Val object_entry(const ValMember& m) {
  Val entry;
  entry.kind = Val::Kind::Object;
  entry.members.push_back(ValMember{Val::string("key"), m.key, m.key_file, m.key_span});
  entry.members.push_back(ValMember{Val::string("value"), m.value, m.key_file, m.key_span});
  return entry;
}

// items(): [{key, value}] sorted by key, as ARM returns them.
Val items_call(const Args& a, Origin o) {
  if (auto u = expect("items", a, {Val::Kind::Object})) return *u;
  if (!string_keys(a[0])) return unknown_call("items", a, "items(): a key is not a known string");
  std::vector<const ValMember*> sorted;
  for (const ValMember& m : a[0].members) sorted.push_back(&m);
  std::stable_sort(sorted.begin(), sorted.end(), [](const ValMember* x, const ValMember* y) {
    return to_lower_ascii(x->key.str) < to_lower_ascii(y->key.str);
  });
  std::vector<Val> entries;
  entries.reserve(sorted.size());
  for (const ValMember* m : sorted) entries.push_back(object_entry(*m));
  return make_array(std::move(entries), a, o);
}

Val object_keys_call(const Args& a, Origin o) {
  if (auto u = expect("objectKeys", a, {Val::Kind::Object})) return *u;
  std::vector<Val> keys;
  for (const ValMember& m : a[0].members) keys.push_back(m.key);
  return make_array(std::move(keys), a, o);
}

// shallowMerge([objects]): members of later objects replace earlier ones; nested objects are not merged.
Val shallow_merge_call(const Args& a, Origin o) {
  if (auto u = expect("shallowMerge", a, {Val::Kind::Array})) return *u;
  Val r;
  r.kind = Val::Kind::Object;
  r.origin = o;
  for (const Val& item : a[0].items) {
    if (item.kind != Val::Kind::Object) {
      return unknown_call("shallowMerge", a, item.is_unknown() ? item.str : "shallowMerge(): an item is not an object");
    }
    for (const ValMember& m : item.members) set_member(r, m);
  }
  return with_deps(std::move(r), a);
}

// flatten([arrays]): one array of their items.
Val flatten_call(const Args& a, Origin o) {
  if (auto u = expect("flatten", a, {Val::Kind::Array})) return *u;
  std::vector<Val> items;
  for (const Val& inner : a[0].items) {
    if (inner.kind != Val::Kind::Array) {
      return unknown_call("flatten", a, inner.is_unknown() ? inner.str : "flatten(): an item is not an array");
    }
    if (items.size() + inner.items.size() > kMaxItems) return unknown_call("flatten", a, "flatten(): too many items");
    items.insert(items.end(), inner.items.begin(), inner.items.end());
  }
  return make_array(std::move(items), a, o);
}

// A parsed JSON value as a Val; its literals are where the JSON text was written.
Val from_json(const nlohmann::ordered_json& j, const Origin& origin, unsigned depth) {
  constexpr unsigned kMaxDepth = 64;
  if (depth > kMaxDepth) return Val::unknown("json(): the value is nested too deeply");
  Val r;
  r.origin = origin;
  switch (j.type()) {
    case nlohmann::ordered_json::value_t::null:
      r.kind = Val::Kind::Null;
      return r;
    case nlohmann::ordered_json::value_t::boolean:
      r.kind = Val::Kind::Bool;
      r.boolean = j.get<bool>();
      return r;
    case nlohmann::ordered_json::value_t::number_integer:
      r.kind = Val::Kind::Number;
      r.number = j.get<long long>();
      return r;
    case nlohmann::ordered_json::value_t::number_unsigned:
      if (j.get<unsigned long long>() > static_cast<unsigned long long>(LLONG_MAX)) {
        return Val::unknown("json(): the number is too large");
      }
      r.kind = Val::Kind::Number;
      r.number = j.get<long long>();
      return r;
    case nlohmann::ordered_json::value_t::string:
      r.kind = Val::Kind::String;
      r.str = j.get<std::string>();
      return r;
    case nlohmann::ordered_json::value_t::array:
      r.kind = Val::Kind::Array;
      for (const auto& item : j) r.items.push_back(from_json(item, origin, depth + 1));
      return r;
    case nlohmann::ordered_json::value_t::object:
      r.kind = Val::Kind::Object;
      for (const auto& [key, value] : j.items()) {
        Val k = Val::string(key);
        k.origin = origin;
        r.members.push_back(ValMember{std::move(k), from_json(value, origin, depth + 1), origin.file, origin.span});
      }
      return r;
    default:
      return Val::unknown("json(): fractional numbers are not evaluated");
  }
}

Val json_call(const Args& a) {
  if (auto u = expect("json", a, {Val::Kind::String})) return *u;
  const auto j = nlohmann::ordered_json::parse(a[0].str, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (j.is_discarded()) return unknown_call("json", a, "json(): the text is not valid JSON");
  return with_deps(from_json(j, a[0].origin, 0), a);
}

Val try_get_call(const Args& a) {
  Val cur = a[0];
  for (size_t i = 1; i < a.size(); ++i) {
    if (cur.is_unset()) return make_null(a);
    const Val& key = a[i];
    if (cur.is_unknown() || key.is_unknown()) return unknown_call("tryGet", a, "tryGet(): " + first_unknown(a).str);
    if (cur.kind == Val::Kind::Object && key.is_string()) {
      Val m = cur.member(key.str);
      if (m.is_unknown()) return unknown_call("tryGet", a, m.str);
      if (m.is_absent()) return make_null(a);
      cur = std::move(m);
    } else if (cur.kind == Val::Kind::Array && key.kind == Val::Kind::Number) {
      if (key.number < 0 || static_cast<size_t>(key.number) >= cur.items.size()) return make_null(a);
      Val item = cur.items[static_cast<size_t>(key.number)];  // copied first: cur owns it
      cur = std::move(item);
    } else {
      return unknown_call("tryGet", a, "tryGet(): unsupported arguments");
    }
  }
  return with_deps(std::move(cur), a);
}

}  // namespace

std::vector<Function> collection_functions() {
  return {
      {"empty",
       1,
       1,
       {},
       [](const Args& a, Origin) {
         if (a[0].is_unknown() && a[0].min_length > 0) return make_bool(false, a);  // '${prefix}-id'
         if (a[0].is_unknown()) return unknown_call("empty", a, a[0].str);
         return make_bool(is_empty_value(a[0]), a);
       }},
      {"length",
       1,
       1,
       {},
       [](const Args& a, Origin) {
         switch (a[0].kind) {
           case Val::Kind::String:
             return make_number(static_cast<long long>(utf16_length(a[0].str)), a);
           case Val::Kind::Array:
             return make_number(static_cast<long long>(a[0].items.size()), a);
           case Val::Kind::Object:
             return make_number(static_cast<long long>(a[0].members.size()), a);
           case Val::Kind::Unknown: {
             Val r = unknown_call("length", a, a[0].str);
             r.min_number = a[0].min_length;
             return r;
           }
           default:
             return unknown_call("length", a, "length(): unsupported argument");
         }
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
         if (r.kind == Val::Kind::Array) r.items.clear();  // an array's own duplicates go too
         for (size_t i = r.kind == Val::Kind::Array ? 0 : 1; i < a.size(); ++i) {
           if (a[i].kind != r.kind) return unknown_call("union", a, "union(): arguments of different kinds");
           if (!union_into(r, a[i])) {
             return unknown_call("union", a, "union(): an unknown item leaves the result undecided");
           }
         }
         r.origin = o;
         return r;
       }},
      {"intersection", 2, SIZE_MAX, {}, intersection_call},
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
           if (!usable_key(a[i])) return Val::unknown("createObject(): a key is not a string");
           r.members.push_back(ValMember{a[i], a[i + 1], a[i].origin.file, a[i].origin.span});
         }
         return with_deps(std::move(r), a);
       }},
      {"createArray", 0, SIZE_MAX, {}, [](const Args& a, Origin o) { return make_array(a, a, o); }},
      {"contains", 2, 2, {}, [](const Args& a, Origin) { return contains_call(a); }},
      // What Bicep's `.?` and `[?…]` compile to: a member or item, null when absent.
      {"tryGet", 2, SIZE_MAX, {}, [](const Args& a, Origin) { return try_get_call(a); }},
      {"first", 1, 1, {}, [](const Args& a, Origin) { return end_item("first", a, false); }},
      {"last", 1, 1, {}, [](const Args& a, Origin) { return end_item("last", a, true); }},
      {"skip", 2, 2, {}, [](const Args& a, Origin) { return skip_or_take("skip", a, true); }},
      {"take", 2, 2, {}, [](const Args& a, Origin) { return skip_or_take("take", a, false); }},
      {"indexOf", 2, 2, {}, [](const Args& a, Origin) { return index_of("indexOf", a, false); }},
      {"lastIndexOf", 2, 2, {}, [](const Args& a, Origin) { return index_of("lastIndexOf", a, true); }},
      {"items", 1, 1, {}, items_call},
      {"objectKeys", 1, 1, {}, object_keys_call},
      {"shallowMerge", 1, 1, {}, shallow_merge_call},
      {"flatten", 1, 1, {}, flatten_call},
      {"json", 1, 1, {}, [](const Args& a, Origin) { return json_call(a); }},
  };
}

}  // namespace idlint::fn
