// In-source suppressions of one file: the directives its loader kept and the `metadata.idlint.
// suppress` entries of its resources. They decide which findings are suppressed, and which of
// them suppressed nothing (IDL902).
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "engine/lint.h"
#include "model/finding.h"
#include "model/template.h"

namespace idlint {

class Suppressions {
 public:
  enum class Reach {
    Primary,  // a finding is covered where its primary location is
    // also where a related location in this file is: a .bicepparam's directive above the value
    // that causes a finding in its template
    Related,
  };

  // Every directive of t and every metadata entry of its resources (nested templates included).
  explicit Suppressions(const Template& t, Reach reach = Reach::Primary);

  // Where f is suppressed (the rule's id or name in the directive, or the metadata key) and why,
  // or nothing. Every suppression that covers f counts as used. Findings of IDL900 and IDL902 are
  // never suppressed.
  struct Cover {
    Location where;
    std::string_view justification;
  };
  std::optional<Cover> cover(const Finding& f);

  // IDL902 findings (when that rule is selected): each rule named that is not an idlint rule or
  // cannot be suppressed, and each selected rule that had no finding where it was named, unless
  // the line it covers is in one of the unchecked spans (module calls that could not be followed,
  // whose findings are not known). A transition rule (IDL020-IDL024) is known to have found
  // nothing only when the file was compared with a base version (compared_with_base).
  std::vector<Finding> unused(const RuleSelection& rules, const std::vector<Span>& unchecked = {},
                              bool compared_with_base = false) const;

 private:
  struct Entry {
    std::string_view code;  // as written
    Span code_span;
    const RuleInfo* rule = nullptr;  // null: not an idlint rule
    uint32_t line = 0;               // a directive: the line it covers (0 for metadata)
    Span resource;                   // metadata: the resource object
    std::string_view justification;
    bool used = false;
  };
  bool covers(const Entry& e, const Finding& f) const;
  uint32_t line_of(const Location& l) const;
  bool in_unchecked(const Entry& e, const std::vector<Span>& unchecked) const;

  std::shared_ptr<const SourceFile> file_;
  Reach reach_;
  std::vector<Entry> entries_;
};

}  // namespace idlint
