// What a rule sees of one resource under one parameter binding: evaluated properties, places to
// point at, and a way to report. Rules never see ARM or Bicep syntax.
#pragma once
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "expr/eval.h"
#include "model/finding.h"
#include "model/template.h"
#include "rules/catalog.h"
#include "rules/rule.h"

namespace idlint {

using Path = std::vector<std::string_view>;

class ResourceCheck {
 public:
  using Sink = std::function<void(Finding&&, BindingNote&& binding)>;

  // bicep_as_written: show() gives a Bicep file's values as written there (see show()).
  ResourceCheck(const Resource& resource, Evaluator& evaluator, const Binding& binding,
                const std::set<const Parameter*>& varying, const Sink& sink, bool bicep_as_written = true);

  const Resource& resource() const { return resource_; }
  // The resource type ('Microsoft.DBforPostgreSQL/flexibleServers'), empty when not a literal.
  const std::string& type() const { return resource_.full_type; }
  bool is_postgresql_flexible_server() const;
  bool is_mysql_flexible_server() const;
  // The api-version when known, else empty.
  std::string api_version();
  // The catalog entry for this type and api-version.
  CatalogLookup catalog();

  // A property of the resource body, evaluated ({"identity", "type"}). Absent when not written.
  const Val& property(const Path& path);

  // The parent resource whose identity a child's property names (a parent-scope reference): the
  // resource of type parent_type that this one is nested in (ARM), names with `parent:` (Bicep), or
  // whose name is the part before the last '/' of this one's ('apim/kv'), in the same template.
  // Null when there is none here (a parent deployed elsewhere or `existing`), when it loops, or when
  // it may not be deployed under this binding: what it holds is not known.
  const Resource* deployed_parent(std::string_view parent_type);
  // A property of another resource of the same template (a parent), evaluated as property() does.
  const Val& property_of(const Resource& other, const Path& path);

  // The span to point at for the property at path: the property's own value when it is written in
  // the resource, else the deepest enclosing property that is (e.g. an 'identity' set from a variable).
  Span locate(const Path& path) const;
  // The value written at exactly this path in the resource, or null when the path passes through an
  // expression or is not written.
  const Value* written(const Path& path) const;
  // v for a message: describe(v), or, when v is unknown, the expression written at path as the
  // user wrote it (`ids[0].id`, "[variables('id')]"), which says more than "(unknown)".
  std::string shown(const Path& path, const Val& v) const;
  // v for a message, in the user's own terms: a known value as it evaluates ('SystemAssigned'); in
  // a Bicep file, an identity ID or an unknown value as the expression written there (`uami.id`,
  // `'${prefix}-id'`); otherwise a user-assigned identity ID by its name (identity 'uami-app'), and
  // a name that is not known by the parameter it comes from. Never a bare '?'.
  std::string show(const Val& v) const;
  // A user-assigned identity's ID as a message names it: "user-assigned identity 'uami-app'",
  // "user-assigned identity keyIdentity.id".
  std::string show_user_identity(const Val& id) const;
  // Whether messages about this resource are written in Bicep terms (a Bicep file, shown as written).
  bool shows_bicep() const;

  // Reports a finding about the value at path. When the offending value was written inside the
  // resource, the finding points at it; otherwise at locate(path), with the place the value came
  // from as a related location. The binding that leads to it is added to the message.
  // message: the statement (what is wrong, short); help: the remedy, shown on a line of its own.
  void report(const RuleInfo& rule, const Path& path, const Val& offending, std::string message, std::string help);
  // Reports at an explicit span inside the resource (for example an object key).
  void report_at(const RuleInfo& rule, Span primary, const Path& logical_path, const Val* offending,
                 std::string message, std::string help, std::vector<Location> related = {});

  // A related location for the place a value was written, when that is outside the resource.
  std::vector<Location> origin_of(const Val& v, Span primary) const;
  // Where a finding about the value at path points: the value itself when it is written inside
  // the resource, else locate(path).
  Span primary_for(const Path& path, const Val& offending) const;
  // Whether the resource is a deployed resource's JSON rather than a template's declaration.
  bool describes_deployed_resource() const { return resource_.owner->live_resource; }

  // Called before each rule runs: what that rule reads is gathered afresh.
  void begin_rule() { reads_.clear(); }

  // A judgement several rules share under this binding (identity.type's, for IDL001, IDL006 and
  // IDL007), worked out by the first of them that asks: a slot for it, by key.
  std::shared_ptr<void>& shared_judgement(const void* key) { return judgements_[key]; }

 private:
  // How a parameter is set under this binding and frame.
  enum class Setting : uint8_t { Default, EmptyDefault, Given, Unknown };
  Setting setting_of(const Parameter* p, std::string* given) const;
  // The parameter values, among those v depends on, that this binding chooses.
  BindingNote binding_note(const Val& v) const;
  // The frame whose template declares p: this resource's, or a caller's up the module calls.
  const Frame* declaring_frame(const Parameter* p) const;
  // That template's file (also without frames: the resource's own template).
  const SourceFile* declaring_file(const Parameter* p) const;
  // A parameter contract (README "Parameter contracts"): the offending value depends on a parameter
  // left at an empty default ('', null, {}, []) while a parameter the rule read is given another
  // value. Returns the binding as the message states it, or empty when this is no contract.
  // related receives a location at each parameter it names.
  std::string contract_text(const Val& offending, std::vector<std::string>* not_given_names,
                            std::vector<Location>* related) const;
  // Where a binding's choice for p is written (a bool: its declaration), for a related location.
  Location where_chosen(const Parameter* p, const Choice& c) const;
  // path evaluated in resource res: the written tree as far as it goes, then the evaluated value.
  Val evaluate_path(const Resource& res, const Path& path);
  const Val& note_read(const Val& v) {
    reads_.push_back(&v);  // cache_ is a map: the value stays where it is
    return v;
  }
  std::vector<const Val*> reads_;  // what the running rule read (its parameters are looked at only for a contract)
  const Resource& resource_;
  Evaluator& evaluator_;
  const Binding& binding_;
  const std::set<const Parameter*>& varying_;
  const Sink& sink_;
  bool bicep_as_written_;
  std::map<std::string, Val> cache_;
  std::map<std::pair<const Resource*, std::string>, Val> other_cache_;  // property_of()
  std::map<const Value*, Val> evaluated_;  // the written values evaluate_path() evaluated, by node
  std::optional<std::string> api_version_;
  std::map<const void*, std::shared_ptr<void>> judgements_;
};

// True when the identity type value includes a user-assigned identity ('UserAssigned', any case).
bool type_includes_user_assigned(const Val& type);
// True when it includes the system-assigned identity.
bool type_includes_system_assigned(const Val& type);

}  // namespace idlint
