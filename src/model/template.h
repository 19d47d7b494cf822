// The format-neutral template model: parameters, variables and resources over the value tree.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/arena.h"
#include "model/source.h"
#include "model/value.h"

namespace idlint {

namespace ir {
struct Node;
}

struct Template;

struct Parameter {
  std::string_view name;
  Span name_span;
  std::string_view type;                  // as declared ('string', 'bool', 'object', ...)
  const Value* declaration = nullptr;     // the whole declaration
  const Value* default_value = nullptr;   // null when absent
  const Value* allowed_values = nullptr;  // an Array, or null
  // A nested template's parameter whose value the calling deployment passes in: not followed yet.
  bool passed_by_caller = false;
  // A nested template's parameter the deployment does not pass: only its default can apply.
  bool default_only = false;
  // Whether a binding can choose among several values (allowed values, or a bool's true/false).
  bool can_vary() const { return !default_only && !passed_by_caller && (allowed_values || is_bool()); }

  bool is_bool() const { return equals_ignore_case(type, "bool"); }
};

struct Variable {
  std::string_view name;
  Span name_span;
  const Value* value = nullptr;
};

// A loop over a resource or module: Bicep `[for (item, index) in source: …]` or ARM `copy`.
struct Loop {
  // Bicep: the array, range or object the loop iterates (a value whose IR is the source expression).
  // ARM: copy.count. Null when the declaration does not loop.
  const Value* source = nullptr;
  std::string_view item;   // Bicep: the item variable; ARM: copy.name (what copyIndex('name') names)
  std::string_view index;  // Bicep: the index variable, or empty
  bool arm_copy = false;   // source is a count and iterations are read with copyIndex()
  bool loops() const { return source != nullptr; }
};

struct Resource {
  const Template* owner = nullptr;
  std::string_view symbolic_name;  // languageVersion 2.0 key; empty for array-form resources
  const Value* body = nullptr;     // the resource object
  const Value* type = nullptr;
  const Value* api_version = nullptr;
  const Value* name = nullptr;
  const Value* condition = nullptr;
  const Value* copy = nullptr;  // ARM: the copy object as written; Bicep: the for-expression
  Loop loop;
  const Resource* parent = nullptr;  // for child resources nested in a parent's 'resources'
  // The full type ('Namespace/type/child') when the type and every ancestor's type are literals; else empty.
  std::string full_type;
  // The name as ARM composes it for a nested child: every ancestor's name, then this one's.
  std::vector<const Value*> name_parts;
  // The composed name ('server/db') when every part is a literal string; else empty.
  std::string full_name() const;
};

// An output of a template (what a module call's `m.outputs.x` or a deployment's outputs read).
struct Output {
  std::string_view name;
  Span name_span;
  const Value* value = nullptr;
};

// A Bicep `module` declaration: another template deployed with the arguments in `params`.
struct ModuleCall {
  std::string_view symbolic_name;
  Span name_span;
  Span span;              // the whole declaration
  std::string_view path;  // as written: './pg.bicep', 'br/public:avm/res/…:0.4.0', 'ts:…'
  Span path_span;
  const Value* body = nullptr;       // the module object (name, params, scope, …)
  const Value* params = nullptr;     // body.params: an object of argument values, or null
  const Value* condition = nullptr;  // `if (…)`, including a loop's filter
  Loop loop;
};

// Parses an expression value on first use; set by the loader that knows the expression syntax.
class ExpressionSource {
 public:
  virtual ~ExpressionSource() = default;
  // Returns the IR of an Expr value, or null with the reason in error.
  virtual const ir::Node* expression(const Value& value, std::string& error) const = 0;
};

// A suppression comment: Bicep's own `#disable-next-line CODE…`, or `// idlint-disable-next-line
// CODE… -- reason` (ARM JSON and Bicep). The engine applies it to the findings on target_line.
struct DisableDirective {
  enum class Form : uint8_t {
    Bicep,   // `#disable-next-line`: its codes are mostly Bicep's own (BCP036, no-unused-params)
    Idlint,  // `// idlint-disable-next-line`: every code is meant for idlint
  };
  struct Code {
    std::string_view text;  // as written: an id (IDL001) or a name (identity-type-invalid)
    Span span;
  };
  Form form = Form::Bicep;
  uint32_t line = 0;         // 1-based line of the directive
  uint32_t target_line = 0;  // the line whose findings it covers
  Span span;                 // the whole directive
  std::vector<Code> codes;
  std::string_view reason;  // the text after ' -- ', trimmed; empty when none is given
};

struct Template {
  std::shared_ptr<const SourceFile> file;
  const Value* root = nullptr;
  std::vector<Parameter> parameters;
  std::vector<Variable> variables;
  std::vector<Resource> resources;  // children are listed after their parent
  // Inline nested deployments (Microsoft.Resources/deployments with properties.template).
  std::vector<std::unique_ptr<Template>> nested;
  const Template* outer = nullptr;       // the template holding the deployment resource
  const Resource* deployment = nullptr;  // that deployment resource
  bool outer_scope = false;              // expressionEvaluationOptions.scope is 'outer' (the default)
  const ExpressionSource* expressions = nullptr;
  // Keeps an expression source alive when the template owns it (ARM templates embedded in Bicep).
  std::shared_ptr<const ExpressionSource> owned_expressions;
  std::shared_ptr<Arena> arena;
  std::vector<DisableDirective> disable_next_line;
  std::vector<ModuleCall> modules;  // Bicep module declarations
  std::vector<Output> outputs;
  // A .bicepparam file's `using` target as written ('./main.bicep'), and where it is written.
  std::string_view using_path;
  Span using_span;
  bool using_none = false;  // `using none`
  // The JSON of a deployed resource (`az resource show`, the portal's Resource JSON): one resource
  // as Azure returns it, read-only properties (principalId, clientId) included.
  bool live_resource = false;

  const Parameter* find_parameter(std::string_view name) const;
  const Variable* find_variable(std::string_view name) const;

 private:
  // Case-insensitive name indexes, built on the first lookup in a template with many names (most
  // templates are never evaluated, and a linear search is faster for a few names).
  mutable std::unordered_map<std::string, size_t> parameter_index_;  // lower-case name → position
  mutable std::unordered_map<std::string, size_t> variable_index_;
};

}  // namespace idlint
