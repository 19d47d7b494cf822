// Gitignore-style path patterns (see glob.h).
#include "cli/glob.h"

namespace idlint {

namespace {

// One '[…]' class at p[0] == '['; returns its length (0 when unterminated: '[' is then literal).
size_t class_length(std::string_view p) {
  size_t i = 1;
  if (i < p.size() && (p[i] == '!' || p[i] == '^')) ++i;
  if (i < p.size() && p[i] == ']') ++i;  // a ']' first is a member
  while (i < p.size() && p[i] != ']') ++i;
  return i < p.size() ? i + 1 : 0;
}

bool class_matches(std::string_view cls, char c) {
  size_t i = 1;
  bool negated = false;
  if (cls[i] == '!' || cls[i] == '^') {
    negated = true;
    ++i;
  }
  bool found = false;
  for (bool first = true; i + 1 < cls.size(); first = false) {
    if (cls[i] == ']' && !first) break;
    if (i + 2 < cls.size() - 1 && cls[i + 1] == '-') {
      found = found || (c >= cls[i] && c <= cls[i + 2]);
      i += 3;
    } else {
      found = found || c == cls[i];
      ++i;
    }
  }
  return found != negated;
}

}  // namespace

bool glob_match(std::string_view p, std::string_view t) {
  // Iterative matching with backtracking to the last '*' (and to the last '**', which may also
  // consume '/'): linear in practice, and never exponential however many stars a pattern has.
  size_t pi = 0, ti = 0;
  size_t star_p = std::string_view::npos, star_t = 0;
  bool star_crosses = false;
  while (ti < t.size()) {
    if (pi < p.size()) {
      if (p.compare(pi, 3, "**/") == 0 && (pi == 0 || p[pi - 1] == '/')) {
        // '**/' matches zero or more whole folders.
        star_p = pi + 3;
        star_t = ti;
        star_crosses = true;
        pi += 3;
        continue;
      }
      if (p.compare(pi, 2, "**") == 0 && pi + 2 == p.size() && (pi == 0 || p[pi - 1] == '/')) {
        return true;  // a trailing '/**' matches everything below
      }
      if (p[pi] == '*') {
        star_p = ++pi;
        star_t = ti;
        star_crosses = false;
        continue;
      }
      if (p[pi] == '?' && t[ti] != '/') {
        ++pi;
        ++ti;
        continue;
      }
      if (p[pi] == '[') {
        const size_t len = class_length(p.substr(pi));
        if (len > 0) {
          if (t[ti] != '/' && class_matches(p.substr(pi, len), t[ti])) {
            pi += len;
            ++ti;
            continue;
          }
        } else if (t[ti] == '[') {
          ++pi;
          ++ti;
          continue;
        }
      } else if (p[pi] == '\\' && pi + 1 < p.size() && p[pi + 1] == t[ti]) {
        pi += 2;
        ++ti;
        continue;
      } else if (p[pi] != '?' && p[pi] == t[ti]) {
        ++pi;
        ++ti;
        continue;
      }
    }
    // Mismatch: let the last star take one more character ('*' never a '/', '**/' whole folders).
    if (star_p == std::string_view::npos) return false;
    if (star_crosses) {
      const size_t slash = t.find('/', star_t);
      if (slash == std::string_view::npos) return false;
      star_t = slash + 1;
    } else {
      if (t[star_t] == '/') return false;
      ++star_t;
    }
    pi = star_p;
    ti = star_t;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

PathGlob::PathGlob(std::string pattern) : original_(std::move(pattern)) {
  std::string_view p = original_;
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
}

bool PathGlob::matches(std::string_view rel, bool is_dir) const {
  if (glob_.empty()) return false;
  // Each prefix of the path that ends at a folder boundary is tried: excluding a folder excludes
  // everything in it.
  for (size_t end = 0; end <= rel.size(); ++end) {
    if (end != rel.size() && rel[end] != '/') continue;
    const bool whole = end == rel.size();
    if (dir_only_ && whole && !is_dir) continue;
    const std::string_view prefix = rel.substr(0, end);
    if (anchored_) {
      if (glob_match(glob_, prefix)) return true;
    } else {
      const size_t slash = prefix.rfind('/');
      if (glob_match(glob_, slash == std::string_view::npos ? prefix : prefix.substr(slash + 1))) return true;
    }
  }
  return false;
}

}  // namespace idlint
