// Gathering findings: one per rule and location whatever the bindings, and moving a module's
// findings to the call that causes them.
#include "engine/collect.h"

#include <algorithm>

#include "rules/rule.h"

namespace idlint {

namespace {

// Bindings kept per finding to decide which parameters matter to it (a resource has at most
// kMaxBindingsPerResource of them).
constexpr size_t kMaxKept = 256;

const NamedChoice* named_in(const BindingNote& b, const Parameter* p) {
  for (const NamedChoice& c : b.named) {
    if (c.parameter == p) return &c;
  }
  return nullptr;
}

// Whether parameter p leaves the finding as it is: every binding that names p has, for each other
// value p takes, a twin that differs only in p. values must hold every value p can take (a value
// that does not lead to the finding is not among them, and then p matters). The bindings vary
// parameters jointly up to a cap; when a combination was not enumerated, p counts as mattering.
bool does_not_matter(const std::vector<BindingNote>& bindings, const Parameter* p,
                     const std::vector<const void*>& values) {
  for (const BindingNote& b : bindings) {
    const NamedChoice* mine = named_in(b, p);
    if (!mine) continue;
    for (const void* other : values) {
      if (other == mine->chosen) continue;
      const bool twin = std::any_of(bindings.begin(), bindings.end(), [&](const BindingNote& t) {
        const NamedChoice* theirs = named_in(t, p);
        if (!theirs || theirs->chosen != other) return false;
        for (const NamedChoice& c : b.named) {
          if (c.parameter == p) continue;
          const NamedChoice* same = named_in(t, c.parameter);
          if (!same || same->chosen != c.chosen) return false;
        }
        return true;
      });
      if (!twin) return false;
    }
  }
  return true;
}

std::string render(const std::vector<const NamedChoice*>& choices) {
  // Many parameters at once (a capped enumeration varies one at a time): name those that are not
  // at their default.
  std::vector<const NamedChoice*> shown = choices;
  if (shown.size() > 3) {
    std::vector<const NamedChoice*> changed;
    for (const NamedChoice* c : shown) {
      if (!c->is_default) changed.push_back(c);
    }
    if (!changed.empty()) shown = std::move(changed);
  }
  // A message names a few; a template with hundreds of parameters must not make it a page long.
  constexpr size_t kNamed = 4;
  std::string text;
  for (size_t i = 0; i < shown.size() && i < kNamed; ++i) {
    text += text.empty() ? "when parameter '" : " and '";
    text += std::string(shown[i]->parameter->name) + (shown[i]->is_default ? "' keeps its default " : "' is ") +
            shown[i]->value;
  }
  if (shown.size() > kNamed) text += " and " + std::to_string(shown.size() - kNamed) + " more parameters";
  return text;
}

}  // namespace

void Collector::add(Finding&& f, BindingNote&& binding) {
  const auto key = std::make_tuple(f.rule, f.primary.span.begin, f.primary.span.end);
  auto it = index_.find(key);
  if (it == index_.end()) {
    index_.emplace(key, items_.size());
    Collected c{std::move(f), {}, 0, binding.empty()};
    if (!binding.empty()) c.bindings.push_back(std::move(binding));
    items_.push_back(std::move(c));
    return;
  }
  // One finding per location and rule, however many bindings lead to it, at the highest level
  // any of them gives it (a parameter contract is a warning; the same finding under defaults, an error).
  Collected& c = items_[it->second];
  c.finding.level = std::max(c.finding.level, f.level);
  // A contract only while every binding leading to the finding is one (then all their parameters).
  if (c.finding.contract.empty() || f.contract.empty()) {
    c.finding.contract.clear();
  } else {
    for (std::string& name : f.contract) {
      if (std::find(c.finding.contract.begin(), c.finding.contract.end(), name) == c.finding.contract.end())
        c.finding.contract.push_back(std::move(name));
    }
  }
  for (Location& l : f.related) add_related(c.finding, std::move(l));
  if (binding.empty()) {
    c.unconditional = true;
  } else if (c.bindings.size() < kMaxKept) {
    c.bindings.push_back(std::move(binding));
  } else {
    ++c.other_bindings;
  }
}

std::vector<Finding> Collector::take() {
  std::vector<Finding> out;
  for (Collected& c : items_) {
    if (!c.bindings.empty() && !c.unconditional) {
      // The values of each parameter named, and those that do not change the outcome.
      struct Seen {
        const Parameter* parameter;
        size_t candidates;
        std::vector<const void*> values;
      };
      std::vector<Seen> seen;
      for (const BindingNote& b : c.bindings) {
        for (const NamedChoice& n : b.named) {
          auto v = std::find_if(seen.begin(), seen.end(), [&](const Seen& e) { return e.parameter == n.parameter; });
          if (v == seen.end()) v = seen.insert(seen.end(), Seen{n.parameter, n.candidates, {}});
          if (std::find(v->values.begin(), v->values.end(), n.chosen) == v->values.end()) v->values.push_back(n.chosen);
        }
      }
      std::set<const Parameter*> irrelevant;
      for (const Seen& s : seen) {
        if (s.values.size() > 1 && s.values.size() >= s.candidates && c.other_bindings == 0 &&
            does_not_matter(c.bindings, s.parameter, s.values)) {
          irrelevant.insert(s.parameter);
        }
      }
      std::vector<std::string> whens;
      size_t more = c.other_bindings;
      bool always = false;
      for (const BindingNote& b : c.bindings) {
        std::string text = b.text;
        if (text.empty()) {
          std::vector<const NamedChoice*> kept;
          for (const NamedChoice& n : b.named) {
            if (!irrelevant.count(n.parameter)) kept.push_back(&n);
          }
          if (kept.empty()) always = true;
          text = render(kept);
          // A related location at each parameter named.
          for (const NamedChoice* n : kept) {
            if (n->where.file && !n->where.span.empty() && whens.size() < 3) add_related(c.finding, n->where);
          }
        }
        if (text.empty() || std::find(whens.begin(), whens.end(), text) != whens.end()) continue;
        if (whens.size() < 3)
          whens.push_back(std::move(text));
        else
          ++more;
      }
      if (!always && !whens.empty()) {
        std::string when;
        for (size_t i = 0; i < whens.size(); ++i) when += (i ? "; or " : "") + whens[i];
        if (more) when += "; or " + std::to_string(more) + " other parameter values";
        c.finding.message += " (" + when + ")";
      }
    }
    out.push_back(std::move(c.finding));
  }
  return out;
}

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
