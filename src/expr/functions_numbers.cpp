// ARM numeric and comparison functions, conversions (int, bool) and range(). Integers only: an
// overflow, a division by zero or a fraction is Unknown.
#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdint>

#include "expr/function_support.h"

namespace idlint::fn {
namespace {

enum class Op : uint8_t { Add, Sub, Mul, Div, Mod };

Val arithmetic(std::string_view fn, const Args& a, Op op) {
  if (auto u = expect(fn, a, {Val::Kind::Number, Val::Kind::Number})) return *u;
  const long long x = a[0].number;
  const long long y = a[1].number;
  long long r = 0;
  bool overflow = false;
  switch (op) {
    case Op::Add:
      overflow = __builtin_add_overflow(x, y, &r);
      break;
    case Op::Sub:
      overflow = __builtin_sub_overflow(x, y, &r);
      break;
    case Op::Mul:
      overflow = __builtin_mul_overflow(x, y, &r);
      break;
    case Op::Div:
    case Op::Mod:
      if (y == 0) return unknown_call(fn, a, std::string(fn) + "(): division by zero");
      if (x == LLONG_MIN && y == -1) {
        overflow = op == Op::Div;
      } else {
        r = op == Op::Div ? x / y : x % y;  // truncating toward zero, as .NET does
      }
      break;
  }
  if (overflow) return unknown_call(fn, a, std::string(fn) + "(): the result does not fit in an integer");
  return make_number(r, a);
}

// less() and friends: two ints, or two strings compared ordinally.
Val compare(std::string_view fn, const Args& a, bool (*accept)(int)) {
  if (Val u = first_unknown(a); u.is_unknown()) {
    // length('${p}-id') is at least 3: compared with a number below that, the outcome is known.
    const bool left = a[0].is_unknown();
    const Val& bounded = left ? a[0] : a[1];
    const Val& other = left ? a[1] : a[0];
    if (bounded.min_number > 0 && other.kind == Val::Kind::Number) {
      const long long low = bounded.min_number;
      const long long n = other.number;
      // The orderings possible for (bounded, n): greater always; equal when n >= low; less when n > low.
      const bool can_equal = n >= low;
      const bool can_less = n > low;
      const int greater = left ? 1 : -1;  // compare(a[0], a[1]) counts the other way round when right
      const bool result = accept(greater);
      if ((!can_equal || accept(0) == result) && (!can_less || accept(-greater) == result)) return make_bool(result, a);
    }
    return unknown_call(fn, a, u.str);
  }
  int c = 0;
  if (a[0].kind == Val::Kind::Number && a[1].kind == Val::Kind::Number) {
    c = a[0].number < a[1].number ? -1 : a[0].number > a[1].number ? 1 : 0;
  } else if (a[0].is_string() && a[1].is_string()) {
    c = a[0].str.compare(a[1].str);
  } else {
    return unknown_call(fn, a, std::string(fn) + "(): the arguments are not two ints or two strings");
  }
  return make_bool(accept(c), a);
}

// min() / max() of ints given as arguments or as one array.
Val extreme(std::string_view fn, const Args& a, bool want_max) {
  if (Val u = first_unknown(a); u.is_unknown()) return unknown_call(fn, a, u.str);
  const std::vector<Val>& values = a.size() == 1 && a[0].kind == Val::Kind::Array ? a[0].items : a;
  if (values.empty()) return unknown_call(fn, a, std::string(fn) + "(): no values");
  const Val* best = nullptr;
  for (const Val& v : values) {
    if (v.kind != Val::Kind::Number) {
      return unknown_call(fn, a, v.is_unknown() ? v.str : std::string(fn) + "(): a value is not an int");
    }
    if (!best || (want_max ? v.number > best->number : v.number < best->number)) best = &v;
  }
  return with_deps(*best, a);
}

// int(): an int, or a string holding one (surrounding white space allowed).
Val int_call(const Args& a) {
  if (Val u = first_unknown(a); u.is_unknown()) return unknown_call("int", a, u.str);
  if (a[0].kind == Val::Kind::Number) return with_deps(a[0], a);
  if (a[0].is_string()) {
    std::string_view s = a[0].str;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    if (s.size() > 1 && s.front() == '+' && s[1] != '-') s.remove_prefix(1);
    long long v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (!s.empty() && ec == std::errc() && end == s.data() + s.size()) return make_number(v, a);
  }
  return unknown_call("int", a, "int(): the value is not an integer");
}

// bool(): a bool, 'true' / 'false' in any case, or an int (zero is false).
Val bool_call(const Args& a) {
  if (Val u = first_unknown(a); u.is_unknown()) return unknown_call("bool", a, u.str);
  if (a[0].kind == Val::Kind::Bool) return with_deps(a[0], a);
  if (a[0].kind == Val::Kind::Number) return make_bool(a[0].number != 0, a);
  if (a[0].is_string() && (equals_ignore_case(a[0].str, "true") || equals_ignore_case(a[0].str, "false"))) {
    return make_bool(equals_ignore_case(a[0].str, "true"), a);
  }
  return unknown_call("bool", a, "bool(): the value is not a bool");
}

// range(start, count): ARM allows up to 10000 items, with start + count at most 2^31 - 1.
Val range_call(const Args& a, Origin o) {
  if (auto u = expect("range", a, {Val::Kind::Number, Val::Kind::Number})) return *u;
  const long long start = a[0].number;
  const long long count = a[1].number;
  if (count < 0 || count > 10000 || start < INT32_MIN || start + count > INT32_MAX) {
    return unknown_call("range", a, "range(): the start and count are out of range");
  }
  if (static_cast<size_t>(count) > kMaxItems) return unknown_call("range", a, "range(): too many items");
  std::vector<Val> items;
  for (long long i = 0; i < count; ++i) items.push_back(make_number(start + i));
  return make_array(std::move(items), a, o);
}

}  // namespace

std::vector<Function> number_functions() {
  return {
      {"add", 2, 2, {}, [](const Args& a, Origin) { return arithmetic("add", a, Op::Add); }},
      {"sub", 2, 2, {}, [](const Args& a, Origin) { return arithmetic("sub", a, Op::Sub); }},
      {"mul", 2, 2, {}, [](const Args& a, Origin) { return arithmetic("mul", a, Op::Mul); }},
      {"div", 2, 2, {}, [](const Args& a, Origin) { return arithmetic("div", a, Op::Div); }},
      {"mod", 2, 2, {}, [](const Args& a, Origin) { return arithmetic("mod", a, Op::Mod); }},
      {"less", 2, 2, {}, [](const Args& a, Origin) { return compare("less", a, [](int c) { return c < 0; }); }},
      {"lessOrEquals",
       2,
       2,
       {},
       [](const Args& a, Origin) { return compare("lessOrEquals", a, [](int c) { return c <= 0; }); }},
      {"greater", 2, 2, {}, [](const Args& a, Origin) { return compare("greater", a, [](int c) { return c > 0; }); }},
      {"greaterOrEquals",
       2,
       2,
       {},
       [](const Args& a, Origin) { return compare("greaterOrEquals", a, [](int c) { return c >= 0; }); }},
      {"min", 1, SIZE_MAX, {}, [](const Args& a, Origin) { return extreme("min", a, false); }},
      {"max", 1, SIZE_MAX, {}, [](const Args& a, Origin) { return extreme("max", a, true); }},
      {"int", 1, 1, {}, [](const Args& a, Origin) { return int_call(a); }},
      {"bool", 1, 1, {}, [](const Args& a, Origin) { return bool_call(a); }},
      {"range", 2, 2, {}, range_call},
  };
}

}  // namespace idlint::fn
