// Suppression comments, read the same way in ARM JSON and Bicep: `// idlint-disable-next-line CODE…
// -- reason` in both formats, and Bicep's own `#disable-next-line CODE…`.
#pragma once
#include <optional>
#include <string_view>

#include "model/source.h"
#include "model/template.h"

namespace idlint {

// Whether the text of a `//` comment (after the slashes) is an idlint directive; cheap enough for
// the readers to ask about every comment.
bool is_idlint_directive_comment(std::string_view after_slashes);

// The `// idlint-disable-next-line` directive written in comment (the span of a `//` comment,
// slashes included), or nothing when the comment is not one. It covers the next line that holds
// more than blanks, `//` comments and `#disable-next-line` directives, so directives can be stacked.
std::optional<DisableDirective> read_idlint_directive(const SourceFile& file, Span comment);

// Bicep's `#disable-next-line` at span (to the end of its line). As in Bicep, it covers the very
// next line.
DisableDirective read_bicep_directive(const SourceFile& file, Span span);

}  // namespace idlint
