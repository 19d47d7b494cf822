// Recursive-descent parser for ARM expressions: function calls, 'strings', numbers, .member and [index].
#include "expr/arm_expression_parser.h"

#include <vector>

#include "model/value.h"

namespace idlint {
namespace {

struct ParseFailure {
  std::string message;
  uint32_t at;
};

class ExpressionParser {
 public:
  ExpressionParser(std::string_view text, uint32_t text_offset, Span whole, Arena& arena)
      : s_(text), base_(text_offset), whole_(whole), arena_(arena) {}

  const ir::Node* run() {
    skip_space();
    const ir::Node* n = parse_expression(0);
    skip_space();
    if (i_ != s_.size()) fail("unexpected '" + std::string(1, s_[i_]) + "' after the end of the expression");
    return n;
  }

  uint32_t error_offset(uint32_t at) const { return base_ == Value::kNoOffset ? whole_.begin : base_ + at; }

 private:
  static constexpr unsigned kMaxDepth = 128;

  [[noreturn]] void fail(std::string message) { throw ParseFailure{std::move(message), static_cast<uint32_t>(i_)}; }

  Span span(size_t from, size_t to) const {
    if (base_ == Value::kNoOffset) return whole_;
    return Span{base_ + static_cast<uint32_t>(from), base_ + static_cast<uint32_t>(to)};
  }

  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }

  static bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'; }
  static bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }

  ir::Node* node(ir::Node::Kind kind, size_t from) {
    ir::Node* n = arena_.make<ir::Node>();
    n->kind = kind;
    n->span = span(from, i_);
    return n;
  }

  const ir::Node* const* copy_args(const std::vector<const ir::Node*>& args) {
    if (args.empty()) return nullptr;
    auto** out = arena_.array<const ir::Node*>(args.size());
    for (size_t k = 0; k < args.size(); ++k) out[k] = args[k];
    return out;
  }

  const ir::Node* parse_expression(unsigned depth) {
    if (depth > kMaxDepth) fail("expression nested too deeply");
    const size_t from = i_;
    const ir::Node* n = parse_primary(depth);
    for (;;) {
      skip_space();
      if (i_ < s_.size() && s_[i_] == '.') {
        ++i_;
        skip_space();
        const size_t name_from = i_;
        while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
        if (i_ == name_from) fail("expected a property name after '.'");
        ir::Node* m = node(ir::Node::Kind::Member, from);
        m->text = arena_.copy(s_.substr(name_from, i_ - name_from));
        m->args = copy_args({n});
        m->arg_count = 1;
        n = m;
      } else if (i_ < s_.size() && s_[i_] == '[') {
        ++i_;
        skip_space();
        const ir::Node* index = parse_expression(depth + 1);
        skip_space();
        if (i_ >= s_.size() || s_[i_] != ']') fail("expected ']' to close the index");
        ++i_;
        ir::Node* x = node(ir::Node::Kind::Index, from);
        x->args = copy_args({n, index});
        x->arg_count = 2;
        n = x;
      } else {
        return n;
      }
    }
  }

  const ir::Node* parse_primary(unsigned depth) {
    skip_space();
    if (i_ >= s_.size()) fail("expected an expression");
    const size_t from = i_;
    const char c = s_[i_];
    if (c == '\'') {
      std::string value;
      ++i_;
      for (;;) {
        if (i_ >= s_.size()) {
          i_ = from;
          fail("unterminated string literal");
        }
        if (s_[i_] == '\'') {
          if (i_ + 1 < s_.size() && s_[i_ + 1] == '\'') {
            value.push_back('\'');
            i_ += 2;
            continue;
          }
          ++i_;
          break;
        }
        value.push_back(s_[i_++]);
      }
      ir::Node* n = node(ir::Node::Kind::String, from);
      n->text = arena_.copy(value);
      return n;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      ++i_;
      while (i_ < s_.size() && ((s_[i_] >= '0' && s_[i_] <= '9') || s_[i_] == '.')) ++i_;
      ir::Node* n = node(ir::Node::Kind::Number, from);
      n->text = arena_.copy(s_.substr(from, i_ - from));
      if (n->text == "-") fail("expected digits after '-'");
      return n;
    }
    if (!ident_start(c))
      fail("unexpected '" + std::string(1, c) + "': expected a function call, a 'string' or a number");
    while (i_ < s_.size() && (ident_char(s_[i_]) || s_[i_] == '.')) ++i_;
    std::string_view name = s_.substr(from, i_ - from);
    // A dotted name is a namespaced call only when '(' follows; otherwise the dots are member access.
    skip_space();
    if (i_ >= s_.size() || s_[i_] != '(') {
      const size_t dot = name.find('.');
      if (dot != std::string_view::npos) {
        i_ = from + dot;
        name = name.substr(0, dot);
      }
      if (name == "true" || name == "false") {
        ir::Node* n = node(ir::Node::Kind::Bool, from);
        n->boolean = name == "true";
        return n;
      }
      if (name == "null") return node(ir::Node::Kind::Null, from);
      fail("expected '(' after the function name '" + std::string(name) + "'");
    }
    ++i_;
    std::vector<const ir::Node*> args;
    skip_space();
    if (i_ < s_.size() && s_[i_] == ')') {
      ++i_;
    } else {
      for (;;) {
        args.push_back(parse_expression(depth + 1));
        skip_space();
        if (i_ < s_.size() && s_[i_] == ',') {
          ++i_;
          continue;
        }
        if (i_ < s_.size() && s_[i_] == ')') {
          ++i_;
          break;
        }
        fail("expected ',' or ')' in the arguments of '" + std::string(name) + "'");
      }
    }
    const bool is_param = equals_ignore_case(name, "parameters");
    const bool is_var = equals_ignore_case(name, "variables");
    if ((is_param || is_var) && args.size() == 1 && args[0]->kind == ir::Node::Kind::String) {
      ir::Node* n = node(is_param ? ir::Node::Kind::Parameter : ir::Node::Kind::Variable, from);
      n->text = args[0]->text;
      return n;
    }
    ir::Node* n = node(ir::Node::Kind::Call, from);
    n->text = arena_.copy(name);
    n->args = copy_args(args);
    n->arg_count = static_cast<uint32_t>(args.size());
    return n;
  }

  std::string_view s_;
  size_t i_ = 0;
  uint32_t base_;
  Span whole_;
  Arena& arena_;
};

}  // namespace

ExpressionParseResult parse_arm_expression(std::string_view text, uint32_t text_offset, Span whole_span, Arena& arena) {
  ExpressionParser parser(text, text_offset, whole_span, arena);
  ExpressionParseResult result;
  try {
    result.node = parser.run();
  } catch (ParseFailure& f) {
    result.error = std::move(f.message);
    const uint32_t at = parser.error_offset(f.at);
    result.error_span = Span{at, at + 1};
  }
  return result;
}

}  // namespace idlint
