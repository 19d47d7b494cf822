// Gathering findings: one per rule and location whatever the bindings, and moving a module's
// findings to the call that causes them.
#include "engine/collect.h"

#include <algorithm>

#include "rules/rule.h"

namespace idlint {

std::string raw_key(const Finding& f) {
  // The level is part of it: an error a parameter file or a module call causes is not the warning
  // the same finding is as a parameter contract on its own.
  return std::string(f.rule->id) + '\x1f' + level_name(f.level) + '\x1f' + f.primary.file->path() + '\x1f' +
         std::to_string(f.primary.span.begin) + '\x1f' + std::to_string(f.primary.span.end) + '\x1f' + f.message;
}

bool same_span(const Location& a, const Location& b) {
  return a.file == b.file && a.span.begin == b.span.begin && a.span.end == b.span.end;
}

void add_related(Finding& f, Location l) {
  if (std::none_of(f.related.begin(), f.related.end(), [&](const Location& e) { return same_span(e, l); }) &&
      !same_span(f.primary, l)) {
    f.related.push_back(std::move(l));
  }
}

bool depends_on(const Finding& f, const Template& t, std::string_view parameter) {
  const Parameter* p = t.find_parameter(parameter);
  return p && std::find(f.cause.deps.begin(), f.cause.deps.end(), p) != f.cause.deps.end();
}

void move_to_call_site(Finding& f, const Frame& call) {
  const ModuleCall& m = *call.module;
  const std::shared_ptr<const SourceFile>& caller = call.caller_tmpl->file;
  // The file the property is in: the called module's, or one it calls in turn.
  const std::string where = f.primary.file.get() == call.tmpl->file.get()
                                ? "inside module '" + std::string(m.symbolic_name) + "' (" + std::string(m.path) + ")"
                                : "in " + f.primary.file->path() + ", reached through module '" +
                                      std::string(m.symbolic_name) + "' (" + std::string(m.path) + ")";
  Location inside{f.primary.file, f.primary.span, "the property " + where};
  Span primary = m.name_span;
  const bool literal_in_call = f.cause.file == caller.get() && f.cause.span.begin >= m.span.begin &&
                               f.cause.span.end <= m.span.end && !f.cause.span.empty();
  if (literal_in_call) {
    primary = f.cause.span;
  } else {
    for (const Frame::Argument& a : call.args) {
      if (depends_on(f, *call.tmpl, a.name)) {
        primary = a.span;
        break;
      }
    }
  }
  f.primary = Location{caller, primary, {}};
  f.contract.clear();  // the module's parameters: at the call site, the call's arguments decide
  f.message += " (in module '" + std::string(m.symbolic_name) + "')";
  f.logical = "module:" + std::string(m.symbolic_name) + "|" + f.logical;
  std::vector<Location> related = std::move(f.related);
  f.related.clear();
  add_related(f, std::move(inside));
  for (Location& l : related) add_related(f, std::move(l));
}

Finding rule_failure(const RuleInfo& rule, const Resource& resource, const std::exception& e) {
  Finding f;
  f.rule = &rule;
  f.level = Level::Error;
  f.primary = Location{resource.owner->file, resource.body->span, {}};
  f.message = "internal error in rule " + std::string(rule.id) + ": " + e.what() + " (please report this)";
  return f;
}

}  // namespace idlint
