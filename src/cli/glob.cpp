// Gitignore-style path patterns (see glob.h).
#include "cli/glob.h"

#include <algorithm>
#include <cctype>

namespace idlint {

namespace {

// How a match ended: as git's wildmatch, a failure may tell the callers up the chain of stars that
// no longer text for an earlier star can help, which keeps matching polynomial.
enum class Wild { Match, NoMatch, AbortAll, AbortToStarStar };

bool named_class_matches(std::string_view name, unsigned char c, bool& known) {
  known = true;
  if (name == "alnum") return std::isalnum(c) != 0;
  if (name == "alpha") return std::isalpha(c) != 0;
  if (name == "blank") return c == ' ' || c == '\t';
  if (name == "cntrl") return std::iscntrl(c) != 0;
  if (name == "digit") return std::isdigit(c) != 0;
  if (name == "graph") return std::isgraph(c) != 0;
  if (name == "lower") return std::islower(c) != 0;
  if (name == "print") return std::isprint(c) != 0;
  if (name == "punct") return std::ispunct(c) != 0;
  if (name == "space") return std::isspace(c) != 0;
  if (name == "upper") return std::isupper(c) != 0;
  if (name == "xdigit") return std::isxdigit(c) != 0;
  known = false;
  return false;
}

// The class at p[i] == '[' against c: its members, '!' or '^' first to negate, a ']' first as a
// member, ranges, '\' escapes and '[:alpha:]' names. Sets i past the ']'; AbortAll when the class
// is not closed or names an unknown class (the pattern then matches nothing, as in git).
Wild match_class(std::string_view p, size_t& i, unsigned char c) {
  ++i;
  bool negated = false;
  if (i < p.size() && (p[i] == '!' || p[i] == '^')) {
    negated = true;
    ++i;
  }
  bool matched = false;
  unsigned char prev = 0;
  for (bool first = true;; first = false, ++i) {
    if (i >= p.size()) return Wild::AbortAll;
    auto pc = static_cast<unsigned char>(p[i]);
    if (pc == ']' && !first) break;
    if (pc == '\\') {
      if (++i >= p.size()) return Wild::AbortAll;
      pc = static_cast<unsigned char>(p[i]);
      matched = matched || c == pc;
    } else if (pc == '-' && prev != 0 && i + 1 < p.size() && p[i + 1] != ']') {
      auto hi = static_cast<unsigned char>(p[++i]);
      if (hi == '\\') {
        if (++i >= p.size()) return Wild::AbortAll;
        hi = static_cast<unsigned char>(p[i]);
      }
      matched = matched || (c >= prev && c <= hi);
      pc = 0;  // a range does not start another
    } else if (pc == '[' && i + 1 < p.size() && p[i + 1] == ':') {
      size_t end = i + 2;
      while (end < p.size() && p[end] != ']') ++end;
      if (end >= p.size()) return Wild::AbortAll;
      if (end > i + 2 && p[end - 1] == ':') {
        bool known = false;
        matched = named_class_matches(p.substr(i + 2, end - 1 - (i + 2)), c, known) || matched;
        if (!known) return Wild::AbortAll;
        i = end;
        pc = 0;
      } else {
        matched = matched || c == '[';  // no ':]': a literal '['
      }
    } else {
      matched = matched || c == pc;
    }
    prev = pc;
  }
  ++i;
  return matched != negated && c != '/' ? Wild::Match : Wild::NoMatch;
}

bool glob_special(char c) { return c == '*' || c == '?' || c == '[' || c == '\\'; }

// git's wildmatch (WM_PATHNAME) from pattern position pi and text position ti.
Wild wild(std::string_view p, size_t pi, std::string_view t, size_t ti) {
  for (; pi < p.size(); ++pi, ++ti) {
    if (ti >= t.size() && p[pi] != '*') return Wild::AbortAll;
    const char tc = ti < t.size() ? t[ti] : '\0';
    switch (p[pi]) {
      case '\\':
        ++pi;  // the next character literally (a trailing '\' matches nothing)
        if (pi >= p.size() || tc != p[pi]) return Wild::NoMatch;
        continue;
      default:
        if (tc != p[pi]) return Wild::NoMatch;
        continue;
      case '?':
        if (tc == '/') return Wild::NoMatch;
        continue;
      case '[': {
        const Wild w = match_class(p, pi, static_cast<unsigned char>(tc));
        if (w != Wild::Match) return w;
        --pi;  // the loop steps past the class
        continue;
      }
      case '*': {
        bool match_slash = false;
        const size_t star = pi;
        if (++pi < p.size() && p[pi] == '*') {
          while (++pi < p.size() && p[pi] == '*') {
          }
          // '**' as a whole name ('**/', '/**/', '/**') crosses folders; elsewhere it is a '*'.
          if ((star == 0 || p[star - 1] == '/') &&
              (pi == p.size() || p[pi] == '/' || (p[pi] == '\\' && pi + 1 < p.size() && p[pi + 1] == '/'))) {
            if (pi < p.size() && p[pi] == '/' && wild(p, pi + 1, t, ti) == Wild::Match) return Wild::Match;
            match_slash = true;
          }
        }
        if (pi == p.size()) {
          // A trailing '**' matches everything, a trailing '*' the rest of one name.
          return match_slash || t.find('/', ti) == std::string_view::npos ? Wild::Match : Wild::NoMatch;
        }
        if (!match_slash && p[pi] == '/') {
          // '*/' takes the rest of this name.
          const size_t slash = t.find('/', ti);
          if (slash == std::string_view::npos) return Wild::NoMatch;
          ti = slash;
          break;  // the loop matches the '/'
        }
        for (;;) {
          if (ti >= t.size()) break;
          if (!glob_special(p[pi])) {
            // Before a literal, the star takes everything up to that literal.
            while (ti < t.size() && (match_slash || t[ti] != '/') && t[ti] != p[pi]) ++ti;
            if (ti >= t.size() || t[ti] != p[pi]) return Wild::NoMatch;
          }
          const Wild w = wild(p, pi, t, ti);
          if (w != Wild::NoMatch) {
            if (!match_slash || w != Wild::AbortToStarStar) return w;
          } else if (!match_slash && t[ti] == '/') {
            return Wild::AbortToStarStar;
          }
          ++ti;
        }
        return Wild::AbortAll;
      }
    }
    // Only '*/' breaks out of the switch: the '/' is matched below.
    if (p[pi] != t[ti]) return Wild::NoMatch;
  }
  return ti < t.size() ? Wild::NoMatch : Wild::Match;
}

// git's trim_trailing_spaces: spaces at the end go unless the first of them is escaped.
std::string_view trim_trailing_spaces(std::string_view s) {
  size_t last_space = std::string_view::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') {
      if (last_space == std::string_view::npos) last_space = i;
      continue;
    }
    if (s[i] == '\\' && ++i >= s.size()) return s;
    last_space = std::string_view::npos;
  }
  return last_space == std::string_view::npos ? s : s.substr(0, last_space);
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) { return wild(pattern, 0, text, 0) == Wild::Match; }

PathGlob::PathGlob(std::string pattern) : original_(std::move(pattern)) { parse(original_); }

void PathGlob::parse(std::string_view p) {
  if (!p.empty() && p.back() == '/') {
    dir_only_ = true;
    p.remove_suffix(1);
  }
  if (!p.empty() && p.front() == '/') {
    anchored_ = true;
    p.remove_prefix(1);
  }
  if (p.find('/') != std::string_view::npos) anchored_ = true;
  glob_ = std::string(p);
  const auto special = [](std::string_view s) { return s.find_first_of("*?[\\") != std::string_view::npos; };
  if (!special(glob_)) {
    kind_ = Kind::Literal;
  } else if (glob_.size() > 1 && glob_[0] == '*' && !special(std::string_view(glob_).substr(1))) {
    kind_ = Kind::Suffix;
  } else if (glob_.find_first_of("[\\") == std::string::npos) {
    for (size_t start = 0; start < glob_.size();) {
      const size_t end = std::min(glob_.find_first_of("*?", start), glob_.size());
      std::string_view run = std::string_view(glob_).substr(start, end - start);
      if (!run.empty() && run.front() == '/') run.remove_prefix(1);
      if (!run.empty() && run.back() == '/') run.remove_suffix(1);
      if (run.size() > required_.size()) required_ = std::string(run);
      start = end + 1;
    }
  }
}

namespace {

std::string_view last_name(std::string_view rel) {
  const size_t slash = rel.rfind('/');
  return slash == std::string_view::npos ? rel : rel.substr(slash + 1);
}

}  // namespace

bool PathGlob::matches_path(std::string_view rel, bool is_dir) const {
  return matches_path(rel, last_name(rel), is_dir);
}

bool PathGlob::matches_path(std::string_view rel, std::string_view name, bool is_dir) const {
  if (glob_.empty() || (dir_only_ && !is_dir)) return false;
  const std::string_view text = anchored_ ? rel : name;
  switch (kind_) {
    case Kind::Literal:
      return text == glob_;
    case Kind::Suffix:
      // '*' never takes a '/': an anchored '*.log' is for names at the top only.
      return text.size() >= glob_.size() - 1 &&
             text.substr(text.size() - (glob_.size() - 1)) == std::string_view(glob_).substr(1) &&
             text.find('/') == std::string_view::npos;
    case Kind::Glob:
      break;
  }
  return text.find(required_) != std::string_view::npos && glob_match(glob_, text);
}

bool PathGlob::matches(std::string_view rel, bool is_dir) const {
  // Each prefix of the path that ends at a folder boundary is tried: excluding a folder excludes
  // everything in it.
  for (size_t end = 0; end <= rel.size(); ++end) {
    if (end != rel.size() && rel[end] != '/') continue;
    if (matches_path(rel.substr(0, end), end == rel.size() ? is_dir : true)) return true;
  }
  return false;
}

IgnorePatterns::IgnorePatterns(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.empty() || line[0] == '#') continue;
    if (line.back() == '\r') line.remove_suffix(1);
    line = trim_trailing_spaces(line);
    PathGlob glob;
    glob.original_ = std::string(line);
    if (!line.empty() && line[0] == '!') {
      glob.negated_ = true;
      line.remove_prefix(1);
    }
    glob.parse(line);
    if (!glob.glob_.empty()) patterns_.push_back(std::move(glob));
  }
}

IgnoreMatch IgnorePatterns::match(std::string_view rel, bool is_dir) const {
  const std::string_view name = last_name(rel);
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    if (it->matches_path(rel, name, is_dir)) return it->negated() ? IgnoreMatch::Included : IgnoreMatch::Ignored;
  }
  return IgnoreMatch::None;
}

}  // namespace idlint
