// Gitignore-style path patterns: one for --exclude, a list of them for a .gitignore file.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace idlint {

// A pattern such as 'legacy/', '*.json', 'modules/**/old', '/infra/generated'. Matched against a
// path relative to the folder the pattern is relative to, with '/' separators:
//  - a pattern with no '/' but a trailing one matches a name at any depth;
//  - otherwise it is anchored at that folder ('/infra' and 'infra/x' alike);
//  - a trailing '/' matches folders only;
//  - '*' matches within one name, '?' one character of a name, '[a-z]' '[!a-z]' a class, and '**'
//    (as '**/', '/**/' or '/**') any number of folders; '\' makes the next character literal.
class PathGlob {
 public:
  // The pattern as given (--exclude): no comment, '!' or trailing space handling.
  explicit PathGlob(std::string pattern);
  // rel: the path relative to the pattern's folder ('infra/legacy/main.bicep'); is_dir: it is a
  // folder. True when the pattern matches rel or one of its folders (everything in a folder the
  // pattern matches).
  bool matches(std::string_view rel, bool is_dir) const;
  // True when the pattern matches rel itself, as git tests each path of a walk (its folders have
  // been tested on the way down).
  bool matches_path(std::string_view rel, bool is_dir) const;
  const std::string& pattern() const { return original_; }
  // A '!' line of a .gitignore: a match re-includes the path.
  bool negated() const { return negated_; }

 private:
  friend class IgnorePatterns;
  PathGlob() = default;
  void parse(std::string_view pattern);  // sets glob_, anchored_, dir_only_
  // matches_path with the name rel ends with ('main.json' of 'infra/main.json') found already.
  bool matches_path(std::string_view rel, std::string_view name, bool is_dir) const;
  std::string original_;
  std::string glob_;  // without the leading '!', the leading '/' and the trailing '/'
  bool anchored_ = false;
  bool dir_only_ = false;
  bool negated_ = false;
  // Most lines are a name ('bin') or '*' and a name's end ('*.log'): compared without wildmatch.
  enum class Kind { Glob, Literal, Suffix } kind_ = Kind::Glob;
  // Of a glob with only '*' and '?': its longest run of other characters (less a '/' at either end,
  // which '**/' may stand in for), which a path must hold to match ('generated' of '**/generated/**').
  std::string required_;
};

// What a list of patterns says about a path: the last pattern that matches decides.
enum class IgnoreMatch { None, Ignored, Included };

// The lines of a .gitignore file (or .git/info/exclude, or the global excludes file), with git's
// reading of them: a UTF-8 byte order mark and CRs before line ends dropped, blank lines and lines
// starting with '#' skipped, trailing spaces dropped unless escaped ('\ '), '!' negates, '\!' and
// '\#' start a pattern with a literal '!' or '#'.
class IgnorePatterns {
 public:
  IgnorePatterns() = default;
  explicit IgnorePatterns(std::string_view text);
  // rel: relative to the folder holding the file (the repository root for info/exclude and the
  // global file).
  IgnoreMatch match(std::string_view rel, bool is_dir) const;
  bool empty() const { return patterns_.empty(); }

 private:
  std::vector<PathGlob> patterns_;
};

// '*', '?', '[…]' and '**' matching of a whole text (exposed for tests).
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace idlint
