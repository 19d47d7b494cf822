// What the files implementing ARM functions share: the table entry, and helpers that build results
// carrying their arguments' dependencies. Internal to src/expr.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/eval.h"

namespace idlint::fn {

using Ctx = Evaluator::Context;
using Args = std::vector<Val>;

// Arrays and loops longer than this are not built: their result is Unknown ("too many items").
constexpr size_t kMaxItems = 1000;
// Functions that build text stop before it grows past one value's limit (EvalLimits::value_bytes;
// the evaluator checks every other kind of value when it is returned).
constexpr size_t kMaxValueBytes = EvalLimits{}.value_bytes;
// The symbol of an unknown call names its arguments; past this length it is not kept (the value is
// then equal to nothing, not even itself), so symbols cannot grow with nested calls.
constexpr size_t kMaxSymbolLength = 4096;

struct Function {
  std::string_view name;
  size_t min_args;
  size_t max_args;  // SIZE_MAX for variadic
  // Lazy functions get the call node and evaluate arguments themselves.
  std::function<Val(Evaluator&, const Ctx&, const ir::Node&)> lazy;
  std::function<Val(const Args&, Origin)> eager;
  bool prefix = false;  // the entry stands for every function whose name starts with `name` (list*)
};

// The tables, by area. functions.cpp joins them.
std::vector<Function> core_functions();
std::vector<Function> text_functions();
std::vector<Function> collection_functions();
std::vector<Function> number_functions();
std::vector<Function> deployment_functions();
std::vector<Function> lambda_functions();

// A canonical text for a value, so that equal calls on equal (or equally unknown) inputs get one
// symbol. False when the value holds an unknown without a symbol.
bool canonical(const Val& v, std::string& out, size_t limit = kMaxSymbolLength);
Val with_deps(Val r, const Args& args);
// The first Unknown argument, or Absent.
Val first_unknown(const Args& args);
// A call we cannot evaluate still has a fixed value within one deployment when its inputs do: the
// Unknown's symbol names the function and its (known or symbolic) arguments.
Val unknown_call(std::string_view name, const Args& args, std::string reason);
// The Unknown of a call whose result would be larger than one value may be.
Val too_large(const Args& args);
// Counts work a function does beyond evaluating its arguments (item comparisons, text scans; a step
// stands for one comparison or 1 KiB scanned) against the file's evaluation steps: false once the
// file's budget is used up, and the function's result is then Unknown.
bool charge_work(size_t steps);
// Appends piece to out unless out would then be larger than one value may be (returns false).
bool append_bounded(std::string& out, std::string_view piece);
// The Unknown to return unless every argument is known and argument i is of kinds[i] (arguments past
// the list, and kinds given as Absent, are not checked).
std::optional<Val> expect(std::string_view name, const Args& args, std::initializer_list<Val::Kind> kinds);
// The Unknown to return when a string argument has non-ASCII text, for functions whose positions
// or case rules are byte-wise here (ARM counts UTF-16 units and folds case in every script).
std::optional<Val> expect_ascii(std::string_view name, const Args& args);
bool is_ascii(std::string_view s);
// An object key a function may build: a string, a resource ID (identity maps are keyed by them), or
// an unknown value.
inline bool usable_key(const Val& k) { return k.is_string() || k.is_unknown() || k.kind == Val::Kind::ResourceId; }
// The first (last) position of needle in text at or after from, or npos. Linear in the lengths
// (glibc's two-way memmem): std::string::find compares the needle again at every position, which a
// template can make take hours (a 512 KiB needle in a 1 MiB text of the same letter).
size_t find_text(std::string_view text, std::string_view needle, size_t from = 0);
size_t rfind_text(std::string_view text, std::string_view needle);
// The length of UTF-8 text in UTF-16 units, as ARM's length() counts.
size_t utf16_length(std::string_view s);

Val make_bool(bool b, const Args& args);
Val make_number(long long v, const Args& args = {});
Val make_string(std::string s, const Args& args, Origin origin);
Val make_null(const Args& args = {});
Val make_array(std::vector<Val> items, const Args& args, Origin origin);

// The member of an object with a string key equal to key (case-insensitive, as ARM keys are), or null.
ValMember* find_member(Val& object, const Val& key);
// Adds a member; one with the same string key is replaced in place (a later value wins).
void set_member(Val& object, ValMember m);

// Whether a value can be rendered as text: no unknowns, unset values or resource IDs inside. When
// not, *why says what is in the way.
bool renderable(const Val& v, std::string* why = nullptr);
// ARM's string() of a renderable value: strings as they are, True/False, compact JSON for arrays
// and objects. What cannot be rendered shows as describe() does.
std::string to_arm_string(const Val& v);
std::string to_json(const Val& v);

// Where a call is written, for the results it builds.
Origin call_origin(const Ctx& ctx, const ir::Node& n);
Val eval_arg(Evaluator& ev, const Ctx& ctx, const ir::Node& n, size_t i);
Args eval_args(Evaluator& ev, const Ctx& ctx, const ir::Node& n);

}  // namespace idlint::fn
