// Bicep syntax tree → model. Declarations become parameters, variables, resources, module calls and
// outputs; bodies become the value tree; expressions lower into the ARM IR (ternary → if,
// interpolation → format, `??` → coalesce, `.?` → tryGet, `res.id` → resourceId(type, names…),
// `x => …` → lambda, `[for …]` → forLoop, `m.outputs.x` → moduleOutput; see ir.h), each node keeping
// its Bicep span.
#include "load/bicep_template.h"

#include <algorithm>
#include <unordered_map>

#include "expr/ir.h"
#include "load/arm_template.h"
#include "load/bicep_syntax.h"
#include "load/directives.h"

namespace idlint {

bool is_bicep_path(std::string_view path) { return path.size() >= 6 && path.substr(path.size() - 6) == ".bicep"; }
bool is_bicepparam_path(std::string_view path) {
  return path.size() >= 11 && path.substr(path.size() - 11) == ".bicepparam";
}

namespace {

using bicep::Decl;
using bicep::Expr;
using EK = bicep::Expr::Kind;

// Bicep expressions are lowered eagerly: the IR is already on every Expr value.
class LoweredExpressions final : public ExpressionSource {
 public:
  const ir::Node* expression(const Value& value, std::string& error) const override {
    if (!value.expr) error = "the expression could not be lowered";
    return value.expr;
  }
};

const LoweredExpressions kLowered;

constexpr unsigned kMaxDepth = 256;

class Lowering {
 public:
  Lowering(const std::shared_ptr<const SourceFile>& file, Arena& arena, const bicep::ParsedFile& parsed)
      : file_(file), text_(file->text()), arena_(arena), parsed_(parsed) {
    resource_index_.reserve(parsed.decls.size());
  }

  void run(Template& t) {
    collect_symbols();
    for (const Decl* d : parsed_.decls) {
      switch (d->kind) {
        case Decl::Kind::Param: param(t, *d); break;
        case Decl::Kind::Var: t.variables.push_back(Variable{d->name, d->name_span, value(d->value)}); break;
        case Decl::Kind::Resource: resource(t, *d); break;
        case Decl::Kind::Module: module(t, *d); break;
        case Decl::Kind::Output: t.outputs.push_back(Output{d->name, d->name_span, value(d->value)}); break;
        case Decl::Kind::Using: using_target(t, *d); break;
        default: break;
      }
    }
    // Parent pointers, once the resource vector no longer moves.
    for (auto& [child, parent_decl] : parents_) {
      auto it = resource_index_.find(parent_decl);
      if (it != resource_index_.end()) t.resources[child].parent = &t.resources[it->second];
    }
    for (const bicep::Directive& d : parsed_.directives) {
      if (d.kind == bicep::Directive::Kind::DisableNextLine) {
        t.disable_next_line.push_back(read_bicep_directive(*file_, d.span));
      } else if (std::optional<DisableDirective> dd = read_idlint_directive(*file_, d.span)) {
        t.disable_next_line.push_back(std::move(*dd));
      }
    }
  }

 private:
  enum class Sym : uint8_t { Param, Var, Resource, Module, Func, Other };

  void collect_symbols() {
    symbols_.reserve(parsed_.decls.size());
    for (const Decl* d : parsed_.decls) add_symbol(*d);
  }
  void add_symbol(const Decl& d) {
    switch (d.kind) {
      case Decl::Kind::Param: symbols_.emplace(d.name, std::make_pair(Sym::Param, &d)); break;
      case Decl::Kind::Var: symbols_.emplace(d.name, std::make_pair(Sym::Var, &d)); break;
      case Decl::Kind::Resource:
        symbols_.emplace(d.name, std::make_pair(Sym::Resource, &d));
        break;
      case Decl::Kind::Module: symbols_.emplace(d.name, std::make_pair(Sym::Module, &d)); break;
      case Decl::Kind::Func: symbols_.emplace(d.name, std::make_pair(Sym::Func, &d)); break;
      case Decl::Kind::Type: types_.emplace(d.name, &d); break;
      default:
        if (!d.name.empty()) symbols_.emplace(d.name, std::make_pair(Sym::Other, &d));
    }
  }

  // ---- declarations ----

  void param(Template& t, const Decl& d) {
    Parameter p;
    p.name = d.name;
    p.name_span = d.name_span;
    if (d.value) {
      p.default_value = value(d.value);
    } else if (d.type && d.type->kind == EK::TypeExpr && d.type->boolean) {
      // A nullable parameter (`param x T?`) that is not passed is null.
      Value* null = arena_.make<Value>();
      null->kind = Value::Kind::Null;
      null->span = d.type->span;
      p.default_value = null;
    }
    std::vector<const Expr*> literals;
    p.type = param_type(d.type, literals, 0);
    for (const bicep::Decorator& deco : d.decorators) {
      const Expr* c = deco.call;
      if (c && c->kind == EK::Call && c->text == "allowed" && c->count == 1 && c->items[0]->kind == EK::Array) {
        p.allowed_values = value(c->items[0]);
      }
    }
    if (!p.allowed_values && !literals.empty()) {
      // A union of literal types ('a' | 'b') allows exactly those values.
      auto* items = arena_.array<Value>(literals.size());
      for (size_t i = 0; i < literals.size(); ++i) items[i] = *value(literals[i]);
      Value* array = arena_.make<Value>();
      array->kind = Value::Kind::Array;
      array->items = items;
      array->size = static_cast<uint32_t>(literals.size());
      array->span = d.type->span;
      p.allowed_values = array;
    }
    t.parameters.push_back(p);
  }

  // The ARM type name of a declared type ('string', 'bool', …); collects the members of a union of
  // literals. A named type is followed to its declaration.
  std::string_view param_type(const Expr* type, std::vector<const Expr*>& literals, unsigned depth) {
    if (!type || depth > 32) return {};
    if (type->kind == EK::TypeExpr && type->count >= 1) {
      if (type->count == 1) return param_type(type->items[0], literals, depth + 1);
      std::string_view result;
      for (uint32_t i = 0; i < type->count; ++i) {
        const Expr* m = type->items[i];
        if (m->kind == EK::TypeExpr && m->count == 1) m = m->items[0];  // 'a'? in a union
        if (m->kind == EK::String && m->count == 0) {
          literals.push_back(m);
          result = "string";
        } else if (m->kind == EK::Bool) {
          literals.push_back(m);
          result = "bool";
        } else if (m->kind == EK::Number || m->kind == EK::Unary) {
          literals.push_back(m);
          result = "int";
        } else {
          literals.clear();  // not a union of literals: any value of the type
          return {};
        }
      }
      return result;
    }
    switch (type->kind) {
      case EK::Identifier: {
        if (auto it = types_.find(type->text); it != types_.end()) return param_type(it->second->type, literals, depth + 1);
        return type->text;
      }
      case EK::String:
        if (type->count == 0) literals.push_back(type);
        return "string";
      case EK::Bool:
        literals.push_back(type);
        return "bool";
      default:
        return {};
    }
  }

  // The resource's type string split into type and api-version values, spans inside the quotes.
  std::pair<const Value*, const Value*> type_and_version(const Decl& d) {
    const Expr* ts = d.type_string;
    if (!ts || ts->kind != EK::String || ts->count != 0) return {nullptr, nullptr};
    const std::string_view content = ts->parts[0];
    const size_t at = content.find('@');
    // Offsets map byte for byte when the literal has no escapes (resource type strings never do).
    const bool exact = ts->span.end - ts->span.begin == content.size() + 2;
    const uint32_t base = ts->span.begin + 1;
    Value* type = arena_.make<Value>();
    type->kind = Value::Kind::String;
    type->text = content.substr(0, at);
    type->span = exact ? Span{base, base + static_cast<uint32_t>(type->text.size())} : ts->span;
    Value* version = nullptr;
    if (at != std::string_view::npos) {
      version = arena_.make<Value>();
      version->kind = Value::Kind::String;
      version->text = content.substr(at + 1);
      version->span = exact ? Span{base + static_cast<uint32_t>(at) + 1, ts->span.end - 1} : ts->span;
    }
    return {type, version};
  }

  // The full type of a resource declaration: nested children written with a relative type get the
  // parent's type in front, as Bicep composes them.
  std::string full_type(const Decl& d, unsigned depth = 0) {
    if (depth > 32) return {};
    auto [type, version] = type_and_version(d);
    if (!type) return {};
    std::string_view own = type->text;
    if (d.parent_decl && own.find('/') == std::string_view::npos) {
      std::string parent = full_type(*d.parent_decl, depth + 1);
      return parent.empty() ? std::string{} : parent + "/" + std::string(own);
    }
    return std::string(own);
  }

  static const Expr* body_object(const Decl& d) {
    const Expr* v = d.value;
    if (v && v->kind == EK::For) v = v->a[1];
    return v && v->kind == EK::Object ? v : nullptr;
  }
  static const Expr* property(const Expr* object, std::string_view key) {
    if (!object) return nullptr;
    for (uint32_t i = 0; i < object->prop_count; ++i) {
      const bicep::Property& p = object->props[i];
      if (!p.key) continue;
      if ((p.key->kind == EK::Identifier && p.key->text == key) || (p.key->is_plain_string() && p.key->plain_string() == key)) {
        return p.value;
      }
    }
    return nullptr;
  }

  // The declaration `parent: x` names, when x is a declared resource.
  const Decl* parent_of(const Decl& d) {
    if (d.parent_decl) return d.parent_decl;
    const Expr* p = property(body_object(d), "parent");
    if (p && p->kind == EK::Identifier) {
      if (auto it = symbols_.find(p->text); it != symbols_.end() && it->second.first == Sym::Resource) return it->second.second;
    }
    return nullptr;
  }

  void resource(Template& t, const Decl& d) {
    if (!d.existing) {
      Resource r;
      r.owner = &t;
      r.symbolic_name = d.name;
      r.loop = loop_of(d);
      LoopScope scope(*this, loop_expr(d));
      const Expr* body = body_object(d);
      r.full_type = full_type(d);
      const bool deployment = r.full_type == "Microsoft.Resources/deployments";
      r.body = body ? object_value(body, deployment ? ArmStrings::InTemplateProperty : ArmStrings::No) : empty_object(d.span);
      auto [type, version] = type_and_version(d);
      r.type = type;
      r.api_version = version;
      r.name = r.body->find("name");
      r.condition = condition_of(d);
      if (const Expr* f = loop_expr(d)) r.copy = loop_value(f, r.loop.source, r.body, r.condition);
      const Decl* parent = parent_of(d);
      if (parent) {
        if (auto it = resource_index_.find(parent); it != resource_index_.end()) {
          r.name_parts = t.resources[it->second].name_parts;
        }
        parents_.emplace_back(t.resources.size(), parent);
      }
      r.name_parts.push_back(r.name);
      resource_index_.emplace(&d, t.resources.size());
      t.resources.push_back(std::move(r));
    }
    for (const Decl* c : d.children) resource(t, *c);
  }

  void module(Template& t, const Decl& d) {
    ModuleCall m;
    m.symbolic_name = d.name;
    m.name_span = d.name_span;
    m.span = d.span;
    if (const Expr* path = d.type_string) {
      m.path = path->plain_string();
      m.path_span = path->span;
    }
    m.loop = loop_of(d);
    LoopScope scope(*this, loop_expr(d));
    const Expr* body = body_object(d);
    m.body = body ? value(body) : empty_object(d.span);
    m.params = m.body->find("params");
    m.condition = condition_of(d);
    t.modules.push_back(m);
  }

  // A .bicepparam file's `using './main.bicep'` or `using none`.
  static void using_target(Template& t, const Decl& d) {
    const Expr* target = d.value;
    if (!target) return;
    if (target->kind == EK::String) {
      t.using_path = target->plain_string();
      t.using_span = target->span;
    } else if (target->kind == EK::Identifier && target->text == "none") {
      t.using_none = true;
    }
  }

  // The for-expression a resource or module declaration loops with, or null.
  static const Expr* loop_expr(const Decl& d) { return d.value && d.value->kind == EK::For ? d.value : nullptr; }

  // The source and variables of a declaration's `[for (item, index) in source: …]`; the source is
  // lowered outside the loop's scope, as Bicep reads it.
  Loop loop_of(const Decl& d) {
    Loop loop;
    const Expr* f = loop_expr(d);
    if (!f) return loop;
    loop.source = value(f->a[0]);
    if (f->param_count > 0) loop.item = f->params[0];
    if (f->param_count > 1) loop.index = f->params[1];
    return loop;
  }

  // `= if (…) {…}` or a loop's filter `[for … : if (…) {…}]`; lowered inside the loop's scope.
  const Value* condition_of(const Decl& d) {
    const Expr* f = loop_expr(d);
    const Expr* condition = f && f->a[2] ? f->a[2] : d.condition;
    return condition ? value(condition) : nullptr;
  }

  Value* empty_object(Span span) {
    Value* v = arena_.make<Value>();
    v->kind = Value::Kind::Object;
    v->span = span;
    return v;
  }

  // ---- values ----

  // Inside a deployments resource, `properties.template` is an ARM template written as a Bicep
  // object: its '[…]' strings are ARM expressions, as Resource Manager evaluates them.
  enum class ArmStrings : uint8_t { No, InTemplateProperty, InProperties, Yes };

  const Value* value(const Expr* e, ArmStrings arm = ArmStrings::No) {
    Value* v = arena_.make<Value>();
    v->span = e->span;
    switch (e->kind) {
      case EK::Null: v->kind = Value::Kind::Null; return v;
      case EK::Bool:
        v->kind = Value::Kind::Bool;
        v->boolean = e->boolean;
        return v;
      case EK::Number:
        v->kind = Value::Kind::Number;
        v->text = e->text;
        return v;
      case EK::String:
        if (e->count == 0) {
          const std::string_view s = e->parts[0];
          if (arm == ArmStrings::Yes && s.size() >= 2 && s.front() == '[' && s.back() == ']' && s[1] != '[') {
            v->kind = Value::Kind::Expr;
            v->text = s.substr(1, s.size() - 2);
            const bool exact = e->span.end - e->span.begin == s.size() + 2;
            v->text_offset = exact ? e->span.begin + 2 : Value::kNoOffset;
            return v;
          }
          v->kind = Value::Kind::String;
          v->text = s;
          return v;
        }
        break;
      case EK::Object: {
        bool spread = false;
        for (uint32_t i = 0; i < e->prop_count; ++i) spread |= e->props[i].key == nullptr;
        if (!spread) return object_value(e, arm);
        break;
      }
      case EK::Array: {
        bool spread = false;
        for (uint32_t i = 0; i < e->count; ++i) spread |= e->items[i]->kind == EK::Spread;
        if (spread) break;
        v->kind = Value::Kind::Array;
        v->size = e->count;
        auto* items = arena_.array<Value>(e->count);
        const ArmStrings inner = arm == ArmStrings::Yes ? ArmStrings::Yes : ArmStrings::No;
        for (uint32_t i = 0; i < e->count; ++i) items[i] = *value(e->items[i], inner);
        v->items = items;
        return v;
      }
      case EK::Parenthesized:
      case EK::NonNull:
        if (e->a[0]) return value(e->a[0], arm);
        break;
      default: break;
    }
    v->kind = Value::Kind::Expr;
    v->text = text_of(e->span);
    v->text_offset = e->span.begin;
    v->expr = node(e);
    return v;
  }

  Value* object_value(const Expr* e, ArmStrings arm) {
    Value* v = arena_.make<Value>();
    v->span = e->span;
    v->kind = Value::Kind::Object;
    auto* members = arena_.array<Member>(e->prop_count);
    uint32_t n = 0;
    for (uint32_t i = 0; i < e->prop_count; ++i) {
      const bicep::Property& p = e->props[i];
      if (!p.key) continue;
      const Value* key = nullptr;
      if (p.key->kind == EK::Identifier) {  // a bare key is its name
        Value* k = arena_.make<Value>();
        k->kind = Value::Kind::String;
        k->text = p.key->text;
        k->span = p.key->span;
        key = k;
      } else {
        key = value(p.key);
      }
      ArmStrings inner = arm == ArmStrings::Yes ? ArmStrings::Yes : ArmStrings::No;
      if (key->is_string()) {
        if (arm == ArmStrings::InTemplateProperty && key->text == "properties") inner = ArmStrings::InProperties;
        if (arm == ArmStrings::InProperties && key->text == "template") inner = ArmStrings::Yes;
      }
      members[n++] = Member{key, value(p.value, inner)};
    }
    v->members = members;
    v->size = n;
    return v;
  }

  std::string_view text_of(Span s) const { return text_.substr(s.begin, s.end - s.begin); }

  // ---- expressions → IR ----

  // The variables of a for-expression or lambda (binder; none when null) are in scope while it lives.
  struct LoopScope {
    Lowering& l;
    size_t n;
    LoopScope(Lowering& lowering, const Expr* binder) : l(lowering), n(binder ? binder->param_count : 0) {
      for (size_t i = 0; i < n; ++i) l.locals_.push_back(binder->params[i]);
    }
    ~LoopScope() { l.locals_.resize(l.locals_.size() - n); }
    LoopScope(const LoopScope&) = delete;
    LoopScope& operator=(const LoopScope&) = delete;
  };

  // Another declaration's expressions (the name `res.id` reads) are lowered as written there, where
  // the loop and lambda variables around the reference are not in scope.
  struct DeclarationScope {
    Lowering& l;
    std::vector<std::string_view> hidden;
    explicit DeclarationScope(Lowering& lowering) : l(lowering) { hidden.swap(l.locals_); }
    ~DeclarationScope() { hidden.swap(l.locals_); }
    DeclarationScope(const DeclarationScope&) = delete;
    DeclarationScope& operator=(const DeclarationScope&) = delete;
  };

  ir::Node* make(ir::Node::Kind k, Span span, std::string_view text = {}) {
    ir::Node* n = arena_.make<ir::Node>();
    n->kind = k;
    n->span = span;
    n->text = text;
    return n;
  }
  ir::Node* string_node(std::string_view s, Span span) { return make(ir::Node::Kind::String, span, s); }
  // Calls are built straight into the arena: most expressions lower to a few of them.
  ir::Node* call(std::string_view fn, Span span, std::initializer_list<const ir::Node*> args) {
    return call(fn, span, args.begin(), args.size());
  }
  ir::Node* call(std::string_view fn, Span span, const std::vector<const ir::Node*>& args) {
    return call(fn, span, args.data(), args.size());
  }
  ir::Node* call(std::string_view fn, Span span, const ir::Node* const* args, size_t count) {
    ir::Node* n = make(ir::Node::Kind::Call, span, fn);
    auto* a = arena_.array<const ir::Node*>(count);
    std::copy(args, args + count, a);
    n->args = a;
    n->arg_count = static_cast<uint32_t>(count);
    return n;
  }
  // A value the linter does not model (a resource's runtime property, a user function, an element of
  // a looped module): Unknown, named by its source so that two uses of the same text compare equal.
  ir::Node* opaque(std::string_view what, const Expr* e) { return opaque(what, e->span); }
  ir::Node* opaque(std::string_view what, Span span) {
    return call(what, span, {string_node(text_of(span), span)});
  }

  // Where a name the parser took from the source text is written (fallback when it is not).
  Span span_of(std::string_view name, Span fallback) const {
    if (name.data() < text_.data() || name.data() + name.size() > text_.data() + text_.size()) return fallback;
    const auto begin = static_cast<uint32_t>(name.data() - text_.data());
    return Span{begin, begin + static_cast<uint32_t>(name.size())};
  }

  // lambda('x'[, 'i'], body) over the variables binder (a Lambda or For) declares.
  const ir::Node* lambda(const Expr* binder, Span span, const ir::Node* body) {
    std::vector<const ir::Node*> args;
    for (uint32_t i = 0; i < binder->param_count; ++i) {
      args.push_back(string_node(binder->params[i], span_of(binder->params[i], span)));
    }
    args.push_back(body);
    return call("lambda", span, args);
  }

  // forLoop(source, lambda('x'[, 'i'], body)[, lambda('x'[, 'i'], condition)]) for the for-expression f.
  const ir::Node* for_loop(const Expr* f, const ir::Node* source, const ir::Node* body, const ir::Node* condition) {
    const ir::Node* body_lambda = lambda(f, f->span, body);
    if (!condition) return call("forLoop", f->span, {source, body_lambda});
    return call("forLoop", f->span, {source, body_lambda, lambda(f, f->span, condition)});
  }

  // A declaration's for-expression as a value, from the parts already lowered for the model.
  const Value* loop_value(const Expr* f, const Value* source, const Value* body, const Value* condition) {
    Value* v = arena_.make<Value>();
    v->kind = Value::Kind::Expr;
    v->span = f->span;
    v->text = text_of(f->span);
    v->text_offset = f->span.begin;
    v->expr = for_loop(f, value_node(source), value_node(body), condition ? value_node(condition) : nullptr);
    return v;
  }

  // The IR of a lowered value: an expression's own IR, or the value embedded.
  const ir::Node* value_node(const Value* v) {
    if (v->is_expr() && v->expr) return v->expr;
    ir::Node* n = make(ir::Node::Kind::Value, v->span);
    n->value = v;
    return n;
  }

  const ir::Node* node(const Expr* e) {
    if (++depth_ > kMaxDepth) {
      --depth_;
      return opaque("nestedTooDeep", e);
    }
    const ir::Node* n = lower(e);
    --depth_;
    return n;
  }

  const ir::Node* lower(const Expr* e) {
    switch (e->kind) {
      case EK::Null: return make(ir::Node::Kind::Null, e->span);
      case EK::Bool: {
        ir::Node* n = make(ir::Node::Kind::Bool, e->span);
        n->boolean = e->boolean;
        return n;
      }
      case EK::Number: return make(ir::Node::Kind::Number, e->span, e->text);
      case EK::String: return interpolation(e);
      case EK::Identifier: return identifier(e);
      case EK::Array:
      case EK::Object: {
        bool spread = false;
        if (e->kind == EK::Object) {
          for (uint32_t i = 0; i < e->prop_count; ++i) spread |= e->props[i].key == nullptr;
        } else {
          for (uint32_t i = 0; i < e->count; ++i) spread |= e->items[i]->kind == EK::Spread;
        }
        if (spread) return e->kind == EK::Object ? object_spread(e) : array_spread(e);
        ir::Node* n = make(ir::Node::Kind::Value, e->span);
        n->value = value(e);
        return n;
      }
      case EK::Parenthesized:
      case EK::NonNull: return node(e->a[0]);
      case EK::Unary: {
        if (e->op == "-" && e->a[0]->kind == EK::Number) {
          return make(ir::Node::Kind::Number, e->span, arena_.copy("-" + std::string(e->a[0]->text)));
        }
        if (e->op == "!") return call("not", e->span, {node(e->a[0])});
        return call("sub", e->span, {make(ir::Node::Kind::Number, e->span, "0"), node(e->a[0])});
      }
      case EK::Binary: return binary(e);
      case EK::Ternary: return call("if", e->span, {node(e->a[0]), node(e->a[1]), node(e->a[2])});
      case EK::Member: return member(e);
      case EK::Index: {
        // An element of a resource loop: its properties depend on the iteration.
        if (resource_symbol(e->a[0])) return opaque("resourceLoopElement", e);
        if (const Decl* m = outputs_of(e->a[0]); m && !e->safe && e->a[1]->is_plain_string()) {
          return module_output(e, *m, e->a[1]->plain_string(), e->a[1]->span);
        }
        if (e->safe) return call("tryGet", e->span, {node(e->a[0]), node(e->a[1])});
        ir::Node* n = make(ir::Node::Kind::Index, e->span);
        auto* a = arena_.array<const ir::Node*>(2);
        a[0] = node(e->a[0]);
        a[1] = node(e->a[1]);
        n->args = a;
        n->arg_count = 2;
        return n;
      }
      case EK::ResourceAccess: return opaque("reference", e);
      case EK::Call: return function_call(e);
      case EK::Lambda: {
        LoopScope scope(*this, e);
        return lambda(e, e->span, node(e->a[0]));
      }
      case EK::For: {
        const ir::Node* source = node(e->a[0]);
        LoopScope scope(*this, e);
        return for_loop(e, source, node(e->a[1]), e->a[2] ? node(e->a[2]) : nullptr);
      }
      default: return opaque("invalid", e);
    }
  }

  const ir::Node* interpolation(const Expr* e) {
    if (e->count == 0) return string_node(e->parts[0], e->span);
    // format() with the literal parts' braces escaped: '{0}-{1}'.
    std::string fmt;
    std::vector<const ir::Node*> args;
    args.push_back(nullptr);
    for (uint32_t i = 0; i <= e->count; ++i) {
      for (char c : e->parts[i]) {
        if (c == '{' || c == '}') fmt += c;
        fmt += c;
      }
      if (i < e->count) {
        fmt += "{" + std::to_string(i) + "}";
        args.push_back(node(e->items[i]));
      }
    }
    args[0] = string_node(arena_.copy(fmt), e->span);
    return call("format", e->span, args);
  }

  bool is_local(std::string_view name) const {
    return std::find(locals_.begin(), locals_.end(), name) != locals_.end();
  }

  const ir::Node* identifier(const Expr* e) {
    if (is_local(e->text)) return call("loopVariable", e->span, {string_node(e->text, e->span)});
    auto it = symbols_.find(e->text);
    if (it == symbols_.end()) return opaque("undeclared", e);
    switch (it->second.first) {
      case Sym::Param: return make(ir::Node::Kind::Parameter, e->span, e->text);
      case Sym::Var: return make(ir::Node::Kind::Variable, e->span, e->text);
      case Sym::Resource: return opaque("reference", e);
      default: return opaque("symbol", e);
    }
  }

  // The declaration of a symbol of kind `kind` that the identifier e names (not shadowed by a local).
  const Decl* symbol(const Expr* e, Sym kind) const {
    if (e->kind != EK::Identifier || is_local(e->text)) return nullptr;
    auto it = symbols_.find(e->text);
    return it != symbols_.end() && it->second.first == kind ? it->second.second : nullptr;
  }

  // The resource declaration an expression names directly (`res`, `parent::child`), if any.
  const Decl* resource_symbol(const Expr* e) {
    if (e->kind == EK::Identifier) return symbol(e, Sym::Resource);
    if (e->kind == EK::ResourceAccess) {
      const Decl* parent = resource_symbol(e->a[0]);
      if (!parent) return nullptr;
      for (const Decl* c : parent->children) {
        if (c->name == e->text) return c;
      }
    }
    return nullptr;
  }

  // The module whose outputs e reads (`m.outputs`), when m does not loop: `m[i].outputs` stays opaque.
  const Decl* outputs_of(const Expr* e) const {
    if (e->kind != EK::Member || e->safe || e->text != "outputs") return nullptr;
    const Decl* m = symbol(e->a[0], Sym::Module);
    return m && !loop_expr(*m) ? m : nullptr;
  }

  // moduleOutput('m', 'x') for `m.outputs.x` or `m.outputs['x']` (e), output named where name_span says.
  const ir::Node* module_output(const Expr* e, const Decl& m, std::string_view output, Span name_span) {
    const Expr* m_ref = e->a[0]->a[0];
    return call("moduleOutput", e->span, {string_node(m.name, m_ref->span), string_node(output, name_span)});
  }

  // `sym.name` of a resource or module: the name its body writes.
  const ir::Node* declared_name(const Decl& d, const Expr* e) {
    const Expr* name = property(body_object(d), "name");
    if (!name) return opaque("reference", e);
    DeclarationScope declared_at(*this);
    return node(name);
  }

  const ir::Node* member(const Expr* e) {
    if (const Decl* r = resource_symbol(e->a[0])) {
      if (loop_expr(*r)) return opaque("resourceLoop", e);
      if (e->text == "id") return resource_id(*r, e->span, 0);
      if (e->text == "name") return declared_name(*r, e);
      if (e->text == "type") {
        const std::string t = full_type(*r);
        if (!t.empty()) return string_node(arena_.copy(t), e->span);
      }
      if (e->text == "apiVersion") {
        if (auto [type, version] = type_and_version(*r); version) return string_node(version->text, e->span);
      }
      if (e->text == "properties" && equals_ignore_case(full_type(*r), "Microsoft.ManagedIdentity/userAssignedIdentities")) {
        // What Bicep compiles it to, reference(resourceId(…)): unknown, but known to be this
        // identity's, so `uami.properties.clientId` can be matched with it.
        return call("reference", e->span, {resource_id(*r, e->a[0]->span, 0)});
      }
      return opaque("reference", e);  // properties known only at deployment
    }
    if (const Decl* m = outputs_of(e->a[0]); m && !e->safe) {
      return module_output(e, *m, e->text, span_of(e->text, e->span));
    }
    if (const Decl* m = symbol(e->a[0], Sym::Module)) {
      if (e->text == "name" && !loop_expr(*m)) return declared_name(*m, e);
      return opaque("reference", e);  // other module properties, `m.outputs` as a whole
    }
    if (symbol(e->a[0], Sym::Other)) return opaque("reference", e);  // imported namespaces
    if (e->safe) return call("tryGet", e->span, {node(e->a[0]), string_node(e->text, e->span)});
    ir::Node* n = make(ir::Node::Kind::Member, e->span, e->text);
    auto* a = arena_.array<const ir::Node*>(1);
    a[0] = node(e->a[0]);
    n->args = a;
    n->arg_count = 1;
    return n;
  }

  // resourceId([subscription, resourceGroup,] type, name…) of a declared or existing resource.
  const ir::Node* resource_id(const Decl& r, Span span, unsigned depth) {
    const std::string type = full_type(r);
    if (type.empty() || depth > 16) return opaque("reference", span);
    std::vector<const ir::Node*> names;
    DeclarationScope declared_at(*this);
    if (!name_chain(r, names, 0)) return opaque("resourceIdOf", span);
    std::vector<const ir::Node*> args;
    const Decl* top = &r;
    while (const Decl* p = parent_of(*top)) {
      if (p == top || ++depth > 16) break;
      top = p;
    }
    if (const Expr* scope = property(body_object(*top), "scope")) {
      // Only `scope: resourceGroup([subscription,] name)` is followed; other scopes are not modelled.
      if (scope->kind != EK::Call || scope->text != "resourceGroup" || !(scope->ns.empty() || scope->ns == "az")) {
        return opaque("resourceIdAtScope", span);
      }
      for (uint32_t i = 0; i < scope->count; ++i) args.push_back(node(scope->items[i]));
      if (scope->count == 1) args.insert(args.begin(), call("subscriptionId", span, {}));
    }
    args.push_back(string_node(arena_.copy(type), span));
    args.insert(args.end(), names.begin(), names.end());
    return call("resourceId", span, args);
  }

  bool name_chain(const Decl& r, std::vector<const ir::Node*>& names, unsigned depth) {
    if (depth > 16) return false;
    if (const Decl* p = parent_of(r)) {
      if (!name_chain(*p, names, depth + 1)) return false;
    }
    const Expr* name = property(body_object(r), "name");
    if (!name) return false;
    names.push_back(node(name));
    return true;
  }

  const ir::Node* binary(const Expr* e) {
    const std::string_view op = e->op;
    const ir::Node* l = node(e->a[0]);
    const ir::Node* r = node(e->a[1]);
    const Span s = e->span;
    if (op == "==") return call("equals", s, {l, r});
    if (op == "!=") return call("not", s, {call("equals", s, {l, r})});
    if (op == "=~") return call("equals", s, {call("toLower", s, {l}), call("toLower", s, {r})});
    if (op == "!~") return call("not", s, {call("equals", s, {call("toLower", s, {l}), call("toLower", s, {r})})});
    if (op == "&&") return call("and", s, {l, r});
    if (op == "||") return call("or", s, {l, r});
    if (op == "??") return call("coalesce", s, {l, r});
    if (op == "<") return call("less", s, {l, r});
    if (op == "<=") return call("lessOrEquals", s, {l, r});
    if (op == ">") return call("greater", s, {l, r});
    if (op == ">=") return call("greaterOrEquals", s, {l, r});
    if (op == "+") return call("add", s, {l, r});
    if (op == "-") return call("sub", s, {l, r});
    if (op == "*") return call("mul", s, {l, r});
    if (op == "/") return call("div", s, {l, r});
    return call("mod", s, {l, r});
  }

  const ir::Node* function_call(const Expr* e) {
    std::string_view fn = e->text;
    if (!e->ns.empty() && e->ns != "sys" && e->ns != "az") {
      // A method on a resource (kv.getSecret()), a function of an imported namespace: not evaluated.
      return opaque("call", e);
    }
    if (auto it = symbols_.find(fn); it != symbols_.end() && it->second.first == Sym::Func) {
      return opaque("userFunction", e);
    }
    if (fn == "any" && e->count == 1) return node(e->items[0]);  // a type assertion only
    ir::Node* n = call(fn, e->span, nullptr, 0);
    auto* a = arena_.array<const ir::Node*>(e->count);
    for (uint32_t i = 0; i < e->count; ++i) a[i] = node(e->items[i]);
    n->args = a;
    n->arg_count = e->count;
    return n;
  }

  const ir::Node* object_spread(const Expr* e) {
    // {a: 1, ...x, b: 2} → union({a: 1}, x, {b: 2}): later members win, as in Bicep.
    std::vector<const ir::Node*> parts;
    std::vector<bicep::Property> run;
    auto flush = [&] {
      if (run.empty()) return;
      Expr* o = arena_.make<Expr>();
      o->kind = EK::Object;
      o->span = {run.front().span.begin, run.back().span.end};
      auto* props = arena_.array<bicep::Property>(run.size());
      std::copy(run.begin(), run.end(), props);
      o->props = props;
      o->prop_count = static_cast<uint32_t>(run.size());
      ir::Node* n = make(ir::Node::Kind::Value, o->span);
      n->value = value(o);
      parts.push_back(n);
      run.clear();
    };
    for (uint32_t i = 0; i < e->prop_count; ++i) {
      if (e->props[i].key) {
        run.push_back(e->props[i]);
      } else {
        flush();
        parts.push_back(node(e->props[i].value));
      }
    }
    flush();
    return call("union", e->span, parts);
  }

  const ir::Node* array_spread(const Expr* e) {
    std::vector<const ir::Node*> parts;
    for (uint32_t i = 0; i < e->count; ++i) {
      const Expr* item = e->items[i];
      if (item->kind == EK::Spread) {
        parts.push_back(node(item->a[0]));
      } else {
        ir::Node* n = make(ir::Node::Kind::Value, item->span);
        Value* single = arena_.make<Value>();
        single->kind = Value::Kind::Array;
        single->size = 1;
        single->items = value(item);
        single->span = item->span;
        n->value = single;
        parts.push_back(n);
      }
    }
    return call("concat", e->span, parts);
  }

 private:
  std::shared_ptr<const SourceFile> file_;
  std::string_view text_;
  Arena& arena_;
  const bicep::ParsedFile& parsed_;
  std::unordered_map<std::string_view, std::pair<Sym, const Decl*>> symbols_;
  std::unordered_map<std::string_view, const Decl*> types_;
  std::unordered_map<const Decl*, size_t> resource_index_;
  std::vector<std::pair<size_t, const Decl*>> parents_;
  std::vector<std::string_view> locals_;
  unsigned depth_ = 0;
};

}  // namespace

BicepLoadResult load_bicep(const std::shared_ptr<const SourceFile>& file, bool params_file) {
  BicepLoadResult result;
  auto arena = std::make_shared<Arena>();
  const bicep::ParsedFile parsed = bicep::parse(file->text(), *arena, params_file);
  for (const bicep::SyntaxError& e : parsed.errors) result.syntax_errors.push_back(SyntaxError{e.span, e.message});
  auto t = std::make_unique<Template>();
  t->file = file;
  t->arena = arena;
  t->expressions = &kLowered;
  Lowering lowering(file, *arena, parsed);
  lowering.run(*t);
  // Deployments that embed a template: even without '[…]' strings, its resources are linted.
  const bool embeds = std::any_of(t->resources.begin(), t->resources.end(), [](const Resource& r) {
    const Value* props = r.body->find("properties");
    return r.full_type == "Microsoft.Resources/deployments" && props && props->find("template");
  });
  if (embeds) add_nested_arm_templates(*t);
  result.tmpl = std::move(t);
  return result;
}

}  // namespace idlint
