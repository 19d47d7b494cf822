// The evaluator: what a model value or IR node is under one parameter binding.
// Results are concrete values, or Unknown with a reason (and a symbol when the unknown value is
// nonetheless fixed for one deployment, so that two uses of it compare equal).
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "expr/budget.h"
#include "expr/ir.h"
#include "model/template.h"

namespace idlint {

// Where a literal that ended up in a result was written, and in what role.
struct Origin {
  enum class Kind : uint8_t {
    None,
    Template,
    ParameterDefault,
    ParameterAllowed,
    ParameterBool,
    Variable,
    Argument,       // passed by a calling deployment or module (name: the parameter)
    ParameterFile,  // set in a parameter file or .bicepparam (name: the parameter)
    LoopItem,       // an item of a loop (name: the loop variable)
  };
  Kind kind = Kind::None;
  const SourceFile* file = nullptr;
  Span span;
  std::string_view name;  // the parameter or variable
};

struct ValMember;

// What a value's deps end in when it depends on more parameters than are listed.
extern const Parameter kManyParameters;
constexpr size_t kMaxDeps = 256;

struct Val {
  enum class Kind : uint8_t { Absent, Unknown, Null, Bool, Number, String, Array, Object, ResourceId };

  Kind kind = Kind::Absent;
  bool boolean = false;
  // Set on every value the evaluator returns (and every value inside it): arrays and objects nested
  // below this one, and the bytes this value occupies with everything inside it (0: not weighed).
  uint16_t depth = 0;
  uint32_t weight = 0;
  long long number = 0;
  std::string str;                 // String: the text. Unknown: the reason. ResourceId: the resource type.
  std::string symbol;              // Unknown: a canonical name for a value fixed within one deployment, or empty
  std::vector<Val> items;          // Array: the items. ResourceId: the name segments.
  std::vector<ValMember> members;  // Object
  std::vector<Val> scope;          // ResourceId: explicit subscription / resource group, when given
  Origin origin;
  // Parameters this value depends on, sorted, unique; at most kMaxDeps of them, then ending in
  // &kManyParameters (depends on more: never the same under every binding).
  std::vector<const Parameter*> deps;
  // Unknown only, what is known of it all the same (0: nothing). A string built with literal parts
  // ('${prefix}-id-web', concat(), format()) is at least as long as they are, in UTF-16 units as
  // length() counts: so it is not empty, and length() of it is a number at least that.
  uint32_t min_length = 0;  // an unknown string at least this long
  uint32_t min_number = 0;  // an unknown number at least this
  // Unknown only: what the value is made of, when a rule can still compare it with identities. The
  // value stays Unknown for everything else (functions, conditions, messages).
  enum class Facet : uint8_t {
    None,
    IdentityProperties,     // reference(<user-assigned identity>): items[0] is the identity's ID
    IdentityFullReference,  // reference(<user-assigned identity>, …, 'Full'): items[0] is the ID
    IdentityClientId,       // the client ID of the identity whose ID is items[0]
    TextThenResourceId,     // a known text (items[0]) followed by a resource ID (items[1])
  };
  Facet facet = Facet::None;

  bool known() const { return kind != Kind::Unknown; }
  bool is_unknown() const { return kind == Kind::Unknown; }
  bool is_absent() const { return kind == Kind::Absent; }
  bool is_string() const { return kind == Kind::String; }
  bool is_object() const { return kind == Kind::Object; }
  // Absent or null: the property is not set.
  bool is_unset() const { return kind == Kind::Absent || kind == Kind::Null; }

  // Object member by name (case-insensitive). Absent when the object is known not to have it;
  // Unknown when this is not known, or when an unknown key might be that name.
  Val member(std::string_view name) const;

  static Val unknown(std::string reason, std::string symbol = {});
  static Val string(std::string s);
  static Val absent();
};

struct ValMember {
  Val key;
  Val value;
  // Where the key is written (in an object literal), which may differ from where its value came from.
  const SourceFile* key_file = nullptr;
  Span key_span;
};

inline Val Val::absent() { return Val{}; }

struct Frame;

// The value chosen for one parameter in a binding. A null value means Unknown (with the reason).
struct Choice {
  const Parameter* parameter = nullptr;
  const Value* value = nullptr;
  Origin::Kind kind = Origin::Kind::ParameterDefault;
  std::string unknown_reason;
};

struct Binding {
  std::vector<Choice> choices;
  const Choice* find(const Parameter* p) const;

 private:
  // By parameter, built on the first find() of a binding with many choices (each parameter read
  // would otherwise scan them all: quadratic for a resource reading thousands of parameters).
  mutable std::vector<std::pair<const Parameter*, size_t>> index_;
};

enum class Tri : uint8_t { No, Yes, Unknown };

// Variable values that no binding can change (they read only parameters with a single possible
// value), shared by every evaluator of one file so large variables are evaluated once.
struct SharedValues {
  std::map<std::pair<const Frame*, const Value*>, Val> variables;  // by the defining value
  std::map<std::pair<const Frame*, const Parameter*>, Val> parameters;
  std::map<std::tuple<const Frame*, const Template*, std::string>, Val> references;  // reference() outputs
  // The template whose parameters bindings vary (the linted one, when linted on its own); null:
  // any parameter that can vary might.
  const Template* varying_template = nullptr;
  bool any_varying = true;

  // Whether a value with these dependencies is the same under every binding.
  bool binding_independent(const std::vector<const Parameter*>& deps) const;
};

// One instance of a template in a deployment: the arguments its parameters receive, the loop
// iteration it is in, and the frame it was called from. Frames form a chain up to a Root frame.
struct Frame {
  enum class Kind : uint8_t {
    Root,  // the linted template: parameters without an argument take their default (and, when
           // free, every candidate value through the binding)
    Call,  // a nested deployment or module call: parameters receive args, evaluated in parent
    Loop,  // one iteration of a resource or module loop in tmpl: locals are the loop variables
  };
  struct Argument {
    std::string_view name;         // the parameter
    const Value* value = nullptr;  // written in caller_tmpl; null: Unknown with unknown_reason
    std::string unknown_reason;
    Span span;  // where the argument is written (in caller_tmpl's file)
  };

  Kind kind = Kind::Root;
  const Template* tmpl = nullptr;
  const Frame* parent = nullptr;          // Call/Loop: the frame the arguments are evaluated in
  const Template* caller_tmpl = nullptr;  // Call (and a Root with a parameter file): where args are written
  Origin::Kind arg_kind = Origin::Kind::Argument;
  std::vector<Argument> args;
  std::string args_unknown_reason;                  // Call: the arguments could not be read one by one (all Unknown)
  bool free = true;                                 // Root: parameters vary over their candidate values
  std::vector<std::pair<std::string, Val>> locals;  // Loop: loop variables ('copyIndex' / 'copyIndex:name' for ARM)
  const Value* condition = nullptr;                 // Call/Loop: evaluated in parent (written in caller_tmpl / tmpl)
  const ModuleCall* module = nullptr;               // Call: the Bicep module declaration
  const Resource* deployment = nullptr;             // Call: the ARM deployment resource
  std::string label;                                // for messages: "module 'pg'", "parameter file 'x'"
  // Module call frames below this one (filled before resources are checked): what moduleOutput reads.
  std::vector<std::pair<const ModuleCall*, const Frame*>> module_frames;
  std::vector<std::pair<const Resource*, const Frame*>> deployment_frames;  // inline nested deployments

  const Argument* find_argument(std::string_view name) const;
  // The Root or Call frame whose parameters expressions in this frame read.
  const Frame* call_frame() const;
};

class Evaluator {
 public:
  // Draws from the budget of the file being linted (EvalBudget::current()), else from its own.
  explicit Evaluator(const Binding& binding, SharedValues* shared = nullptr, const Frame* frame = nullptr)
      : binding_(binding), shared_(shared), frame_(frame), budget_(EvalBudget::current()) {
    if (!budget_) budget_ = &own_budget_;
  }
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  // Evaluates a value written in template t (a resource body, a property), in the evaluator's frame
  // (or the nearest frame above it instantiating t).
  Val evaluate(const Template& t, const Value& v);

  struct Context {
    const Template* tmpl;
    Origin::Kind kind;
    std::string_view name;
    const Frame* frame = nullptr;
  };
  const Frame* frame() const { return frame_; }
  const Frame* frame_for(const Template& t) const;

  // Lambda and loop variables: the innermost binding of name, in lambdas being evaluated, then in
  // the loop frames of ctx. Unknown (with a symbol) when unbound.
  Val local(const Context& ctx, std::string_view name);
  void push_local(std::string_view name, Val v) { locals_.emplace_back(std::string(name), std::move(v)); }
  void pop_local() { locals_.pop_back(); }
  // Whether a lambda or copy loop has bound variables now (which a value evaluated here may read).
  bool has_locals() const { return !locals_.empty(); }
  // copyIndex(name): the iteration of the enclosing ARM copy loop (empty name: the resource's own).
  Val copy_index(const Context& ctx, std::string_view loop_name);
  // Output x of module m declared in ctx.tmpl.
  Val module_output(const Context& ctx, std::string_view module, std::string_view output);
  // reference(target) of an inline nested deployment of ctx.tmpl (target: its name or resource ID):
  // {"outputs": {x: {"value": …}}} evaluated in its frame; Absent when target names no such deployment.
  Val deployment_reference(const Context& ctx, const Val& target);
  Val evaluate(const Context& ctx, const Value& v);
  Val evaluate(const Context& ctx, const ir::Node& n);

  Val parameter(const Context& ctx, std::string_view name);
  Val variable(const Context& ctx, std::string_view name);

  // Counts one loop iteration against the file's budget; false (with reason() set) when it is used up.
  bool charge_iteration() { return budget_->charge_iterations(); }
  // Counts one check of a resource under a binding; false when the file's budget is used up.
  bool charge_check() { return budget_->charge_checks(); }
  const EvalBudget& budget() const { return *budget_; }

 private:
  // How a result came about, which decides what of it is new memory (see finish()).
  enum class Built : uint8_t {
    Node,  // a literal, or an array or object of results already accounted: its own bytes are new
    Copy,  // a copy of an accounted value (a variable read, a member): all of it is new
    Call,  // a function's result: weighed anew from its top, all of it new
  };
  // Weighs a result, turns it into Unknown when it is larger or deeper than one value may be, and
  // charges it to the file's budget.
  Val finish(Val v, Built how);
  // The Unknown every evaluation returns once a step limit or the file's budget is passed, else Absent.
  bool out_of_steps(Val& stop);
  Val evaluate_value(const Context& ctx, const Value& v);
  Val evaluate_node(const Context& ctx, const ir::Node& n);

  Val call(const Context& ctx, const ir::Node& n);
  Val deployment_outputs(const Context& ctx, const std::string& name);
  // A parameter's or variable's value where it is cached (else in scratch): read without a copy.
  const Val& parameter_ref(const Context& ctx, std::string_view name, Val& scratch);
  const Val& variable_ref(const Context& ctx, std::string_view name, Val& scratch);
  // n evaluated; a parameter or variable reference without copying its value.
  const Val& operand(const Context& ctx, const ir::Node& n, Val& scratch);
  static std::string reference_symbol(const char* what, std::string_view name, const Template& scope,
                                      const Frame* frame);
  // The innermost binding of a lambda or loop variable (or copyIndex key), or null.
  const Val* find_local(const Context& ctx, std::string_view key) const;
  Val parameter_value(const Template& scope, const Parameter& p, const Frame* frame, const std::string& symbol);
  // An ARM copy loop {name, count, input}: the array of input with copyIndex('name') = 0..count-1.
  Val copy_loop(const Context& ctx, const Value& entry);
  const Binding& binding_;
  SharedValues* shared_;
  const Frame* frame_;
  std::vector<std::pair<std::string, Val>> locals_;
  std::map<std::pair<const Frame*, const Value*>, Val> variables_;
  std::set<std::pair<const Frame*, const Value*>> variables_in_progress_;
  std::set<const Parameter*> parameters_in_progress_;
  std::map<std::pair<const Frame*, const Parameter*>, Val> parameters_;
  std::map<std::tuple<const Frame*, const Template*, std::string>, Val> references_;
  unsigned depth_ = 0;
  size_t steps_ = 0;  // evaluations so far: past a budget everything is Unknown
  EvalBudget* budget_;
  EvalBudget own_budget_;
};

// Sets the weight and depth of v and of every value inside it that has none (a value changed
// after it was weighed must have its weight reset to 0 first).
void weigh(Val& v);
// The reason of the Unknown that replaces a value larger than the per-value limit.
std::string value_too_large(size_t limit);

// The template whose parameters and variables an expression in t refers to ('outer' scope nesting).
const Template& scope_of(const Template& t);

// Three-valued comparison of two identity references (resource IDs, resourceId() results, unknowns).
Tri same_resource(const Val& a, const Val& b);
// The user-assigned identity whose client ID v is (reference(id).clientId, Bicep
// `uami.properties.clientId`), or null when v is not known to be one.
const Val* client_id_identity(const Val& v);
// Whether a value names a user-assigned identity by resource ID: a resourceId() or literal ID of
// type Microsoft.ManagedIdentity/userAssignedIdentities (its name may be unknown).
bool is_user_identity_id(const Val& v);
// A literal resource ID parsed into a ResourceId value; kind Absent when the text is not one.
Val parse_resource_id(std::string_view text);
// Deep equality of known values (strings compared exactly); Unknown if either side is unknown.
Tri values_equal(const Val& a, const Val& b);
// A short rendering for messages: 'text' for strings, JSON-like for others.
std::string describe(const Val& v);
// The value a binding chooses for its parameter, as written: 'text', true, 42, {…}.
std::string describe(const Choice& choice);
// Why a free parameter without a default is Unknown, and what would let idlint check it: a free-form
// value (a geoRedundantBackup string) is checked for each value its @allowed list names.
std::string no_default_reason(const Parameter& p);
// Makes the unknown values of the parameters of `from` (in from_frame) the same symbols as those of
// the same-named parameters of `to`: two versions of a template deployed with the same parameters.
void rebase_parameter_symbols(Val& v, const Template& from, const Frame* from_frame, const Template& to,
                              const Frame* to_frame);
// Adds b's dependencies to a's.
void merge_deps(Val& into, const Val& from);

}  // namespace idlint
