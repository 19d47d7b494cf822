// The tree-sitter-bicep oracle: parses with the pinned grammar (grammars/) on Debian's tree-sitter
// runtime and walks the concrete syntax tree for the resource outline. Node type names come from
// the package's src/node-types.json; they are the only coupling to the grammar.
#include "oracle/ts_bicep.h"

#include <tree_sitter/api.h>

#include "model/source.h"

#include <chrono>
#include <cstring>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

extern "C" const TSLanguage* tree_sitter_bicep(void);

namespace idlint::oracle {
namespace {

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

// A fresh parser for each text: one that has recovered from many errors keeps its grown internal
// state and then parses later, clean files measurably slower, which would skew the timings.
// Creating one costs microseconds.
ParserPtr make_parser() {
  ParserPtr made(ts_parser_new());
  const TSLanguage* lang = tree_sitter_bicep();
  if (!ts_parser_set_language(made.get(), lang)) {
    throw std::runtime_error("tree-sitter runtime (ABI " + std::to_string(TREE_SITTER_LANGUAGE_VERSION) +
                             ") cannot load tree-sitter-bicep (ABI " + std::to_string(ts_language_version(lang)) +
                             ")");
  }
  return made;
}

TreePtr parse_tree(std::string_view text) {
  const ParserPtr p = make_parser();
  TSTree* tree = ts_parser_parse_string(p.get(), nullptr, text.data(), static_cast<uint32_t>(text.size()));
  if (!tree) throw std::runtime_error("tree-sitter returned no tree");
  return TreePtr(tree);
}

// A named node of the given grammar type (anonymous tokens such as the `string` and `object` type
// keywords share names with named nodes, so named-ness is part of the test).
bool is(TSNode n, const char* type) {
  return !ts_node_is_null(n) && ts_node_is_named(n) && std::strcmp(ts_node_type(n), type) == 0;
}

// An anonymous token with the given text (`=`, `'`, `'''`, `:`).
bool is_token(TSNode n, const char* token) {
  return !ts_node_is_null(n) && !ts_node_is_named(n) && std::strcmp(ts_node_type(n), token) == 0;
}

std::string_view node_text(TSNode n, std::string_view text) {
  const uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
  return text.substr(b, e - b);
}

// The visible children of n, comments (extras) left out. A cursor walks them in linear time, where
// ts_node_child(n, i) would start from the first child each time.
std::vector<TSNode> children(TSNode n) {
  std::vector<TSNode> out;
  TSTreeCursor c = ts_tree_cursor_new(n);
  if (ts_tree_cursor_goto_first_child(&c)) {
    do {
      TSNode child = ts_tree_cursor_current_node(&c);
      if (!ts_node_is_extra(child)) out.push_back(child);
    } while (ts_tree_cursor_goto_next_sibling(&c));
  }
  ts_tree_cursor_delete(&c);
  return out;
}

TSNode null_node() { return TSNode{}; }

TSNode first_named_child_of_type(TSNode n, const char* type) {
  for (TSNode c : children(n)) {
    if (is(c, type)) return c;
  }
  return null_node();
}


int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Bicep's escapes: \\ \' \n \r \t \$ and \u{hex}. The grammar also accepts C-like escapes that Bicep
// rejects (\a, \x41, \101, \u0041); those are kept as written.
std::string decode_escapes(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 >= raw.size()) {
      out += raw[i];
      continue;
    }
    const char c = raw[i + 1];
    switch (c) {
      case '\\': out += '\\'; ++i; continue;
      case '\'': out += '\''; ++i; continue;
      case 'n': out += '\n'; ++i; continue;
      case 'r': out += '\r'; ++i; continue;
      case 't': out += '\t'; ++i; continue;
      case '$': out += '$'; ++i; continue;
      default: break;
    }
    if (c == 'u' && i + 2 < raw.size() && raw[i + 2] == '{') {
      uint32_t cp = 0;
      size_t j = i + 3;
      bool digits = false;
      while (j < raw.size() && hex_digit(raw[j]) >= 0 && cp <= 0x10FFFF) {
        cp = cp * 16 + static_cast<uint32_t>(hex_digit(raw[j]));
        digits = true;
        ++j;
      }
      if (digits && j < raw.size() && raw[j] == '}' && cp <= 0x10FFFF) {
        append_utf8(out, cp);
        i = j;
        continue;
      }
    }
    out += raw[i];  // not a Bicep escape: the backslash stays, the next character follows as is
  }
  return out;
}

// The content of a `string` node, decoded; nullopt when it holds an interpolation. A `'''` string
// is verbatim, without one newline right after the opening quotes.
std::optional<std::string> decode_string(TSNode s, std::string_view text) {
  const std::vector<TSNode> parts = children(s);
  for (TSNode p : parts) {
    if (is(p, "interpolation")) return std::nullopt;
  }
  if (parts.empty()) return std::string(node_text(s, text));
  const TSNode open = parts.front();
  const TSNode close = parts.back();
  uint32_t begin = ts_node_end_byte(open);
  uint32_t end = ts_node_end_byte(s);
  const bool multiline = is_token(open, "'''");
  if (parts.size() > 1 && is_token(close, multiline ? "'''" : "'")) end = ts_node_start_byte(close);
  if (end < begin) end = begin;
  std::string_view raw = text.substr(begin, end - begin);
  if (!multiline) return decode_escapes(raw);
  if (raw.substr(0, 2) == "\r\n") {
    raw.remove_prefix(2);
  } else if (raw.substr(0, 1) == "\n") {
    raw.remove_prefix(1);
  }
  return std::string(raw);
}

// The object whose direct members are the resource's properties: after `=`, after `if (…)`, or the
// body of a `[for … : …]` loop (itself maybe `if (…) {…}`). Null when there is none.
TSNode resource_body(TSNode decl) {
  TSNode value = null_node();
  bool after_equals = false;
  for (TSNode c : children(decl)) {
    if (is_token(c, "=")) {
      after_equals = true;
    } else if (after_equals && ts_node_is_named(c)) {
      value = c;
      break;
    }
  }
  if (is(value, "for_statement")) value = ts_node_child_by_field_name(value, "body", 4);
  if (is(value, "if_statement")) value = first_named_child_of_type(value, "object");
  return is(value, "object") ? value : null_node();
}

// The value of the body's first `identity` property (bare or plain-string key). Null when absent.
TSNode identity_value(TSNode body, std::string_view text) {
  for (TSNode prop : children(body)) {
    if (!is(prop, "object_property")) continue;  // decorators, `{`, `,`, `}`
    const std::vector<TSNode> parts = children(prop);
    // `key : value`; a nested resource is an object_property whose only child is the declaration.
    if (parts.size() < 3 || !is_token(parts[1], ":")) continue;
    const TSNode key = parts[0];
    bool named_identity = false;
    if (is(key, "identifier")) {
      named_identity = node_text(key, text) == "identity";
    } else if (is(key, "string")) {
      const std::optional<std::string> k = decode_string(key, text);
      named_identity = k && *k == "identity";
    }
    if (named_identity && ts_node_is_named(parts[2])) return parts[2];
  }
  return null_node();
}

// 1-based line numbers of increasing byte offsets, counted as idlint's SourceFile does: LF, CRLF
// (once) and a lone CR each end a line.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}
  uint32_t line_of(uint32_t offset) {
    if (offset < pos_) {  // not expected (pre-order is source order), but stays exact
      pos_ = 0;
      line_ = 1;
    }
    for (; pos_ < offset && pos_ < text_.size(); ++pos_) {
      const char c = text_[pos_];
      if (c == '\n' || (c == '\r' && (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n'))) ++line_;
    }
    return line_;
  }

 private:
  std::string_view text_;
  uint32_t pos_ = 0;
  uint32_t line_ = 1;
};

TsResource outline(TSNode decl, std::string_view text, LineCounter& lines) {
  TsResource r;
  const TSNode name = first_named_child_of_type(decl, "identifier");
  if (!ts_node_is_null(name)) r.symbolic_name = std::string(node_text(name, text));
  const TSNode type = first_named_child_of_type(decl, "string");
  if (!ts_node_is_null(type)) r.type = decode_string(type, text).value_or(std::string());
  // The node starts at the `resource` keyword: decorators are sibling nodes before it.
  r.line = lines.line_of(ts_node_start_byte(decl));
  const TSNode body = resource_body(decl);
  if (!ts_node_is_null(body)) {
    const TSNode value = identity_value(body, text);
    if (!ts_node_is_null(value)) {
      r.has_identity = true;
      r.identity_begin = ts_node_start_byte(value);
      r.identity_end = ts_node_end_byte(value);
    }
  }
  return r;
}

}  // namespace

TsResult parse_bicep_with_tree_sitter(std::string_view text) {
  const TreePtr tree = parse_tree(text);
  const TSNode root = ts_tree_root_node(tree.get());
  TsResult result;
  result.has_error = ts_node_has_error(root);
  LineCounter lines(text);
  // Pre-order walk of the whole tree: a nested resource is an object_property inside its parent's
  // body, so parents come before their children and children before the parent's next sibling.
  TSTreeCursor c = ts_tree_cursor_new(root);
  for (;;) {
    const TSNode n = ts_tree_cursor_current_node(&c);
    if (is(n, "resource_declaration")) result.resources.push_back(outline(n, text, lines));
    if (ts_tree_cursor_goto_first_child(&c)) continue;
    bool more = false;
    do {
      if (ts_tree_cursor_goto_next_sibling(&c)) {
        more = true;
        break;
      }
    } while (ts_tree_cursor_goto_parent(&c));
    if (!more) break;
  }
  ts_tree_cursor_delete(&c);
  return result;
}

double time_tree_sitter_parse(std::string_view text, bool* has_error) {
  const ParserPtr p = make_parser();
  const auto start = std::chrono::steady_clock::now();
  TSTree* raw = ts_parser_parse_string(p.get(), nullptr, text.data(), static_cast<uint32_t>(text.size()));
  const auto stop = std::chrono::steady_clock::now();
  if (!raw) throw std::runtime_error("tree-sitter returned no tree");
  const TreePtr tree(raw);
  if (has_error) *has_error = ts_node_has_error(ts_tree_root_node(tree.get()));
  return std::chrono::duration<double>(stop - start).count();
}

}  // namespace idlint::oracle
