// The rule-facing view of a resource: evaluation of property paths, locations and reporting.
#include "rules/check.h"

#include <algorithm>

#include "expr/candidates.h"
#include "load/bicep_template.h"

namespace idlint {

namespace {
bool inside(Span inner, Span outer) { return inner.begin >= outer.begin && inner.end <= outer.end && !inner.empty(); }

std::string join(const Path& path) {
  std::string s;
  for (std::string_view p : path) {
    if (!s.empty()) s += '.';
    s += p;
  }
  return s;
}

}  // namespace

ResourceCheck::ResourceCheck(const Resource& resource, Evaluator& evaluator, const Binding& binding,
                             const std::set<const Parameter*>& varying, const Sink& sink, bool bicep_as_written)
    : resource_(resource),
      evaluator_(evaluator),
      binding_(binding),
      varying_(varying),
      sink_(sink),
      bicep_as_written_(bicep_as_written) {}

bool ResourceCheck::is_postgresql_flexible_server() const {
  return equals_ignore_case(resource_.full_type, "Microsoft.DBforPostgreSQL/flexibleServers");
}

bool ResourceCheck::is_mysql_flexible_server() const {
  return equals_ignore_case(resource_.full_type, "Microsoft.DBforMySQL/flexibleServers");
}

std::string ResourceCheck::api_version() {
  if (!api_version_) {
    // From the model, not the body: Bicep writes it in the type string ('Type@version').
    const Val v = resource_.api_version ? evaluator_.evaluate(*resource_.owner, *resource_.api_version) : Val::absent();
    api_version_ = v.is_string() ? v.str : std::string();
  }
  return *api_version_;
}

CatalogLookup ResourceCheck::catalog() {
  if (type().empty()) return {};
  const std::string api = api_version();
  if (api.empty()) return {};
  return IdentityCatalog::builtin().lookup(type(), api);
}

const Val& ResourceCheck::property(const Path& path) {
  const std::string key = join(path);
  if (auto it = cache_.find(key); it != cache_.end()) return note_read(it->second);
  return note_read(cache_.emplace(key, evaluate_path(resource_, path)).first->second);
}

const Val& ResourceCheck::property_of(const Resource& other, const Path& path) {
  auto key = std::make_pair(&other, join(path));
  if (auto it = other_cache_.find(key); it != other_cache_.end()) return note_read(it->second);
  return note_read(other_cache_.emplace(std::move(key), evaluate_path(other, path)).first->second);
}

Val ResourceCheck::evaluate_path(const Resource& res, const Path& path) {
  // Walk the written tree as far as it goes, evaluate there, then continue on the evaluated value.
  const Value* v = res.body;
  size_t i = 0;
  while (i < path.size() && v->is_object()) {
    const Value* next = v->find(path[i]);
    if (!next) return Val::absent();
    v = next;
    ++i;
  }
  // What is written there is evaluated once for every path through it: a 'properties' written as
  // one expression (Azure Verified Modules build it with shallowMerge()) is read by several rules
  // and by every identity reference of the type.
  auto [at, fresh] = evaluated_.try_emplace(v);
  if (fresh) at->second = evaluator_.evaluate(*res.owner, *v);
  const Val& whole = at->second;
  if (i == path.size()) return whole;
  if (!whole.is_unknown() && !whole.is_object()) return Val::absent();
  // A member depends on whatever chose its object (an if() around a whole identity, say).
  Val result = whole.member(path[i]);
  merge_deps(result, whole);
  for (++i; i < path.size(); ++i) {
    if (result.is_unknown() || result.is_object()) {
      Val member = result.member(path[i]);
      merge_deps(member, result);
      result = std::move(member);
    } else {
      return Val::absent();
    }
  }
  return result;
}

const Resource* ResourceCheck::deployed_parent(std::string_view parent_type) {
  const Resource* parent = resource_.parent;
  if (!parent) {
    // A child declared beside its parent, named 'parent/child': the parent of that type and name.
    const Val name = resource_.name ? evaluator_.evaluate(*resource_.owner, *resource_.name) : Val::absent();
    const size_t slash = name.is_string() ? name.str.rfind('/') : std::string::npos;
    if (slash == std::string::npos || slash == 0) return nullptr;
    const std::string_view wanted = std::string_view(name.str).substr(0, slash);
    // Each child evaluates the names of the resources of its parent's type: past a few, a template of
    // thousands of them would cost their product, so the parent is left unknown.
    constexpr size_t kMaxCandidates = 64;
    size_t candidates = 0;
    for (const Resource& other : resource_.owner->resources) {
      if (&other == &resource_ || !equals_ignore_case(other.full_type, parent_type) || !other.name) continue;
      if (++candidates > kMaxCandidates) return nullptr;
      const Val other_name = evaluator_.evaluate(*other.owner, *other.name);
      if (other_name.is_unknown()) return nullptr;  // it might be the parent: nothing is known
      if (other_name.is_string() && equals_ignore_case(other_name.str, wanted)) {
        if (parent) return nullptr;  // two candidates
        parent = &other;
      }
    }
  }
  if (!parent || !equals_ignore_case(parent->full_type, parent_type) || parent->loop.loops()) return nullptr;
  if (parent->condition) {
    const Val deployed = evaluator_.evaluate(*parent->owner, *parent->condition);
    if (deployed.kind != Val::Kind::Bool || !deployed.boolean) return nullptr;
  }
  return parent;
}

namespace {
// The member of an object, or the item of an array a step names by its index ("0"); null if none.
const Value* step_into(const Value& v, std::string_view step) {
  if (v.is_object()) return v.find(step);
  if (!v.is_array() || step.empty() || step.size() > 9) return nullptr;
  uint32_t index = 0;
  for (char c : step) {
    if (c < '0' || c > '9') return nullptr;
    index = index * 10 + static_cast<uint32_t>(c - '0');
  }
  return index < v.size ? &v.items[index] : nullptr;
}
}  // namespace

Span ResourceCheck::locate(const Path& path) const {
  const Value* v = resource_.body;
  for (std::string_view step : path) {
    const Value* next = step_into(*v, step);
    if (!next) break;
    v = next;
  }
  return v->span;
}

namespace {
std::string origin_description(const Origin& o) {
  switch (o.kind) {
    case Origin::Kind::ParameterDefault:
      return "the default value of parameter '" + std::string(o.name) + "'";
    case Origin::Kind::ParameterAllowed:
      return "an allowed value of parameter '" + std::string(o.name) + "'";
    case Origin::Kind::ParameterBool:
      return "bool parameter '" + std::string(o.name) + "' (true and false are both checked)";
    case Origin::Kind::Variable:
      return "the value set in variable '" + std::string(o.name) + "'";
    case Origin::Kind::Argument:
      return "the value passed to parameter '" + std::string(o.name) + "'";
    case Origin::Kind::ParameterFile:
      return "parameter '" + std::string(o.name) + "' is set here, in the parameter file";
    case Origin::Kind::LoopItem:
      return "the loop item '" + std::string(o.name) + "'";
    default:
      return "the value is written here";
  }
}
}  // namespace

const Value* ResourceCheck::written(const Path& path) const {
  const Value* v = resource_.body;
  for (std::string_view step : path) {
    v = step_into(*v, step);
    if (!v) return nullptr;
  }
  return v;
}

namespace {

bool bicep_file(const SourceFile* f) { return f && (is_bicep_path(f->path()) || is_bicepparam_path(f->path())); }

// The text written at span when it is one short line (empty otherwise): a Bicep key written
// '${uami.id}' is shown as the expression inside.
std::string written_text(const SourceFile* file, Span span, size_t max) {
  if (!file || span.empty() || span.end > file->text().size()) return {};
  std::string_view t = file->text().substr(span.begin, span.end - span.begin);
  if (t.size() >= 5 && t.substr(0, 3) == "'${" && t.substr(t.size() - 2) == "}'" &&
      t.find("${", 3) == std::string_view::npos && t.find('}') == t.size() - 2) {
    t = t.substr(3, t.size() - 5);
  }
  if (t.empty() || t.size() > max || t.find('\n') != std::string_view::npos) return {};
  return std::string(t);
}

// A name that is not known, in the file's own syntax: the parameter it is (`prefix`,
// parameters('prefix')), or the parameters it is made from. Never a bare '?'.
std::string unknown_name(const Val& name, bool bicep) {
  const bool single = name.deps.size() == 1 && name.deps[0] != &kManyParameters;
  if (single && name.symbol.rfind("parameters('", 0) == 0) {
    const std::string p(name.deps[0]->name);
    return bicep ? p : "parameters('" + p + "')";
  }
  std::string from;
  for (size_t i = 0; i < name.deps.size() && i < 3; ++i) {
    if (name.deps[i] == &kManyParameters) break;
    from += (i ? ", '" : "'") + std::string(name.deps[i]->name) + "'";
  }
  if (from.empty()) return "(a name not known here)";
  return "(a name made from parameter" + std::string(name.deps.size() > 1 ? "s " : " ") + from + ")";
}

// Whether a value holds a part that is not known (a resource ID with a name not known).
bool has_unknown_part(const Val& v) {
  return v.is_unknown() || std::any_of(v.items.begin(), v.items.end(), [](const Val& i) { return i.is_unknown(); });
}

}  // namespace

std::string ResourceCheck::shown(const Path& path, const Val& v) const {
  const Value* w = v.is_unknown() ? written(path) : nullptr;
  if (!w || !w->is_expr()) return show(v);
  std::string source = written_text(resource_.owner->file.get(), w->span, 80);
  return source.empty() ? show(v) : source;
}

std::string ResourceCheck::show_user_identity(const Val& id) const {
  const std::string shown = show(id);  // identity 'NAME', or what is written: uami.id, '…/NAME'
  return "user-assigned " + (shown.rfind("identity ", 0) == 0 ? shown : "identity " + shown);
}

bool ResourceCheck::shows_bicep() const { return bicep_as_written_ && bicep_file(resource_.owner->file.get()); }

std::string ResourceCheck::show(const Val& v) const {
  const bool known_scalar = v.is_string() || v.kind == Val::Kind::Bool || v.kind == Val::Kind::Number ||
                            v.kind == Val::Kind::Null;
  const bool bicep = bicep_as_written_ && bicep_file(v.origin.file);
  if (bicep && !known_scalar) {
    // Short, unless a part is not known: then the expression says more than anything else can.
    if (std::string t = written_text(v.origin.file, v.origin.span, has_unknown_part(v) ? 120 : 60); !t.empty())
      return t;
    if (v.origin.kind == Origin::Kind::Variable && !v.origin.name.empty()) return std::string(v.origin.name);
  }
  if (v.is_string() && starts_with_ignore_case(v.str, "/subscriptions/")) {
    // A resource ID string by its last type and name: '…/userAssignedIdentities/uami-app'.
    const size_t name = v.str.rfind('/');
    const size_t type = name == std::string::npos || name == 0 ? std::string::npos : v.str.rfind('/', name - 1);
    if (type != std::string::npos && type > 0 && name + 1 < v.str.size()) return quote_text("…" + v.str.substr(type));
  }
  if (v.kind == Val::Kind::ResourceId) {
    if (equals_ignore_case(v.str, "Microsoft.ManagedIdentity/userAssignedIdentities") && v.items.size() == 1) {
      const Val& name = v.items[0];
      return "identity " + (name.is_string() ? quote_text(name.str, 80) : unknown_name(name, bicep));
    }
    std::string out = "resourceId(" + quote_text(v.str, 80);
    for (const Val& name : v.items) out += ", " + (name.is_string() ? quote_text(name.str, 80) : unknown_name(name, bicep));
    return out + ")";
  }
  return describe(v);
}

std::vector<Location> ResourceCheck::origin_of(const Val& v, Span primary) const {
  // The value itself, and for a resource ID the parts of its name, where they were written
  // outside the place the finding points at.
  std::vector<const Val*> parts = {&v};
  if (v.kind == Val::Kind::ResourceId) {
    for (const Val& segment : v.items) parts.push_back(&segment);
  }
  std::vector<Location> out;
  for (const Val* part : parts) {
    const Origin& o = part->origin;
    if (o.kind == Origin::Kind::None || o.span.empty() || !o.file) continue;
    if (o.file == resource_.owner->file.get() && inside(o.span, primary)) continue;
    if (o.kind == Origin::Kind::Template && part != &v) continue;  // a literal name written beside the call
    const bool seen = std::any_of(out.begin(), out.end(), [&](const Location& l) {
      return l.span.begin == o.span.begin && l.span.end == o.span.end;
    });
    std::string description = origin_description(o);
    if (part != &v && (o.kind == Origin::Kind::Argument || o.kind == Origin::Kind::ParameterFile)) {
      description = "the name: " + description;  // a segment of the resource ID
    }
    if (!seen) out.push_back(Location{o.file->shared_from_this(), o.span, std::move(description)});
  }
  return out;
}

namespace {
bool declares(const Template& t, const Parameter* p) {
  return !t.parameters.empty() && p >= &t.parameters.front() && p <= &t.parameters.back();
}
}  // namespace

const Frame* ResourceCheck::declaring_frame(const Parameter* p) const {
  for (const Frame* f = evaluator_.frame(); f; f = f->parent) {
    if (f->kind != Frame::Kind::Loop && f->tmpl && declares(*f->tmpl, p)) return f;
  }
  return nullptr;
}

const SourceFile* ResourceCheck::declaring_file(const Parameter* p) const {
  if (const Frame* f = declaring_frame(p)) return f->tmpl->file.get();
  return declares(*resource_.owner, p) ? resource_.owner->file.get() : nullptr;
}

BindingNote ResourceCheck::binding_note(const Val& v) const {
  // The parameters the offending value and the rule's other reads depend on (the identity type that
  // makes a null userAssignedIdentities wrong); the collector leaves out those that do not matter.
  std::vector<const Parameter*> deps = v.deps;
  for (const Val* r : reads_) deps.insert(deps.end(), r->deps.begin(), r->deps.end());
  std::sort(deps.begin(), deps.end());
  deps.erase(std::unique(deps.begin(), deps.end()), deps.end());
  BindingNote note;
  for (const Parameter* p : deps) {
    if (!varying_.count(p)) continue;
    const Choice* c = binding_.find(p);
    if (!c || !c->value) continue;
    NamedChoice n;
    n.parameter = p;
    n.value = describe(*c);
    n.chosen = c->value;
    n.candidates = candidate_count(*p);
    n.is_default = c->kind == Origin::Kind::ParameterDefault;
    n.where = where_chosen(p, *c);
    note.named.push_back(std::move(n));
  }
  return note;
}

Location ResourceCheck::where_chosen(const Parameter* p, const Choice& c) const {
  const SourceFile* file = declaring_file(p);
  if (!file || !c.value) return {};
  // A bool's true and false are not written anywhere: its declaration stands for them.
  const bool written = !c.value->span.empty() && c.kind != Origin::Kind::ParameterBool;
  const Origin where{c.kind, file, written ? c.value->span : p->name_span, p->name};
  return Location{file->shared_from_this(), where.span, origin_description(where)};
}

namespace {

// '', null, {} or []: a default that means "the caller gives this when it is needed" (a nullable
// parameter left unset has a null default).
bool empty_default(const Parameter& p) {
  const Value* d = p.default_value;
  if (!d) return false;
  if (d->is_null()) return true;
  if (d->is_string()) return d->text.empty();
  return (d->is_object() || d->is_array()) && d->size == 0;
}

}  // namespace

ResourceCheck::Setting ResourceCheck::setting_of(const Parameter* p, std::string* given) const {
  if (p == &kManyParameters) return Setting::Unknown;
  const Frame* f = declaring_frame(p);
  if (!f) return Setting::Unknown;
  const Setting unset = empty_default(*p) ? Setting::EmptyDefault : Setting::Default;
  const std::string name = "parameter '" + std::string(p->name) + "'";
  if (f->kind == Frame::Kind::Root && f->free) {
    if (p->passed_by_caller) return Setting::Unknown;
    const Choice* c = binding_.find(p);
    if (!c) return p->can_vary() ? Setting::Unknown : unset;
    if (c->kind == Origin::Kind::ParameterDefault) return unset;
    if (!c->value) return Setting::Unknown;
    if (given) *given = name + " is " + describe(*c);
    return Setting::Given;
  }
  if (f->find_argument(p->name)) {
    if (given) *given = name + " is given" + (f->label.empty() ? std::string() : " by " + f->label);
    return Setting::Given;
  }
  return f->args_unknown_reason.empty() ? unset : Setting::Unknown;
}

std::string ResourceCheck::contract_text(const Val& offending, std::vector<std::string>* not_given_names,
                                         std::vector<Location>* related) const {
  std::vector<std::string_view> not_given;
  std::vector<Location> places;  // each parameter the contract names, where its value is written
  for (const Parameter* p : offending.deps) {
    if (setting_of(p, nullptr) != Setting::EmptyDefault) continue;
    not_given.push_back(p->name);
    if (const SourceFile* file = declaring_file(p); file && p->default_value && !p->default_value->span.empty()) {
      places.push_back(Location{file->shared_from_this(), p->default_value->span,
                                "parameter '" + std::string(p->name) + "' is not given: its default is empty"});
    }
  }
  if (not_given.empty()) return {};
  // The parameters given a value, among those the offending value and the rule's other reads
  // depend on (the identity type that makes a null userAssignedIdentities wrong).
  std::vector<const Parameter*> read = offending.deps;
  for (const Val* v : reads_) read.insert(read.end(), v->deps.begin(), v->deps.end());
  std::sort(read.begin(), read.end());
  read.erase(std::unique(read.begin(), read.end()), read.end());
  constexpr size_t kNamed = 4;
  std::string text;
  size_t given_count = 0;
  for (const Parameter* p : read) {
    std::string given;
    if (setting_of(p, &given) != Setting::Given) continue;
    if (const Choice* c = binding_.find(p); c && given_count < kNamed) {
      if (Location l = where_chosen(p, *c); l.file) places.push_back(std::move(l));
    }
    // "when parameter 'a' is 'X' and 'b' is …": the word once.
    if (given_count++ < kNamed) text += text.empty() ? "when " + given : " and " + given.substr(std::string("parameter ").size());
  }
  if (given_count == 0) return {};
  if (given_count > kNamed) text += " and " + std::to_string(given_count - kNamed) + " more";
  for (size_t i = 0; i < not_given.size() && i < kNamed; ++i) {
    text += (i == 0 || i + 1 == not_given.size() || i + 1 == kNamed ? " and '" : ", '") +
            std::string(not_given[i]) + "'";
  }
  text += not_given.size() == 1 ? " is not given" : " are not given";
  for (std::string_view name : not_given) not_given_names->emplace_back(name);
  for (Location& l : places) related->push_back(std::move(l));
  return text;
}

Span ResourceCheck::primary_for(const Path& path, const Val& offending) const {
  const Origin& o = offending.origin;
  // Written in this resource: point at it exactly, even inside an expression.
  if (o.file == resource_.owner->file.get() && inside(o.span, resource_.body->span)) return o.span;
  return locate(path);
}

void ResourceCheck::report(const RuleInfo& rule, const Path& path, const Val& offending, std::string message,
                           std::string help) {
  const Span primary = primary_for(path, offending);
  report_at(rule, primary, path, &offending, std::move(message), std::move(help), origin_of(offending, primary));
}

void ResourceCheck::report_at(const RuleInfo& rule, Span primary, const Path& logical_path, const Val* offending,
                              std::string message, std::string help, std::vector<Location> related) {
  Finding f;
  f.rule = &rule;
  f.level = rule.level;
  f.primary = Location{resource_.owner->file, primary, {}};
  f.message = std::move(message);
  f.help = std::move(help);
  f.related = std::move(related);
  // Which resource and property, stable when lines move: the composed name as written.
  std::string name;
  for (const Value* part : resource_.name_parts) {
    if (!name.empty()) name += '/';
    if (part && (part->is_string() || part->is_expr())) name += part->text;
  }
  f.logical = resource_.full_type + "|" + name + "|" + join(logical_path);
  if (offending) f.cause = Finding::Cause{offending->deps, offending->origin.file, offending->origin.span};
  BindingNote binding;
  if (offending) {
    // A contract the caller keeps is not a failure the template causes: a warning, whatever the rule.
    if (std::string contract = contract_text(*offending, &f.contract, &f.related); !contract.empty()) {
      f.level = std::min(f.level, Level::Warning);
      binding.text = std::move(contract);
    } else {
      binding = binding_note(*offending);
    }
  }
  sink_(std::move(f), std::move(binding));
}

bool type_includes_user_assigned(const Val& type) {
  return type.is_string() && contains_ignore_case(type.str, "UserAssigned");
}

bool type_includes_system_assigned(const Val& type) {
  return type.is_string() &&
         (contains_ignore_case(type.str, "SystemAssigned") || contains_ignore_case(type.str, "SystemAndUserAssigned"));
}

}  // namespace idlint
