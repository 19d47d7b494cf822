// In-source suppressions: which findings a file's directives and resource metadata cover, and the
// IDL902 findings for what they name in vain.
#include "engine/suppressions.h"

#include <algorithm>

#include "rules/rule.h"

namespace idlint {
namespace {

// `IDL` and three digits: what idlint's own ids look like, so that a misspelled one in Bicep's
// `#disable-next-line` (where most codes are the compiler's) is still worth a warning.
bool looks_like_rule_id(std::string_view code) {
  if (code.size() != 6 || !starts_with_ignore_case(code, "IDL")) return false;
  for (char c : code.substr(3)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool is_unsuppressible(const RuleInfo& rule) { return rule.id == "IDL900" || rule.id == "IDL902"; }

}  // namespace

Suppressions::Suppressions(const Template& t, Reach reach) : file_(t.file), reach_(reach) {
  for (const DisableDirective& d : t.disable_next_line) {
    for (const DisableDirective::Code& c : d.codes) {
      const RuleInfo* rule = find_rule(c.text);
      if (!rule && d.form == DisableDirective::Form::Bicep && !looks_like_rule_id(c.text)) continue;
      entries_.push_back(Entry{c.text, c.span, rule, d.target_line, {}, d.reason});
    }
  }
  // `"metadata": {"idlint": {"suppress": {"IDL001": "reason"}}}` on a resource object.
  auto add_metadata = [&](const Template& tmpl, auto& self) -> void {
    for (const Resource& r : tmpl.resources) {
      const Value* metadata = r.body && r.body->is_object() ? r.body->find("metadata") : nullptr;
      const Value* idlint = metadata && metadata->is_object() ? metadata->find("idlint") : nullptr;
      const Value* suppress = idlint && idlint->is_object() ? idlint->find("suppress") : nullptr;
      if (!suppress || !suppress->is_object()) continue;
      for (uint32_t i = 0; i < suppress->size; ++i) {
        const Member& m = suppress->members[i];
        if (!m.key->is_string()) continue;
        entries_.push_back(
            Entry{m.key->text, m.key->span, find_rule(m.key->text), 0, r.body->span, m.value->string_or_empty()});
      }
    }
    for (const auto& nested : tmpl.nested) self(*nested, self);
  };
  add_metadata(t, add_metadata);
}

uint32_t Suppressions::line_of(const Location& l) const { return file_->position(l.span.begin).line; }

bool Suppressions::in_unchecked(const Entry& e, const std::vector<Span>& unchecked) const {
  if (e.line == 0) return false;
  return std::any_of(unchecked.begin(), unchecked.end(), [&](Span s) {
    return file_->position(s.begin).line <= e.line && e.line <= file_->position(s.end).line;
  });
}

bool Suppressions::covers(const Entry& e, const Finding& f) const {
  auto at = [&](const Location& l) {
    if (l.file.get() != file_.get()) return false;
    if (e.line != 0) return line_of(l) == e.line;
    return l.span.begin >= e.resource.begin && l.span.end <= e.resource.end;
  };
  if (at(f.primary)) return true;
  if (reach_ == Reach::Related) {
    for (const Location& l : f.related) {
      if (at(l)) return true;
    }
  }
  return false;
}

std::optional<Suppressions::Cover> Suppressions::cover(const Finding& f) {
  if (entries_.empty() || !f.rule || is_unsuppressible(*f.rule)) return std::nullopt;
  std::optional<Cover> found;
  for (Entry& e : entries_) {
    if (e.rule != f.rule || !covers(e, f)) continue;
    e.used = true;
    if (!found) found = Cover{Location{file_, e.code_span, {}}, e.justification};
  }
  return found;
}

std::vector<Finding> Suppressions::unused(const RuleSelection& rules, const std::vector<Span>& unchecked,
                                          bool compared_with_base) const {
  std::vector<Finding> out;
  const RuleInfo* self = find_rule("IDL902");
  if (!self || !rules.enabled(*self)) return out;
  for (const Entry& e : entries_) {
    if (e.used) continue;
    const std::string code(e.code);
    std::string message;
    std::string help;
    if (!e.rule) {
      message = "'" + code + "' is not an idlint rule, so it suppresses nothing";
      help = "write an id or name that idlint --list-rules shows";
    } else if (e.rule->id == "IDL900") {
      message = "'" + code + "' cannot be suppressed: a file that does not parse is always reported";
      help = "remove it, and fix the syntax error";
    } else if (e.rule->id == "IDL902") {
      message = "'" + code + "' cannot be suppressed";
      help = "remove the suppression that suppresses nothing instead";
    } else if (!rules.enabled(*e.rule) || in_unchecked(e, unchecked) || (e.rule->transition && !compared_with_base)) {
      continue;  // whether the rule would have found something there is not known
    } else {
      const std::string rule = std::string(e.rule->id) + " (" + std::string(e.rule->name) + ")";
      message = "'" + code + "' suppresses nothing: there is no " + rule + " finding " +
                (e.line != 0 ? "on the line this directive covers" : "in this resource");
      help = e.line != 0 ? "remove it, or put the directive right above the finding" : "remove the entry";
    }
    Finding f;
    f.rule = self;
    f.level = self->level;
    f.primary = Location{file_, e.code_span, {}};
    f.message = std::move(message);
    f.help = std::move(help);
    f.logical = "suppression:" + code;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace idlint
