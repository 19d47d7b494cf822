// ARM array and object functions.
#include "expr/function_support.h"

#include <algorithm>

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

}  // namespace

std::vector<Function> collection_functions() {
  return {
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
           if (cur.is_unknown() || key.is_unknown())
             return unknown_call("tryGet", a, "tryGet(): " + first_unknown(a).str);
           if (cur.kind == Val::Kind::Object && key.is_string()) {
             Val m = cur.member(key.str);
             if (m.is_unknown()) return unknown_call("tryGet", a, m.str);
             cur = m.is_absent() ? null_value : std::move(m);
           } else if (cur.kind == Val::Kind::Array && key.kind == Val::Kind::Number) {
             cur = key.number >= 0 && static_cast<size_t>(key.number) < cur.items.size()
                       ? cur.items[static_cast<size_t>(key.number)]
                       : null_value;
           } else {
             return unknown_call("tryGet", a, "tryGet(): unsupported arguments");
           }
         }
         return with_deps(std::move(cur), a);
       }},
  };
}

}  // namespace idlint::fn
