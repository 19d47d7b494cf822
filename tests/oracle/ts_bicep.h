// The tree-sitter-bicep test oracle: an independent Bicep parser (grammars/README.md) whose resource
// outline mirrors idlint::bicep::ResourceOutline, for differential tests of idlint's own parser.
// Test-only: never linked into idlint_core or the idlint binary. No tree-sitter type leaks out.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace idlint::oracle {

// One resource declaration as tree-sitter sees it; the fields mean what ResourceOutline's mean.
struct TsResource {
  std::string symbolic_name;
  // The type string's decoded content ('Microsoft.X/y@2024-01-01' without quotes, escapes decoded);
  // empty when the string is interpolated (idlint's Expr::plain_string() is empty then too).
  std::string type;
  uint32_t line = 0;  // 1-based line of the `resource` keyword (LF, CRLF and a lone CR end a line)
  bool has_identity = false;
  // The value of the body's `identity` property: [begin, end) byte offsets into the parsed text.
  uint32_t identity_begin = 0, identity_end = 0;
};

struct TsResult {
  bool has_error = false;  // the tree holds an ERROR or MISSING node anywhere
  // Every resource declaration, nested children included, in pre-order source order (a parent
  // before its children, children before the parent's next sibling).
  std::vector<TsResource> resources;
};

// Parses Bicep text (a leading UTF-8 byte order mark already stripped by the caller). The body
// whose `identity` counts is the object after `=`, after `if (…)`, or of a `[for … : {…}]` loop,
// also when the loop body is `if (…) {…}`; only a direct member of that object counts, with a bare
// `identity` key or the plain string key 'identity' (the first one when there are several).
TsResult parse_bicep_with_tree_sitter(std::string_view text);

// Parses text once and returns the wall-clock seconds spent in tree-sitter's parser alone (no
// outline, no tree deletion, no parser creation); has_error as in TsResult. For benchmarks.
double time_tree_sitter_parse(std::string_view text, bool* has_error = nullptr);

}  // namespace idlint::oracle
