// The Bicep syntax tree: what the hand-written parser (bicep_parser.cpp) produces, with exact byte
// spans. Declarations are structs; expressions are one node type. Everything lives in an Arena.
// Lowering into the format-neutral model is a separate pass (bicep_template.cpp).
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "model/arena.h"
#include "model/source.h"

namespace idlint::bicep {

struct Expr;

// A property of an object literal: `key: value`, or a spread `...value` (key null).
struct Property {
  const Expr* key = nullptr;  // Identifier (bare key) or String (quoted, maybe interpolated); null for a spread
  const Expr* value = nullptr;
  Span span;
};

struct Expr {
  enum class Kind : uint8_t {
    Error,         // a placeholder where an expression failed to parse
    Null,
    Bool,          // boolean
    Number,        // text: the digits
    String,        // parts/holes: literal parts (decoded, count = holes + 1) and interpolations
    Identifier,    // text
    Array,         // items (a Spread item spreads an array)
    Object,        // props
    Spread,        // `...operand` inside an array: a[0]
    Unary,         // op: "!" or "-"; a[0]
    NonNull,       // `a[0]!`
    Binary,        // op; a[0], a[1]
    Ternary,       // a[0] ? a[1] : a[2]
    Member,        // a[0].text, safe: `.?`
    Index,         // a[0][a[1]], safe: `[?…]`
    ResourceAccess,  // a[0]::text
    Call,          // text: function name; ns: namespace (sys/az/…) or empty; args
    Lambda,        // params (names), a[0]: body
    For,           // `[for (item, index) in a[0]: a[1]]`, with optional `if (a[2])`; params: item, index names
    Parenthesized, // a[0]
    // A type: items are the members of a union (one item when not a union), each a String/Number/Bool
    // literal type, an Identifier (named type) or a TypeExpr; boolean: nullable (`?`); text: the source.
    TypeExpr,
  };

  Kind kind = Kind::Error;
  bool boolean = false;
  bool safe = false;  // `.?` / `[?…]`
  Span span;
  std::string_view text;  // Identifier, Number, Member name, Call name, ResourceAccess name
  std::string_view ns;    // Call namespace
  std::string_view op;    // Unary, Binary
  const Expr* a[3] = {nullptr, nullptr, nullptr};
  // Array items / call arguments / string holes
  const Expr* const* items = nullptr;
  uint32_t count = 0;
  // String: decoded literal parts, count + 1 of them
  const std::string_view* parts = nullptr;
  // Object
  const Property* props = nullptr;
  uint32_t prop_count = 0;
  // Lambda / For: parameter names
  const std::string_view* params = nullptr;
  uint32_t param_count = 0;

  bool is_plain_string() const { return kind == Kind::String && count == 0; }
  std::string_view plain_string() const { return is_plain_string() ? parts[0] : std::string_view{}; }
};

struct Decorator {
  Span span;             // from '@' to the end of the call
  const Expr* call = nullptr;  // a Call (or Member access for namespaced decorators)
};

struct Decl {
  enum class Kind : uint8_t {
    TargetScope,  // value
    Metadata,     // name, value
    Param,        // name, type, value (default, may be null); in .bicepparam: name, value
    Var,          // name, type (may be null), value
    Resource,     // name, type_string, existing, value (object, if-body or for-expression), children
    Module,       // name, path (value of the path string), value
    Output,       // name, type, value
    Type,         // name, type
    Func,         // name, value (the lambda)
    Import,       // path string in value, names: imported symbols
    Extension,    // value: the extension specification (string or identifier)
    Using,        // value: the path string (or `none`)
    Assert,       // name, value
    Test,         // name, path, value
    Extends,      // value: the path string
  };

  Kind kind = Kind::Param;
  Span span;          // keyword to the end of the declaration (decorators excluded)
  Span keyword_span;  // the declaration keyword
  std::string_view name;
  Span name_span;
  std::vector<Decorator> decorators;
  const Expr* type = nullptr;   // Param/Var/Output/Type: the declared type (TypeExpr, String union etc.)
  const Expr* value = nullptr;  // default / value / body
  // Resource: the type string 'Namespace/type@version' (a String), `existing`, nested child resources.
  const Expr* type_string = nullptr;
  bool existing = false;
  const Expr* condition = nullptr;  // Resource/Module: `= if (condition) {…}`
  std::vector<const Decl*> children;  // nested `resource` declarations inside a resource body
  const Decl* parent_decl = nullptr;  // for a nested child: the enclosing resource declaration
};

// A suppression comment, kept for the lowering to read (load/directives.h): `#disable-next-line
// CODE CODE…`, or a `// idlint-disable-next-line …` comment.
struct Directive {
  enum class Kind : uint8_t { DisableNextLine, IdlintComment };
  Kind kind = Kind::DisableNextLine;
  Span span;          // `#disable-next-line` or `//` to the end of the line
  uint32_t line = 0;  // 1-based line of the directive
};

struct SyntaxError {
  Span span;
  std::string message;
};

struct ParsedFile {
  std::vector<const Decl*> decls;  // top level, in source order
  std::deque<Decl> storage;  // owns every declaration (expressions live in the arena)
  std::vector<Directive> directives;
  std::vector<SyntaxError> errors;
};

// Parses Bicep (params_file: a .bicepparam). Never throws; errors are collected and parsing resumes
// at the next declaration.
ParsedFile parse(std::string_view text, Arena& arena, bool params_file = false);

// For the differential test against tree-sitter-bicep: every resource declaration (nested children
// included, pre-order, source order), its symbolic name, the type string's content, the 1-based line of
// its `resource` keyword, and the span of its body's `identity` property value when it has one.
struct ResourceOutline {
  std::string_view symbolic_name;
  std::string type;
  uint32_t line = 0;
  bool has_identity = false;
  Span identity;  // the property's value, [begin, end) byte offsets
};
std::vector<ResourceOutline> outline_resources(const ParsedFile& file, std::string_view text);

}  // namespace idlint::bicep
