// ARM JSON → model: parameters, variables, resources (array or symbolic form) and their copy loops,
// child resources, outputs and inline nested deployments. Expressions are parsed lazily, when a rule's
// evaluation reaches them.
#include "load/arm_template.h"

#include "expr/arm_expression_parser.h"
#include "load/directives.h"

namespace idlint {
namespace {

class ArmExpressions final : public ExpressionSource {
 public:
  explicit ArmExpressions(Arena& arena) : arena_(arena) {}
  const ir::Node* expression(const Value& value, std::string& error) const override {
    if (value.expr) return value.expr;
    ExpressionParseResult r = parse_arm_expression(value.text, value.text_offset, value.span, arena_);
    if (!r.node) {
      error = "the expression cannot be parsed: " + r.error;
      return nullptr;
    }
    value.expr = r.node;
    return r.node;
  }

 private:
  Arena& arena_;
};

struct Builder {
  std::shared_ptr<const SourceFile> file;
  std::shared_ptr<Arena> arena;
  const ArmExpressions* expressions;

  std::unique_ptr<Template> build(const Value& root, const Template* outer, const Resource* deployment) {
    auto t = std::make_unique<Template>();
    t->file = file;
    t->arena = arena;
    t->root = &root;
    t->outer = outer;
    t->deployment = deployment;
    t->expressions = expressions;

    if (deployment) {
      const Value* props = deployment->body->find("properties");
      const Value* options = props ? props->find("expressionEvaluationOptions") : nullptr;
      const Value* scope = options ? options->find("scope") : nullptr;
      t->outer_scope = !(scope && scope->is_string() && equals_ignore_case(scope->text, "inner"));
    }

    if (const Value* params = root.find("parameters"); params && params->is_object()) {
      const Value* passed = nullptr;
      if (deployment) {
        const Value* props = deployment->body->find("properties");
        passed = props ? props->find("parameters") : nullptr;
      }
      for (uint32_t i = 0; i < params->size; ++i) {
        const Member& m = params->members[i];
        if (!m.key->is_string()) continue;
        Parameter p;
        p.name = m.key->text;
        p.name_span = m.key->span;
        p.declaration = m.value;
        if (m.value->is_object()) {
          if (const Value* type = m.value->find("type"); type && type->is_string()) p.type = type->text;
          p.default_value = m.value->find("defaultValue");
          if (const Value* nullable = m.value->find("nullable");
              !p.default_value && nullable && nullable->kind == Value::Kind::Bool && nullable->boolean) {
            // A nullable parameter that is not passed is null (compiled Bicep `param x T?`).
            Value* null = arena->make<Value>();
            null->kind = Value::Kind::Null;
            null->span = nullable->span;
            p.default_value = null;
          }
          if (const Value* allowed = m.value->find("allowedValues"); allowed && allowed->is_array()) {
            p.allowed_values = allowed;
          }
        }
        // With scope 'outer' the caller cannot pass parameters; any value passed counts otherwise.
        if (passed && passed->is_object() && !t->outer_scope) {
          p.passed_by_caller = passed->find(p.name) != nullptr;
        } else if (passed && passed->is_expr()) {
          p.passed_by_caller = true;
        }
        p.default_only = deployment && !p.passed_by_caller;
        t->parameters.push_back(p);
      }
    }

    if (const Value* vars = root.find("variables"); vars && vars->is_object()) {
      for (uint32_t i = 0; i < vars->size; ++i) {
        const Member& m = vars->members[i];
        if (!m.key->is_string()) continue;
        t->variables.push_back(Variable{m.key->text, m.key->span, m.value});
      }
    }

    if (const Value* resources = root.find("resources")) {
      if (resources->is_array()) {
        for (uint32_t i = 0; i < resources->size; ++i) add_resource(*t, resources->items[i], {}, -1);
      } else if (resources->is_object()) {
        for (uint32_t i = 0; i < resources->size; ++i) {
          const Member& m = resources->members[i];
          add_resource(*t, *m.value, m.key->text, -1);
        }
      }
    }

    if (const Value* outputs = root.find("outputs"); outputs && outputs->is_object()) {
      for (uint32_t i = 0; i < outputs->size; ++i) {
        const Member& m = outputs->members[i];
        if (!m.key->is_string()) continue;
        // An output loop ('copy' instead of 'value') has no single value: it stays null.
        const Value* value = m.value->is_object() ? m.value->find("value") : nullptr;
        t->outputs.push_back(Output{m.key->text, m.key->span, value});
      }
    }

    fix_parents(*t);
    add_nested(*t);
    return t;
  }

  // copy: {name, count}: count iterations, which copyIndex('name') reads.
  static Loop copy_loop(const Value* copy) {
    Loop loop;
    const Value* count = copy && copy->is_object() ? copy->find("count") : nullptr;
    if (!count) return loop;
    loop.source = count;
    if (const Value* name = copy->find("name"); name && name->is_string()) loop.item = name->text;
    loop.arm_copy = true;
    return loop;
  }

  // Nested deployments are built after the resource vector is complete so pointers stay valid.
  void add_nested(Template& t) {
    for (const Resource& r : t.resources) {
      if (!equals_ignore_case(r.full_type, "Microsoft.Resources/deployments")) continue;
      const Value* props = r.body->find("properties");
      const Value* inner = props ? props->find("template") : nullptr;
      if (inner && inner->is_object()) t.nested.push_back(build(*inner, &t, &r));
    }
  }

  void add_resource(Template& t, const Value& body, std::string_view symbolic_name, long parent_index) {
    if (!body.is_object()) return;
    if (const Value* existing = body.find("existing");
        existing && existing->kind == Value::Kind::Bool && existing->boolean) {
      return;  // an existing resource is only referenced, never deployed
    }
    Resource r;
    r.owner = &t;
    r.symbolic_name = symbolic_name;
    r.body = &body;
    r.type = body.find("type");
    r.api_version = body.find("apiVersion");
    r.name = body.find("name");
    r.condition = body.find("condition");
    r.copy = body.find("copy");
    r.loop = copy_loop(r.copy);
    const Resource* parent = parent_index >= 0 ? &t.resources[static_cast<size_t>(parent_index)] : nullptr;
    if (r.type && r.type->is_string()) {
      std::string_view type = r.type->text;
      if (!parent) {
        r.full_type = std::string(type);
      } else if (!parent->full_type.empty()) {
        r.full_type =
            type.find('/') != std::string_view::npos ? std::string(type) : parent->full_type + "/" + std::string(type);
      }
    }
    if (parent) r.name_parts = parent->name_parts;
    r.name_parts.push_back(r.name);
    const long index = static_cast<long>(t.resources.size());
    t.resources.push_back(std::move(r));
    // Parent pointers are fixed up after the vector stops growing.
    parents_.push_back({index, parent_index});
    if (const Value* children = body.find("resources"); children && children->is_array()) {
      for (uint32_t i = 0; i < children->size; ++i) add_resource(t, children->items[i], {}, index);
    }
  }

  void fix_parents(Template& t) {
    for (auto [child, parent] : parents_) {
      if (parent >= 0) t.resources[static_cast<size_t>(child)].parent = &t.resources[static_cast<size_t>(parent)];
    }
    parents_.clear();
  }

  std::vector<std::pair<long, long>> parents_;
};

// `az resource show` and the portal print a deployed resource as one object with its full ID.
bool is_live_resource(const Value& root) {
  if (!root.is_object() || root.find("$schema") || root.find("resources")) return false;
  const Value* id = root.find("id");
  const Value* type = root.find("type");
  return id && id->is_string() && starts_with_ignore_case(id->text, "/subscriptions/") && type && type->is_string() &&
         type->text.find('/') != std::string_view::npos && (root.find("identity") || root.find("properties"));
}

// The service commands (`az postgres flexible-server show`, `az mysql flexible-server show`) print
// a resource's properties flattened beside its envelope, where ARM and `az resource show` nest
// them under `properties`. The flattened form is read as the nested one, or its dataEncryption
// would look absent (a system-managed server).
const Value& nested_properties(const Value& root, Arena& arena) {
  static constexpr std::string_view kEnvelope[] = {
      "id",   "name",  "type", "location",  "tags",       "sku",  "identity",         "systemData",
      "kind", "zones", "etag", "managedBy", "apiVersion", "plan", "extendedLocation", "resourceGroup"};
  if (root.find("properties")) return root;
  auto in_envelope = [&](const Member& m) {
    if (m.key->kind != Value::Kind::String) return true;
    for (std::string_view k : kEnvelope) {
      if (equals_ignore_case(m.key->text, k)) return true;
    }
    return false;
  };
  uint32_t envelope = 0;
  for (uint32_t i = 0; i < root.size; ++i) envelope += in_envelope(root.members[i]) ? 1 : 0;
  if (envelope == root.size) return root;
  Member* outer = arena.array<Member>(envelope + 1);
  Member* inner = arena.array<Member>(root.size - envelope);
  uint32_t o = 0;
  uint32_t n = 0;
  for (uint32_t i = 0; i < root.size; ++i) (in_envelope(root.members[i]) ? outer[o++] : inner[n++]) = root.members[i];
  Value* key = arena.make<Value>();
  key->kind = Value::Kind::String;
  key->text = "properties";
  key->span = root.span;
  Value* properties = arena.make<Value>(root);
  properties->size = n;
  properties->members = inner;
  outer[o++] = Member{key, properties};
  Value* body = arena.make<Value>(root);
  body->size = o;
  body->members = outer;
  return *body;
}

}  // namespace

void add_nested_arm_templates(Template& t) {
  auto expressions = std::make_shared<ArmExpressions>(*t.arena);
  Builder builder{t.file, t.arena, expressions.get(), {}};
  builder.add_nested(t);
  // The nested templates use the expression source; the outer template keeps it alive.
  t.owned_expressions = expressions;
}

bool is_deployment_template_schema(std::string_view schema) {
  return contains_ignore_case(schema, "deploymentTemplate.json");
}

bool may_be_deployment_template(std::string_view text) {
  static constexpr std::string_view needle = "eploymenttemplate.json";
  // Scan for 'd'/'D' then compare the rest case-insensitively; cheap on large non-template files.
  for (size_t i = 0; i + 1 + needle.size() <= text.size(); ++i) {
    const char c = text[i];
    if ((c == 'd' || c == 'D') && equals_ignore_case(text.substr(i + 1, needle.size()), needle)) return true;
  }
  return false;
}

ArmLoadResult load_arm_template(const std::shared_ptr<const SourceFile>& file) {
  ArmLoadResult result;
  auto arena = std::make_shared<Arena>();
  JsonReadResult json = read_json(file->text(), *arena);
  if (json.error) {
    result.syntax_error = std::move(json.error);
    return result;
  }
  result.parsed = true;
  const Value* root = json.root;
  const Value* schema = root->is_object() ? root->find("$schema") : nullptr;
  const bool live = is_live_resource(*root);
  if (!live && (!schema || !schema->is_string() || !is_deployment_template_schema(schema->text))) return result;
  result.is_template = true;

  // The expression source must outlive the template; it is kept in the arena's lifetime by a holder.
  struct Holder {
    std::shared_ptr<Arena> arena;
    ArmExpressions expressions;
  };
  auto holder = std::make_shared<Holder>(Holder{arena, ArmExpressions(*arena)});
  Builder builder{file, arena, &holder->expressions, {}};
  if (live) {
    // A deployed resource: a template of that one resource, with its values as Azure reports them.
    result.tmpl = std::make_unique<Template>();
    result.tmpl->file = file;
    result.tmpl->root = root;
    result.tmpl->expressions = &holder->expressions;
    result.tmpl->live_resource = true;
    builder.add_resource(*result.tmpl, nested_properties(*root, *arena), {}, -1);
    builder.fix_parents(*result.tmpl);
  } else {
    result.tmpl = builder.build(*root, nullptr, nullptr);
  }
  for (Span comment : json.line_comments) {
    if (std::optional<DisableDirective> d = read_idlint_directive(*file, comment)) {
      result.tmpl->disable_next_line.push_back(std::move(*d));
    }
  }
  // Share ownership: the template's arena pointer keeps the holder (and so the expressions) alive.
  result.tmpl->arena = std::shared_ptr<Arena>(holder, holder->arena.get());
  return result;
}

}  // namespace idlint
