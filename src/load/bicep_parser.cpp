// The Bicep lexer and recursive-descent parser. Tokens are lexed on demand from byte offsets; strings
// (with `${…}` holes) are scanned by the parser itself. A syntax error abandons the declaration it is
// in and parsing resumes at the next line that starts a declaration, so later resources are linted.
#include <algorithm>
#include <cstring>

#include "load/bicep_syntax.h"
#include "load/directives.h"

namespace idlint::bicep {
namespace {

enum class T : uint8_t {
  End,
  Newline,
  Ident,
  Number,
  Quote,       // ' (a string starts here)
  MultiQuote,  // ''' or $…''' (a multi-line string starts here)
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Comma,
  Dot,
  DotQ,  // .?
  Colon,
  ColonColon,
  Question,
  QQ,    // ??
  Bang,  // !
  Ne,    // !=
  NeI,   // !~
  Assign,
  Eq,
  EqI,    // =~
  Arrow,  // =>
  Lt,
  Le,
  Gt,
  Ge,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  AndAnd,
  OrOr,
  Pipe,
  Caret,  // ^ (index from the end)
  At,
  Ellipsis,
  Invalid,
};

struct Tok {
  T t = T::End;
  uint32_t b = 0;
  uint32_t e = 0;
};

struct Failure {
  Span span;
  std::string message;
  bool fatal = false;  // the rest of the file cannot be read (an unterminated comment or multi-line string)
};

// Levels of nesting (brackets, braces, parentheses, calls, indexes, interpolations, unary operators,
// ternaries): far beyond real templates, and far within the stack.
constexpr unsigned kMaxDepth = 256;
constexpr size_t kMaxErrors = 50;

bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_decl_keyword(std::string_view w) {
  static constexpr std::string_view kw[] = {"targetScope", "metadata", "param",    "var",     "resource",
                                            "module",      "output",   "type",     "func",    "import",
                                            "extension",   "provider", "using",    "assert",  "test",
                                            "extends",     "extensionConfig"};
  return std::find(std::begin(kw), std::end(kw), w) != std::end(kw);
}

const char* describe_token(T t) {
  switch (t) {
    case T::End: return "the end of the file";
    case T::Newline: return "a new line";
    case T::Ident: return "a name";
    case T::Number: return "a number";
    case T::Quote:
    case T::MultiQuote: return "a string";
    case T::LBrace: return "'{'";
    case T::RBrace: return "'}'";
    case T::LBracket: return "'['";
    case T::RBracket: return "']'";
    case T::LParen: return "'('";
    case T::RParen: return "')'";
    case T::Comma: return "','";
    case T::Dot: return "'.'";
    case T::DotQ: return "'.?'";
    case T::Colon: return "':'";
    case T::ColonColon: return "'::'";
    case T::Question: return "'?'";
    case T::QQ: return "'?\?'";
    case T::Bang: return "'!'";
    case T::Ne: return "'!='";
    case T::NeI: return "'!~'";
    case T::Assign: return "'='";
    case T::Eq: return "'=='";
    case T::EqI: return "'=~'";
    case T::Arrow: return "'=>'";
    case T::Lt: return "'<'";
    case T::Le: return "'<='";
    case T::Gt: return "'>'";
    case T::Ge: return "'>='";
    case T::Plus: return "'+'";
    case T::Minus: return "'-'";
    case T::Star: return "'*'";
    case T::Slash: return "'/'";
    case T::Percent: return "'%'";
    case T::AndAnd: return "'&&'";
    case T::OrOr: return "'||'";
    case T::Pipe: return "'|'";
    case T::Caret: return "'^'";
    case T::At: return "'@'";
    case T::Ellipsis: return "'...'";
    case T::Invalid: return "an unexpected character";
  }
  return "a token";
}

class Parser {
 public:
  Parser(std::string_view text, Arena& arena, bool params_file)
      : s_(text), arena_(arena), params_file_(params_file) {}

  ParsedFile run() {
    pos_ = 0;
    need_next_ = true;
    while (true) {
      uint32_t decl_start = static_cast<uint32_t>(pos_);
      try {
        if (need_next_) {
          need_next_ = false;
          next();
        }
        skip_newlines();
        if (tok_.t == T::End) break;
        decl_start = tok_.b;
        out_.decls.push_back(declaration(nullptr));
      } catch (const Failure& f) {
        depth_ = 0;
        expr_stack_.clear();
        prop_stack_.clear();
        out_.errors.push_back({f.span, f.message});
        if (f.fatal || out_.errors.size() >= kMaxErrors) break;
        resync(decl_start, f.span.begin);
      }
    }
    return std::move(out_);
  }

 private:
  // ---- lexing ----

  [[noreturn]] void fail(Span span, std::string message, bool fatal = false) {
    throw Failure{span, std::move(message), fatal};
  }
  [[noreturn]] void fail_here(std::string message) {
    fail(tok_.t == T::End ? Span{tok_.b, tok_.b} : Span{tok_.b, std::max(tok_.e, tok_.b + 1)}, std::move(message));
  }
  [[noreturn]] void expected(const std::string& what) {
    fail_here("expected " + what + ", found " + found());
  }
  std::string found() const {
    if (tok_.t == T::Ident) return "'" + std::string(text(tok_)) + "'";
    if (tok_.t == T::Invalid) {
      const unsigned char c = static_cast<unsigned char>(s_[tok_.b]);
      if (c < 0x20 || c >= 0x7f) {
        static const char* hex = "0123456789ABCDEF";
        return std::string("the byte 0x") + hex[c >> 4] + hex[c & 15];
      }
      return "'" + std::string(1, static_cast<char>(c)) + "'";
    }
    return describe_token(tok_.t);
  }

  std::string_view text(const Tok& t) const { return s_.substr(t.b, t.e - t.b); }
  bool at_line_start(size_t p) const {
    while (p > 0) {
      const char c = s_[p - 1];
      if (c == '\n' || c == '\r') return true;
      if (c != ' ' && c != '\t') return false;
      --p;
    }
    return true;
  }

  void skip_trivia() {
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == ' ' || c == '\t') {
        ++pos_;
      } else if (c == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '/') {
        // To the end of the line (vectorised: comments are a large part of many files).
        const char* begin = s_.data() + pos_;
        const size_t left = s_.size() - pos_;
        const void* nl = std::memchr(begin, '\n', left);
        const size_t line = nl ? static_cast<size_t>(static_cast<const char*>(nl) - begin) : left;
        const void* cr = std::memchr(begin, '\r', line);
        const size_t start = pos_;
        pos_ += cr ? static_cast<size_t>(static_cast<const char*>(cr) - begin) : line;
        if (is_idlint_directive_comment(s_.substr(start + 2, pos_ - start - 2))) {
          keep_directive(Directive::Kind::IdlintComment, start, pos_);
        }
      } else if (c == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '*') {
        const size_t end = s_.find("*/", pos_ + 2);
        if (end == std::string_view::npos) {
          fail({static_cast<uint32_t>(pos_), static_cast<uint32_t>(pos_ + 2)}, "unterminated comment: '/*' has no '*/'", true);
        }
        pos_ = end + 2;
      } else if (c == '#' && at_line_start(pos_)) {
        directive();
      } else {
        break;
      }
    }
  }

  void directive() {
    const size_t start = pos_;
    size_t end = pos_;
    while (end < s_.size() && s_[end] != '\n' && s_[end] != '\r') ++end;
    pos_ = end;
    std::string_view line = s_.substr(start + 1, end - start - 1);
    size_t i = 0;
    while (i < line.size() && (is_ident_char(line[i]) || line[i] == '-')) ++i;
    if (line.substr(0, i) != "disable-next-line") return;
    keep_directive(Directive::Kind::DisableNextLine, start, end);
  }

  void keep_directive(Directive::Kind kind, size_t start, size_t end) {
    if (start < directives_seen_) return;  // re-read after error recovery
    directives_seen_ = end;
    Directive d;
    d.kind = kind;
    d.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    d.line = line_of(start);
    out_.directives.push_back(d);
  }

  uint32_t line_of(size_t offset) {
    // Directives are rare and come in order: count lines incrementally.
    while (line_scan_pos_ < offset) {
      if (s_[line_scan_pos_] == '\n') ++line_scan_line_;
      ++line_scan_pos_;
    }
    return line_scan_line_;
  }

  // Lexes the next token at pos_ into tok_.
  void next() {
    skip_trivia();
    Tok t;
    t.b = static_cast<uint32_t>(pos_);
    if (pos_ >= s_.size()) {
      t.t = T::End;
      t.e = t.b;
      tok_ = t;
      return;
    }
    const char c = s_[pos_];
    auto one = [&](T k, size_t n = 1) {
      t.t = k;
      pos_ += n;
    };
    auto peek_char = [&](size_t k) { return pos_ + k < s_.size() ? s_[pos_ + k] : '\0'; };
    switch (c) {
      case '\n': one(T::Newline); break;
      case '\r': one(T::Newline, peek_char(1) == '\n' ? 2 : 1); break;
      case '{': one(T::LBrace); break;
      case '}': one(T::RBrace); break;
      case '[': one(T::LBracket); break;
      case ']': one(T::RBracket); break;
      case '(': one(T::LParen); break;
      case ')': one(T::RParen); break;
      case ',': one(T::Comma); break;
      case '.':
        if (peek_char(1) == '.' && peek_char(2) == '.') one(T::Ellipsis, 3);
        else if (peek_char(1) == '?') one(T::DotQ, 2);
        else one(T::Dot);
        break;
      case ':': peek_char(1) == ':' ? one(T::ColonColon, 2) : one(T::Colon); break;
      case '?': peek_char(1) == '?' ? one(T::QQ, 2) : one(T::Question); break;
      case '!':
        if (peek_char(1) == '=') one(T::Ne, 2);
        else if (peek_char(1) == '~') one(T::NeI, 2);
        else one(T::Bang);
        break;
      case '=':
        if (peek_char(1) == '=') one(T::Eq, 2);
        else if (peek_char(1) == '~') one(T::EqI, 2);
        else if (peek_char(1) == '>') one(T::Arrow, 2);
        else one(T::Assign);
        break;
      case '<': peek_char(1) == '=' ? one(T::Le, 2) : one(T::Lt); break;
      case '>': peek_char(1) == '=' ? one(T::Ge, 2) : one(T::Gt); break;
      case '+': one(T::Plus); break;
      case '-': one(T::Minus); break;
      case '*': one(T::Star); break;
      case '/': one(T::Slash); break;
      case '%': one(T::Percent); break;
      case '&': peek_char(1) == '&' ? one(T::AndAnd, 2) : one(T::Invalid); break;
      case '|': peek_char(1) == '|' ? one(T::OrOr, 2) : one(T::Pipe); break;
      case '@': one(T::At); break;
      case '^': one(T::Caret); break;
      case '\'':
        if (peek_char(1) == '\'' && peek_char(2) == '\'') one(T::MultiQuote, 3);
        else one(T::Quote);
        break;
      case '$': {
        size_t n = 0;
        while (peek_char(n) == '$') ++n;
        if (peek_char(n) == '\'' && peek_char(n + 1) == '\'' && peek_char(n + 2) == '\'') {
          one(T::MultiQuote, n + 3);
        } else {
          one(T::Invalid);
        }
        break;
      }
      default:
        if (is_ident_start(c)) {
          t.t = T::Ident;
          while (pos_ < s_.size() && is_ident_char(s_[pos_])) ++pos_;
        } else if (is_digit(c)) {
          t.t = T::Number;
          while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
          if (pos_ + 1 < s_.size() && s_[pos_] == '.' && is_digit(s_[pos_ + 1])) {
            ++pos_;
            while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
          }
        } else {
          t.t = T::Invalid;
          // One whole UTF-8 character, so the message and the span stay on a character boundary.
          ++pos_;
          while (pos_ < s_.size() && (static_cast<unsigned char>(s_[pos_]) & 0xC0) == 0x80) ++pos_;
        }
    }
    t.e = static_cast<uint32_t>(pos_);
    tok_ = t;
  }

  struct State {
    size_t pos;
    Tok tok;
  };
  State save() const { return {pos_, tok_}; }
  void restore(const State& st) {
    pos_ = st.pos;
    tok_ = st.tok;
  }

  bool is(T t) const { return tok_.t == t; }
  bool is_word(std::string_view w) const { return tok_.t == T::Ident && text(tok_) == w; }
  void skip_newlines() {
    if (tok_.t != T::Newline) return;
    if (peek_from_ == tok_.b) {
      restore(peeked_);
      return;
    }
    while (tok_.t == T::Newline) next();
  }
  Tok expect(T t, const char* what) {
    if (tok_.t != t) expected(what);
    return take();  // take(), not next(): the construct's span ends after this token
  }
  // Peeks past new lines: true (and positioned there) if the next token is t, else unchanged.
  bool continues_with(std::initializer_list<T> ts) {
    if (tok_.t != T::Newline) return std::find(ts.begin(), ts.end(), tok_.t) != ts.end();
    if (std::find(ts.begin(), ts.end(), past_newlines().tok.t) == ts.end()) return false;
    skip_newlines();
    return true;
  }

  // At a new line: the first token after the new lines (and where lexing stands then). Every line
  // end asks whether an operator continues the expression, often twice; the answer is cached.
  const State& past_newlines() {
    if (peek_from_ != tok_.b) {
      const State st = save();
      skip_newlines();
      peeked_ = save();
      restore(st);
      peek_from_ = tok_.b;
    }
    return peeked_;
  }

  // Resumes after an error: the next line after the failed declaration's start that begins, in the
  // first column, with a declaration keyword or a decorator. That may be before the error (an object
  // left open swallows the declarations after it), so text is parsed again; to stay linear, at
  // most twice the file's size is parsed again in all, then parsing resumes after the error.
  void resync(uint32_t decl_start, uint32_t error_at) {
    size_t from = next_declaration_line(decl_start);
    if (from < error_at) {
      const size_t again = error_at - from;
      if (again <= reparse_budget_) {
        reparse_budget_ -= again;
      } else {
        from = next_declaration_line(error_at);
      }
    }
    pos_ = from;
    need_next_ = true;
  }

  size_t next_declaration_line(size_t after) const {
    size_t p = s_.find('\n', after);
    while (p != std::string_view::npos) {
      ++p;
      if (p >= s_.size()) break;
      const char c = s_[p];
      if (c == '@' || (c == '#' && s_.compare(p, 18, "#disable-next-line") == 0)) break;
      if (is_ident_start(c)) {
        size_t e = p;
        while (e < s_.size() && is_ident_char(s_[e])) ++e;
        if (is_decl_keyword(s_.substr(p, e - p))) break;
      }
      p = s_.find('\n', p);
    }
    return p == std::string_view::npos ? s_.size() : p;
  }

  // ---- nodes ----

  Expr* node(Expr::Kind k, Span span) {
    Expr* e = arena_.make<Expr>();
    e->kind = k;
    e->span = span;
    return e;
  }
  Span from(uint32_t begin) const { return {begin, last_end_}; }
  const Expr* const* list(const std::vector<const Expr*>& v) {
    auto* a = arena_.array<const Expr*>(v.size());
    std::copy(v.begin(), v.end(), a);
    return a;
  }
  // Lists under construction share one stack (nested lists push above their parent's items), so
  // building an array, an argument list or an object costs no heap allocation.
  const Expr* const* pop_list(size_t base) {
    const size_t n = expr_stack_.size() - base;
    auto* a = arena_.array<const Expr*>(n);
    std::copy(expr_stack_.begin() + static_cast<std::ptrdiff_t>(base), expr_stack_.end(), a);
    expr_stack_.resize(base);
    return a;
  }

  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser, uint32_t at) : p(parser) {
      if (++p.depth_ > kMaxDepth) {
        p.fail({at, at + 1}, "nesting is too deep (more than " + std::to_string(kMaxDepth) + " levels)");
      }
    }
    ~DepthGuard() { --p.depth_; }
  };

  // Consumes the current token, remembering where it ended (for spans).
  Tok take() {
    Tok t = tok_;
    last_end_ = t.e;
    next();
    return t;
  }

  // ---- declarations ----

  std::vector<Decorator> decorators() {
    std::vector<Decorator> ds;
    while (is(T::At)) {
      const uint32_t at = take().b;
      const Expr* e = postfix();
      ds.push_back({from(at), e});
      skip_newlines();
    }
    return ds;
  }

  Decl* new_decl(Decl::Kind k, const Tok& keyword) {
    Decl* d = &out_.storage.emplace_back();  // a deque: the address stays put
    d->kind = k;
    d->keyword_span = {keyword.b, keyword.e};
    d->span.begin = keyword.b;
    return d;
  }

  void name(Decl* d, const char* what) {
    if (!is(T::Ident)) expected(std::string("the ") + what + " name");
    const Tok t = take();
    d->name = text(t);
    d->name_span = {t.b, t.e};
  }

  void end_of_declaration(Decl* d) {
    d->span.end = last_end_;
    if (!is(T::Newline) && !is(T::End)) {
      expected("a new line after the declaration");
    }
  }

  Decl* declaration(Decl* parent) {
    std::vector<Decorator> decos = decorators();
    if (!is(T::Ident) || !is_decl_keyword(text(tok_))) {
      if (!decos.empty()) expected("a declaration after the decorators");
      expected("a declaration (param, var, resource, module, output, …)");
    }
    const std::string_view kw = text(tok_);
    const Tok keyword = take();
    Decl* d = nullptr;
    if (kw == "targetScope") {
      d = new_decl(Decl::Kind::TargetScope, keyword);
      expect(T::Assign, "'=' after 'targetScope'");
      d->value = expression();
    } else if (kw == "metadata") {
      d = new_decl(Decl::Kind::Metadata, keyword);
      name(d, "metadata");
      expect(T::Assign, "'=' after the metadata name");
      d->value = expression();
    } else if (kw == "param") {
      d = new_decl(Decl::Kind::Param, keyword);
      name(d, "parameter");
      if (params_file_ && is(T::Assign)) {
        take();
        d->value = expression();
      } else if (params_file_) {
        expected("'=' after the parameter name");
      } else {
        if (is(T::Newline)) continues_with({T::Pipe});  // a union written one member per line
        if (!starts_type()) expected("a type after the parameter name");
        d->type = type();
        if (is(T::Assign)) {
          take();
          d->value = expression();
        }
      }
    } else if (kw == "var") {
      d = new_decl(Decl::Kind::Var, keyword);
      name(d, "variable");
      if (!is(T::Assign)) {
        if (!starts_type()) expected("'=' after the variable name");
        d->type = type();
      }
      expect(T::Assign, "'=' after the variable's type");
      d->value = expression();
    } else if (kw == "resource") {
      d = new_decl(Decl::Kind::Resource, keyword);
      d->parent_decl = parent;
      name(d, "resource");
      if (!is(T::Quote)) expected("the resource type string ('Namespace/type@version') after the resource name");
      d->type_string = string_literal();
      if (is_word("existing")) {
        take();
        d->existing = true;
      }
      expect(T::Assign, "'=' after the resource type");
      body(d);
    } else if (kw == "module") {
      d = new_decl(Decl::Kind::Module, keyword);
      name(d, "module");
      if (!is(T::Quote) && !is(T::MultiQuote)) expected("the module path string after the module name");
      d->type_string = string_literal();
      expect(T::Assign, "'=' after the module path");
      body(d);
    } else if (kw == "test") {
      d = new_decl(Decl::Kind::Test, keyword);
      name(d, "test");
      if (!is(T::Quote)) expected("the test's template path after the test name");
      d->type_string = string_literal();
      expect(T::Assign, "'=' after the test's template path");
      body(d);
    } else if (kw == "output") {
      d = new_decl(Decl::Kind::Output, keyword);
      name(d, "output");
      if (!starts_type()) expected("a type after the output name");
      d->type = type();
      expect(T::Assign, "'=' after the output's type");
      d->value = expression();
    } else if (kw == "type") {
      d = new_decl(Decl::Kind::Type, keyword);
      name(d, "type");
      expect(T::Assign, "'=' after the type name");
      skip_newlines();
      d->type = type();
    } else if (kw == "func") {
      d = new_decl(Decl::Kind::Func, keyword);
      name(d, "function");
      d->value = function_body();
    } else if (kw == "import") {
      d = new_decl(Decl::Kind::Import, keyword);
      import_clause(d);
    } else if (kw == "extension" || kw == "provider") {
      d = new_decl(Decl::Kind::Extension, keyword);
      if (is(T::Quote)) {
        d->value = string_literal();
      } else if (is(T::Ident)) {
        d->value = primary();
      } else {
        expected("the extension name or reference");
      }
      with_and_alias(d);
    } else if (kw == "extensionConfig") {  // .bicepparam: extensionConfig alias with {…}
      d = new_decl(Decl::Kind::Extension, keyword);
      name(d, "extension alias");
      with_and_alias(d);
    } else if (kw == "using") {
      d = new_decl(Decl::Kind::Using, keyword);
      if (is(T::Quote)) {
        d->value = string_literal();
      } else if (is_word("none")) {
        d->value = primary();
      } else {
        expected("the template path (or 'none') after 'using'");
      }
      with_and_alias(d);
    } else if (kw == "extends") {
      d = new_decl(Decl::Kind::Extends, keyword);
      if (!is(T::Quote)) expected("the parameters file path after 'extends'");
      d->value = string_literal();
    } else {  // assert
      d = new_decl(Decl::Kind::Assert, keyword);
      name(d, "assertion");
      expect(T::Assign, "'=' after the assertion name");
      d->value = expression();
    }
    d->decorators = std::move(decos);
    end_of_declaration(d);
    return d;
  }

  void with_and_alias(Decl* d) {
    if (is_word("with")) {
      take();
      if (!is(T::LBrace)) expected("a configuration object after 'with'");
      d->type = object(nullptr);
    }
    if (is_word("as")) {
      take();
      if (!is(T::Ident)) expected("an alias name after 'as'");
      const Tok t = take();
      d->name = text(t);
      d->name_span = {t.b, t.e};
    }
  }

  void import_clause(Decl* d) {
    if (is(T::Quote)) {  // the older provider form: import 'az@1.0.0' [with {…}] [as alias]
      d->value = string_literal();
      with_and_alias(d);
      return;
    }
    if (is(T::Star)) {
      take();
      if (!is_word("as")) expected("'as' after 'import *'");
      take();
      if (!is(T::Ident)) expected("a namespace name after 'import * as'");
      const Tok t = take();
      d->name = text(t);
      d->name_span = {t.b, t.e};
    } else if (is(T::LBrace)) {
      take();
      while (true) {
        skip_separators();
        if (is(T::RBrace)) break;
        if (!is(T::Ident) && !is(T::Quote)) expected("an imported symbol name");
        if (is(T::Quote)) string_literal();
        else take();
        if (is_word("as")) {
          take();
          if (!is(T::Ident)) expected("an alias name after 'as'");
          take();
        }
        if (!is(T::Comma) && !is(T::Newline) && !is(T::RBrace)) expected("',' or '}' in the import list");
      }
      take();
    } else {
      expected("'{', '*' or a string after 'import'");
    }
    if (!is_word("from")) expected("'from' and the file or module to import from");
    take();
    if (!is(T::Quote)) expected("the path to import from");
    d->value = string_literal();
  }

  void skip_separators() {
    while (is(T::Newline) || is(T::Comma)) next();
  }

  // Resource, module and test bodies: `{…}`, `if (cond) {…}` or `[for … : …]`.
  void body(Decl* d) {
    DepthGuard guard(*this, tok_.b);  // nested child resources nest declarations
    skip_newlines();
    if (is_word("if")) {
      take();
      d->condition = parenthesized_condition();
      if (!is(T::LBrace)) expected("'{' to start the body after the condition");
      d->value = object(d);
    } else if (is(T::LBrace)) {
      d->value = object(d);
    } else if (is(T::LBracket)) {
      const uint32_t b = take().b;
      skip_newlines();
      if (!is_word("for")) expected("'for' (a loop) after '['");
      d->value = for_expression(b, d);
    } else {
      expected("'{', 'if' or '[for' after '='");
    }
  }

  const Expr* parenthesized_condition() {
    const uint32_t b = tok_.b;
    expect(T::LParen, "'(' after 'if'");
    skip_newlines();
    const Expr* e = expression();
    skip_newlines();
    expect(T::RParen, "')' to close the condition");
    Expr* p = node(Expr::Kind::Parenthesized, from(b));
    p->a[0] = e;
    return p;
  }

  // `func name(a type, b type) returnType => body`
  const Expr* function_body() {
    const uint32_t b = tok_.b;
    expect(T::LParen, "'(' and the parameter list after the function name");
    std::vector<std::string_view> names;
    while (true) {
      skip_separators();
      if (is(T::RParen)) break;
      if (!is(T::Ident)) expected("a parameter name");
      names.push_back(text(take()));
      if (!starts_type()) expected("the parameter's type");
      type();
      if (!is(T::Comma) && !is(T::Newline) && !is(T::RParen)) expected("',' or ')' in the parameter list");
    }
    take();
    if (!starts_type()) expected("the function's return type after the parameter list");
    type();
    expect(T::Arrow, "'=>' before the function body");
    skip_newlines();
    const Expr* bodyexpr = expression();
    Expr* l = node(Expr::Kind::Lambda, from(b));
    l->params = copy_names(names);
    l->param_count = static_cast<uint32_t>(names.size());
    l->a[0] = bodyexpr;
    return l;
  }

  const std::string_view* copy_names(const std::vector<std::string_view>& names) {
    auto* a = arena_.array<std::string_view>(names.size());
    std::copy(names.begin(), names.end(), a);
    return a;
  }

  // ---- types ----

  bool starts_type() const {
    switch (tok_.t) {
      case T::Ident:
      case T::Quote:
      case T::MultiQuote:
      case T::Number:
      case T::LBrace:
      case T::LBracket:
      case T::LParen:
      case T::Minus:
      case T::Pipe:
        return true;
      default:
        return false;
    }
  }

  const Expr* type() {
    DepthGuard guard(*this, tok_.b);
    const uint32_t b = tok_.b;
    std::vector<const Expr*> members;
    if (is(T::Pipe)) take();  // a leading '|' in a multi-line union
    members.push_back(type_member());
    while (continues_with({T::Pipe})) {
      take();
      skip_newlines();
      members.push_back(type_member());
    }
    Expr* t = node(Expr::Kind::TypeExpr, from(b));
    t->items = list(members);
    t->count = static_cast<uint32_t>(members.size());
    t->text = s_.substr(b, last_end_ - b);
    if (members.size() == 1 && members[0]->kind == Expr::Kind::TypeExpr) t->boolean = members[0]->boolean;
    return t;
  }

  const Expr* type_member() {
    const uint32_t b = tok_.b;
    const Expr* base = type_primary();
    bool nullable = false;
    bool modified = false;
    while (true) {
      if (is(T::LBracket)) {
        take();
        if (is(T::RBracket)) {
          take();
        } else if (is(T::Star)) {
          take();
          expect(T::RBracket, "']' after '[*'");
        } else {
          expression();
          expect(T::RBracket, "']' to close the type index");
        }
        modified = true;
      } else if (is(T::Question)) {
        take();
        nullable = true;
      } else if (is(T::Bang)) {  // `T!`: not nullable
        take();
        modified = true;
      } else if (is(T::Dot)) {
        take();
        if (is(T::Star)) {
          take();
        } else if (is(T::Ident)) {
          take();
          if (is(T::Lt)) type_arguments();  // sys.resourceInput<…>
        } else {
          expected("a property name after '.' in the type");
        }
        modified = true;
      } else {
        break;
      }
    }
    if (!modified && !nullable) return base;
    Expr* t = node(Expr::Kind::TypeExpr, from(b));
    t->text = s_.substr(b, last_end_ - b);
    t->boolean = nullable;
    if (!modified) {  // `T?`: keep the base so unions of nullable literals still read as literals
      t->items = list({base});
      t->count = 1;
    }
    return t;
  }

  void type_arguments() {
    take();  // <
    while (true) {
      skip_separators();
      if (is(T::Gt)) break;
      type();
      if (!is(T::Comma) && !is(T::Gt) && !is(T::Newline)) expected("',' or '>' in the type arguments");
    }
    take();
  }

  const Expr* type_primary() {
    DepthGuard guard(*this, tok_.b);
    const uint32_t b = tok_.b;
    switch (tok_.t) {
      case T::Quote:
      case T::MultiQuote:
        return string_literal();
      case T::Number:
      case T::Minus:
      case T::Bang:
        return unary();
      case T::LParen: {
        take();
        skip_newlines();
        const Expr* inner = type();
        skip_newlines();
        expect(T::RParen, "')' to close the type");
        return inner;
      }
      case T::LBrace: {
        take();
        while (true) {
          skip_separators();
          if (is(T::RBrace)) break;
          decorators();
          if (is(T::Star)) {
            take();
          } else if (is(T::Ident)) {
            take();
          } else if (is(T::Quote)) {
            string_literal();
          } else {
            expected("a property name in the object type");
          }
          if (is(T::Question)) take();
          expect(T::Colon, "':' after the property name");
          skip_newlines();
          type();
          if (!is(T::Comma) && !is(T::Newline) && !is(T::RBrace)) expected("',', a new line or '}' after the property type");
        }
        take();
        Expr* t = node(Expr::Kind::TypeExpr, from(b));
        t->text = s_.substr(b, last_end_ - b);
        return t;
      }
      case T::LBracket: {
        take();
        while (true) {
          skip_separators();
          if (is(T::RBracket)) break;
          if (is(T::At)) {
            decorators();
            skip_separators();  // the formatter may write `[@discriminator('type'), a | b, …]`
          }
          type();
          if (!is(T::Comma) && !is(T::Newline) && !is(T::RBracket)) expected("',', a new line or ']' in the tuple type");
        }
        take();
        Expr* t = node(Expr::Kind::TypeExpr, from(b));
        t->text = s_.substr(b, last_end_ - b);
        return t;
      }
      case T::Ident: {
        const std::string_view w = text(tok_);
        if (w == "true" || w == "false" || w == "null") return primary();
        const Tok id = take();
        if (w == "resource" && (is(T::Quote))) {  // `resource 'Type@version'`
          string_literal();
          Expr* t = node(Expr::Kind::TypeExpr, from(b));
          t->text = s_.substr(b, last_end_ - b);
          return t;
        }
        if (is(T::Lt)) {  // resourceInput<'Type@version'>, resourceOutput<…>, resource<…>
          type_arguments();
          Expr* t = node(Expr::Kind::TypeExpr, from(b));
          t->text = s_.substr(b, last_end_ - b);
          return t;
        }
        Expr* e = node(Expr::Kind::Identifier, {id.b, id.e});
        e->text = text(id);
        return e;
      }
      default:
        expected("a type");
    }
  }

  // ---- expressions ----

  const Expr* expression() {
    const uint32_t b = tok_.b;
    const Expr* cond = binary(0);
    if (!continues_with({T::Question})) return cond;
    DepthGuard guard(*this, tok_.b);  // `a ? b : c ? d : …` nests to the right
    take();
    skip_newlines();
    const Expr* yes = expression();
    if (!continues_with({T::Colon})) expected("':' in the conditional expression");
    take();
    skip_newlines();
    const Expr* no = expression();
    Expr* e = node(Expr::Kind::Ternary, from(b));
    e->a[0] = cond;
    e->a[1] = yes;
    e->a[2] = no;
    return e;
  }

  static int precedence(T t) {
    switch (t) {
      case T::QQ: return 1;
      case T::OrOr: return 2;
      case T::AndAnd: return 3;
      case T::Eq:
      case T::Ne:
      case T::EqI:
      case T::NeI: return 4;
      case T::Lt:
      case T::Le:
      case T::Gt:
      case T::Ge: return 5;
      case T::Plus:
      case T::Minus: return 6;
      case T::Star:
      case T::Slash:
      case T::Percent: return 7;
      default: return 0;
    }
  }

  // Binary operators by precedence climbing. An operator may start the next line (except '-', which
  // would also start a new array item).
  const Expr* binary(int min_prec) {
    const uint32_t b = tok_.b;
    const Expr* left = unary();
    while (true) {
      if (is(T::Newline)) {
        const T after = past_newlines().tok.t;
        if (precedence(after) <= min_prec || after == T::Minus) break;
        skip_newlines();
      }
      const int prec = precedence(tok_.t);
      if (prec <= min_prec) break;
      DepthGuard guard(*this, tok_.b);
      const Tok op = take();
      skip_newlines();
      const Expr* right = binary(prec);
      Expr* e = node(Expr::Kind::Binary, from(b));
      e->op = text(op);
      e->a[0] = left;
      e->a[1] = right;
      left = e;
    }
    return left;
  }

  const Expr* unary() {
    if (is(T::Bang) || is(T::Minus)) {
      DepthGuard guard(*this, tok_.b);
      const Tok op = take();
      const Expr* operand = unary();
      Expr* e = node(Expr::Kind::Unary, from(op.b));
      e->op = text(op);
      e->a[0] = operand;
      return e;
    }
    return postfix();
  }

  const Expr* postfix() {
    const uint32_t b = tok_.b;
    const Expr* e = primary();
    unsigned chain = 0;
    while (true) {
      if (++chain > kMaxDepth * 4) fail_here("the expression is too long");
      if (is(T::Dot) || is(T::DotQ)) {
        const bool safe = take().t == T::DotQ;
        if (!is(T::Ident)) expected("a property name after '.'");
        const Tok n = take();
        if (is(T::LParen)) {  // a namespaced or method-style call: sys.concat(…), az.resourceGroup()
          e = call(b, text(n), e);
          continue;
        }
        Expr* m = node(Expr::Kind::Member, from(b));
        m->a[0] = e;
        m->text = text(n);
        m->safe = safe;
        e = m;
      } else if (is(T::LBracket)) {
        DepthGuard guard(*this, tok_.b);  // a[b[c[…]]] nests through the index
        take();
        bool safe = false;
        if (is(T::Question)) {
          take();
          safe = true;
        }
        skip_newlines();
        if (is(T::Caret)) take();  // [^1]: counted from the end
        const Expr* index = expression();
        skip_newlines();
        expect(T::RBracket, "']' to close the index");
        Expr* m = node(Expr::Kind::Index, from(b));
        m->a[0] = e;
        m->a[1] = index;
        m->safe = safe;
        e = m;
      } else if (is(T::ColonColon)) {
        take();
        if (!is(T::Ident)) expected("a nested resource name after '::'");
        const Tok n = take();
        Expr* m = node(Expr::Kind::ResourceAccess, from(b));
        m->a[0] = e;
        m->text = text(n);
        e = m;
      } else if (is(T::LParen) && e->kind == Expr::Kind::Identifier) {
        e = call(b, e->text, nullptr);
      } else if (is(T::Bang)) {
        take();
        Expr* m = node(Expr::Kind::NonNull, from(b));
        m->a[0] = e;
        e = m;
      } else {
        break;
      }
    }
    return e;
  }

  const Expr* call(uint32_t b, std::string_view fn, const Expr* ns_expr) {
    DepthGuard guard(*this, tok_.b);
    const uint32_t open = tok_.b;
    take();
    const size_t base = expr_stack_.size();
    skip_newlines();
    while (!is(T::RParen)) {
      const Expr* arg = expression();
      expr_stack_.push_back(arg);
      skip_newlines();
      if (is(T::Comma)) {
        take();
        skip_newlines();
        if (is(T::RParen)) expected("an argument after ','");
      } else if (!is(T::RParen)) {
        if (is(T::End)) fail({open, open + 1}, "'(' is never closed: expected ')' to end the argument list");
        expected("',' or ')' in the argument list");
      }
    }
    take();
    Expr* c = node(Expr::Kind::Call, from(b));
    c->text = fn;
    if (ns_expr) {
      c->a[0] = ns_expr;
      c->ns = s_.substr(ns_expr->span.begin, ns_expr->span.end - ns_expr->span.begin);
    }
    c->count = static_cast<uint32_t>(expr_stack_.size() - base);
    c->items = pop_list(base);
    return c;
  }

  bool lambda_ahead() {
    // At '(': `()` or `(a, b, …)` followed by '=>'.
    const State st = save();
    take();
    skip_newlines();
    bool ok = true;
    while (ok && !is(T::RParen)) {
      if (!is(T::Ident)) {
        ok = false;
        break;
      }
      take();
      skip_newlines();
      if (is(T::Comma)) {
        take();
        skip_newlines();
      } else if (!is(T::RParen)) {
        ok = false;
      }
    }
    if (ok) {
      take();
      ok = is(T::Arrow);
    }
    restore(st);
    return ok;
  }

  const Expr* lambda(uint32_t b, std::vector<std::string_view> names) {
    expect(T::Arrow, "'=>'");
    skip_newlines();
    const Expr* body_expr = expression();
    Expr* l = node(Expr::Kind::Lambda, from(b));
    l->params = copy_names(names);
    l->param_count = static_cast<uint32_t>(names.size());
    l->a[0] = body_expr;
    return l;
  }

  const Expr* primary() {
    DepthGuard guard(*this, tok_.b);
    const uint32_t b = tok_.b;
    switch (tok_.t) {
      case T::Number: {
        const Tok t = take();
        Expr* e = node(Expr::Kind::Number, {t.b, t.e});
        e->text = text(t);
        return e;
      }
      case T::Quote:
      case T::MultiQuote:
        return string_literal();
      case T::Ident: {
        const Tok t = take();
        const std::string_view w = text(t);
        if (is(T::Arrow)) return lambda(b, {w});
        if (w == "true" || w == "false") {
          Expr* e = node(Expr::Kind::Bool, {t.b, t.e});
          e->boolean = w == "true";
          return e;
        }
        if (w == "null") return node(Expr::Kind::Null, {t.b, t.e});
        Expr* e = node(Expr::Kind::Identifier, {t.b, t.e});
        e->text = w;
        return e;
      }
      case T::LParen: {
        if (lambda_ahead()) {
          take();
          std::vector<std::string_view> names;
          skip_newlines();
          while (!is(T::RParen)) {
            names.push_back(text(take()));
            skip_newlines();
            if (is(T::Comma)) take();
            skip_newlines();
          }
          take();
          return lambda(b, std::move(names));
        }
        take();
        skip_newlines();
        const Expr* inner = expression();
        skip_newlines();
        if (!is(T::RParen)) {
          if (is(T::End)) fail({b, b + 1}, "'(' is never closed: expected ')'");
          expected("')' to close the parenthesized expression");
        }
        take();
        Expr* e = node(Expr::Kind::Parenthesized, from(b));
        e->a[0] = inner;
        return e;
      }
      case T::LBracket: {
        take();
        skip_newlines();
        if (is_word("for")) return for_expression(b, nullptr);
        return array(b);
      }
      case T::LBrace:
        return object(nullptr);
      default:
        expected("an expression");
    }
  }

  const Expr* array(uint32_t b) {
    const size_t base = expr_stack_.size();
    while (true) {
      skip_newlines();
      if (is(T::RBracket)) break;
      if (is(T::End)) fail({b, b + 1}, "'[' is never closed: expected ']' to end the array");
      if (is(T::Ellipsis)) {
        const uint32_t sb = take().b;
        const Expr* operand = expression();
        Expr* sp = node(Expr::Kind::Spread, from(sb));
        sp->a[0] = operand;
        expr_stack_.push_back(sp);
      } else {
        const Expr* item = expression();
        expr_stack_.push_back(item);
      }
      if (is(T::Comma)) {
        take();
      } else if (!is(T::Newline) && !is(T::RBracket)) {
        if (is(T::End)) fail({b, b + 1}, "'[' is never closed: expected ']' to end the array");
        expected("',', a new line or ']' after the array item");
      }
    }
    take();
    Expr* e = node(Expr::Kind::Array, from(b));
    e->count = static_cast<uint32_t>(expr_stack_.size() - base);
    e->items = pop_list(base);
    return e;
  }

  // After `[` and before `for`: `for item in xs: body]`, `for (item, index) in xs: if (c) body]`.
  const Expr* for_expression(uint32_t b, Decl* owner) {
    take();  // for
    std::vector<std::string_view> names;
    if (is(T::LParen)) {
      take();
      while (!is(T::RParen)) {
        if (!is(T::Ident)) expected("a loop variable name");
        names.push_back(text(take()));
        if (is(T::Comma)) take();
        else if (!is(T::RParen)) expected("',' or ')' after the loop variable");
      }
      take();
    } else {
      if (!is(T::Ident)) expected("a loop variable name after 'for'");
      names.push_back(text(take()));
    }
    if (!is_word("in")) expected("'in' after the loop variable");
    take();
    const Expr* source = expression();
    expect(T::Colon, "':' after the loop's array");
    skip_newlines();
    const Expr* filter = nullptr;
    if (is_word("if")) {
      take();
      filter = parenthesized_condition();
      skip_newlines();
    }
    const Expr* body_expr = is(T::LBrace) ? object(owner) : expression();
    skip_newlines();
    if (!is(T::RBracket)) {
      if (is(T::End)) fail({b, b + 1}, "'[for' is never closed: expected ']' to end the loop");
      expected("']' to end the loop");
    }
    take();
    Expr* e = node(Expr::Kind::For, from(b));
    e->a[0] = source;
    e->a[1] = body_expr;
    e->a[2] = filter;
    e->params = copy_names(names);
    e->param_count = static_cast<uint32_t>(names.size());
    return e;
  }

  // An object literal; owner: the resource whose body this is (nested resources may be declared in it).
  // Its nesting is counted by primary(), or by body() for a resource body.
  const Expr* object(Decl* owner) {
    const uint32_t b = take().b;  // {
    const size_t base = prop_stack_.size();
    while (true) {
      skip_separators();
      if (is(T::RBrace)) break;
      if (is(T::End)) {
        fail({b, b + 1}, "'{' is never closed: expected '}' to end the object");
      }
      const uint32_t pb = tok_.b;
      if (is(T::At) && owner) {
        // Decorators precede a nested resource; parse it as a declaration.
        Decl* child = declaration(owner);
        owner->children.push_back(child);
        continue;
      }
      if (is(T::Ellipsis)) {
        take();
        Property p;
        p.value = expression();
        p.span = from(pb);
        prop_stack_.push_back(p);
      } else if (owner && owner->kind == Decl::Kind::Resource && is_word("resource") && nested_resource_ahead()) {
        Decl* child = declaration(owner);
        owner->children.push_back(child);
        continue;
      } else {
        Property p;
        if (is(T::Ident)) {
          const Tok t = take();
          Expr* k = node(Expr::Kind::Identifier, {t.b, t.e});
          k->text = text(t);
          p.key = k;
        } else if (is(T::Quote) || is(T::MultiQuote)) {
          p.key = string_literal();
        } else {
          expected("a property name");
        }
        if (!is(T::Colon)) expected("':' after the property name");
        take();
        skip_newlines();
        p.value = expression();
        p.span = from(pb);
        prop_stack_.push_back(p);
      }
      if (is(T::Comma)) {
        take();
      } else if (!is(T::Newline) && !is(T::RBrace)) {
        if (is(T::End)) fail({b, b + 1}, "'{' is never closed: expected '}' to end the object");
        expected("',', a new line or '}' after the property value");
      }
    }
    take();
    Expr* e = node(Expr::Kind::Object, from(b));
    const size_t n = prop_stack_.size() - base;
    auto* a = arena_.array<Property>(n);
    std::copy(prop_stack_.begin() + static_cast<std::ptrdiff_t>(base), prop_stack_.end(), a);
    prop_stack_.resize(base);
    e->props = a;
    e->prop_count = static_cast<uint32_t>(n);
    return e;
  }

  bool nested_resource_ahead() {
    const State st = save();
    take();
    const bool yes = is(T::Ident);
    restore(st);
    return yes;
  }

  // ---- strings ----

  [[noreturn]] void unterminated(uint32_t b) {
    fail({b, b + 1}, "unterminated string: the closing ' is missing");
  }

  // Nested interpolations are counted by primary(), through which every hole's expression goes.
  const Expr* string_literal() {
    if (is(T::MultiQuote)) return multiline_string();
    const uint32_t b = tok_.b;
    size_t p = tok_.e;
    {  // Most strings have no escape and no interpolation: one part, no allocation but the node.
      size_t q = p;
      while (q < s_.size()) {
        const char c = s_[q];
        if (c == '\'' || c == '\\' || c == '$' || c == '\n' || c == '\r') break;
        ++q;
      }
      if (q < s_.size() && s_[q] == '\'') {
        auto* part = arena_.make<std::string_view>(s_.substr(p, q - p));
        pos_ = q + 1;
        last_end_ = static_cast<uint32_t>(pos_);
        next();
        Expr* e = node(Expr::Kind::String, {b, last_end_});
        e->parts = part;
        return e;
      }
    }
    std::vector<std::string_view> parts;
    std::vector<const Expr*> holes;
    std::string buf;
    bool escaped = false;
    size_t chunk = p;
    auto flush = [&](size_t end) {
      if (!escaped) {
        parts.push_back(s_.substr(chunk, end - chunk));
      } else {
        buf.append(s_.data() + chunk, end - chunk);
        parts.push_back(arena_.copy(buf));
      }
      buf.clear();
      escaped = false;
    };
    while (true) {
      if (p >= s_.size() || s_[p] == '\n' || s_[p] == '\r') unterminated(b);
      const char c = s_[p];
      if (c == '\'') {
        flush(p);
        ++p;
        break;
      }
      if (c == '\\') {
        if (!escaped) buf.assign(s_.data() + chunk, p - chunk);
        else buf.append(s_.data() + chunk, p - chunk);
        escaped = true;
        const char n = p + 1 < s_.size() ? s_[p + 1] : '\0';
        switch (n) {
          case '\\': buf += '\\'; p += 2; break;
          case '\'': buf += '\''; p += 2; break;
          case 'n': buf += '\n'; p += 2; break;
          case 'r': buf += '\r'; p += 2; break;
          case 't': buf += '\t'; p += 2; break;
          case '$': buf += '$'; p += 2; break;
          case 'u': {
            const size_t close = s_.find('}', p);
            if (p + 2 >= s_.size() || s_[p + 2] != '{' || close == std::string_view::npos || close - p > 10) {
              fail({static_cast<uint32_t>(p), static_cast<uint32_t>(p + 2)}, "invalid escape: expected \\u{hex digits}");
            }
            unsigned long cp = 0;
            for (size_t i = p + 3; i < close; ++i) {
              const char h = s_[i];
              int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
              if (v < 0) fail({static_cast<uint32_t>(p), static_cast<uint32_t>(close + 1)}, "invalid escape: expected \\u{hex digits}");
              cp = cp * 16 + static_cast<unsigned long>(v);
            }
            if (close == p + 3 || cp > 0x10FFFF) {
              fail({static_cast<uint32_t>(p), static_cast<uint32_t>(close + 1)}, "invalid escape: not a Unicode code point");
            }
            append_utf8(buf, static_cast<uint32_t>(cp));
            p = close + 1;
            break;
          }
          default:
            fail({static_cast<uint32_t>(p), static_cast<uint32_t>(p + 2)},
                 "invalid escape sequence in a string (use \\\\, \\', \\n, \\r, \\t, \\$ or \\u{…})");
        }
        chunk = p;
        continue;
      }
      if (c == '$' && p + 1 < s_.size() && s_[p + 1] == '{') {
        flush(p);
        holes.push_back(hole(p + 2, b));
        p = pos_;  // hole() leaves pos_ just after the closing '}'
        chunk = p;
        continue;
      }
      ++p;
    }
    return finish_string(b, p, parts, holes);
  }

  // The string node, once its closing quote (ending at p) is found; lexing resumes after it.
  const Expr* finish_string(uint32_t b, size_t p, const std::vector<std::string_view>& parts,
                            const std::vector<const Expr*>& holes) {
    pos_ = p;
    last_end_ = static_cast<uint32_t>(p);
    next();
    Expr* e = node(Expr::Kind::String, {b, static_cast<uint32_t>(p)});
    e->parts = copy_names(parts);
    e->items = list(holes);
    e->count = static_cast<uint32_t>(holes.size());
    return e;
  }

  // An interpolation hole: parses the expression starting at p and the closing '}'.
  const Expr* hole(size_t p, uint32_t string_begin) {
    pos_ = p;
    next();
    skip_newlines();
    const Expr* e = expression();
    skip_newlines();
    if (!is(T::RBrace)) {
      if (is(T::End)) unterminated(string_begin);
      expected("'}' to close the interpolation '${'");
    }
    pos_ = tok_.e;
    return e;
  }

  const Expr* multiline_string() {
    const uint32_t b = tok_.b;
    size_t dollars = 0;
    while (s_[b + dollars] == '$') ++dollars;
    size_t p = tok_.e;
    // A line break right after the opening quotes is not part of the content.
    if (p < s_.size() && s_[p] == '\r') ++p;
    if (p < s_.size() && s_[p] == '\n') ++p;
    std::vector<std::string_view> parts;
    std::vector<const Expr*> holes;
    size_t chunk = p;
    while (true) {
      if (p >= s_.size()) fail({b, static_cast<uint32_t>(b + dollars + 3)}, "unterminated multi-line string: the closing ''' is missing", true);
      if (s_.compare(p, 3, "'''") == 0) {
        // Extra quotes before the closing ones belong to the content (''''' ends with the last three).
        size_t q = p;
        while (q + 3 < s_.size() && s_[q + 3] == '\'') ++q;
        parts.push_back(s_.substr(chunk, q - chunk));
        p = q + 3;
        break;
      }
      if (dollars > 0 && s_[p] == '$') {
        size_t n = 0;
        while (p + n < s_.size() && s_[p + n] == '$') ++n;
        if (n >= dollars && p + n < s_.size() && s_[p + n] == '{') {
          const size_t start = p + n - dollars;
          parts.push_back(s_.substr(chunk, start - chunk));
          holes.push_back(hole(p + n + 1, b));
          p = pos_;
          chunk = p;
          continue;
        }
        p += n;
        continue;
      }
      ++p;
    }
    return finish_string(b, p, parts, holes);
  }

  std::string_view s_;
  Arena& arena_;
  bool params_file_;
  size_t pos_ = 0;
  Tok tok_;
  uint32_t last_end_ = 0;
  unsigned depth_ = 0;
  bool need_next_ = true;
  size_t reparse_budget_ = 2 * s_.size();
  uint32_t peek_from_ = UINT32_MAX;  // past_newlines() cache: the new line it was asked at
  State peeked_{};
  size_t directives_seen_ = 0;
  size_t line_scan_pos_ = 0;
  uint32_t line_scan_line_ = 1;
  std::vector<const Expr*> expr_stack_;
  std::vector<Property> prop_stack_;
  ParsedFile out_;
};

void outline(const Decl& d, std::string_view text, std::vector<ResourceOutline>& out) {
  if (d.kind != Decl::Kind::Resource) return;
  ResourceOutline o;
  o.symbolic_name = d.name;
  if (d.type_string && d.type_string->kind == Expr::Kind::String) {
    for (uint32_t i = 0; i <= d.type_string->count; ++i) o.type += d.type_string->parts[i];
  }
  o.line = 1 + static_cast<uint32_t>(std::count(text.begin(), text.begin() + d.keyword_span.begin, '\n'));
  const Expr* body = d.value;
  if (body && body->kind == Expr::Kind::For) body = body->a[1];
  if (body && body->kind == Expr::Kind::Object) {
    for (uint32_t i = 0; i < body->prop_count; ++i) {
      const Property& p = body->props[i];
      if (!p.key) continue;
      const bool named = (p.key->kind == Expr::Kind::Identifier && p.key->text == "identity") ||
                         (p.key->is_plain_string() && p.key->plain_string() == "identity");
      if (named) {
        o.has_identity = true;
        o.identity = p.value->span;
        break;
      }
    }
  }
  out.push_back(std::move(o));
  for (const Decl* c : d.children) outline(*c, text, out);
}

}  // namespace

ParsedFile parse(std::string_view text, Arena& arena, bool params_file) {
  return Parser(text, arena, params_file).run();
}

std::vector<ResourceOutline> outline_resources(const ParsedFile& file, std::string_view text) {
  std::vector<ResourceOutline> out;
  for (const Decl* d : file.decls) outline(*d, text, out);
  return out;
}

}  // namespace idlint::bicep
