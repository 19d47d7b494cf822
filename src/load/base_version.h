// The version of a linted file to compare it with: the file at a git revision (--base REV) or
// another file (--base-file OLD). Transition rules compare the two.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace idlint {

struct BaseText {
  enum class Status { Found, Absent, Error } status = Status::Absent;
  std::string path;   // where the base version is: its path at the revision (renames followed), or OLD
  std::string text;   // Found: the content
  std::string error;  // Error: why it could not be read
};

class BaseSource {
 public:
  virtual ~BaseSource() = default;
  // How messages name the base: "HEAD", "origin/main", "live.json".
  virtual const std::string& label() const = 0;
  // True when the base is one file the user named (--base-file): a base that cannot be compared is
  // an error then, and files it refers to are found beside it rather than at a revision.
  virtual bool is_named_file() const { return false; }
  // The base version of a linted file.
  virtual BaseText read(const std::string& path) = 0;
  // The base version of a file the linted one reads (a parameter file): the same file at the
  // revision, or the file itself when comparing with another file.
  virtual BaseText read_related(const std::string& path) = 0;
};

// Files at a git revision, read with `git cat-file` from the repository that holds each file.
// Files may be read on several threads at once (-j): each repository is looked up once, under a lock.
class GitBase final : public BaseSource {
 public:
  explicit GitBase(std::string revision) : revision_(std::move(revision)) {}
  const std::string& label() const override { return revision_; }
  BaseText read(const std::string& path) override { return read_at(path, true); }
  BaseText read_related(const std::string& path) override { return read_at(path, false); }

 private:
  struct Repository {
    std::string top;    // absolute working-tree root, or empty when not in a repository
    std::string error;  // the revision does not exist there, or git failed
    bool no_commits = false;  // HEAD in a repository without commits: nothing has a base
    std::map<std::string, std::string> renamed_from;  // new path → path at the revision (repository-relative)
  };
  const Repository& repository_of(const std::string& dir);
  BaseText read_at(const std::string& path, bool follow_renames);
  std::string revision_;
  std::mutex mutex_;  // guards by_dir_ and by_top_; a Repository does not change once made
  std::map<std::string, std::unique_ptr<Repository>> by_dir_;
  std::map<std::string, Repository*> by_top_;
};

// One other file, compared with the one linted file.
class FileBase final : public BaseSource {
 public:
  explicit FileBase(std::string old_path) : old_path_(std::move(old_path)) {}
  const std::string& label() const override { return old_path_; }
  bool is_named_file() const override { return true; }
  BaseText read(const std::string& path) override;
  BaseText read_related(const std::string& path) override;

 private:
  std::string old_path_;
};

// Runs git (never a shell) in dir with args, feeding it input; returns its exit status (-1 when it
// could not be started), its standard output in out (up to max_out bytes) and its error output.
int run_git(const std::string& dir, const std::vector<std::string>& args, const std::string& input, std::string& out,
            std::string& err, size_t max_out);

}  // namespace idlint
