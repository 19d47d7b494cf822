// Gitignore-style path patterns, for --exclude: the semantics of a .gitignore line (without '!').
#pragma once
#include <string>
#include <string_view>

namespace idlint {

// A pattern such as 'legacy/', '*.json', 'modules/**/old', '/infra/generated'. Matched against a
// path relative to the folder the pattern is relative to, with '/' separators:
//  - a pattern with no '/' but a trailing one matches a name at any depth (and everything under it);
//  - otherwise it is anchored at that folder ('/infra' and 'infra/x' alike);
//  - a trailing '/' matches folders only;
//  - '*' matches within one name, '?' one character of a name, '[a-z]' '[!a-z]' a class, and '**'
//    (as '**/', '/**/' or '/**') any number of folders.
class PathGlob {
 public:
  explicit PathGlob(std::string pattern);
  // rel: the path relative to the pattern's folder ('infra/legacy/main.bicep'); is_dir: it is a folder.
  bool matches(std::string_view rel, bool is_dir) const;
  const std::string& pattern() const { return original_; }

 private:
  std::string original_;
  std::string glob_;  // without the leading '/' and the trailing '/'
  bool anchored_ = false;
  bool dir_only_ = false;
};

// '*', '?', '[…]' and '**' matching of a whole text (exposed for tests).
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace idlint
