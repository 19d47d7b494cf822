// Base versions: files at a git revision (one `git cat-file --batch` per file, renames from one
// `git diff` per repository) or another file on disk.
#include "load/base_version.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "load/file_reader.h"

extern char** environ;

namespace idlint {

namespace fs = std::filesystem;

namespace {

std::string trim_newline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string first_line(const std::string& s) {
  const std::string t = trim_newline(s);
  const size_t nl = t.find('\n');
  return nl == std::string::npos ? t : t.substr(0, nl);
}

// SIGPIPE blocked on this thread while it lives; one raised meanwhile (a write to a pipe whose
// reader exited) is taken before the thread's mask is restored, so the write fails with EPIPE
// instead. Per thread: threads running git at once (-j) cannot undo each other's setting, as they
// could by ignoring the signal for the whole process and restoring the handler after.
class SigpipeBlocked {
 public:
  SigpipeBlocked() {
    ::sigemptyset(&pipe_);
    ::sigaddset(&pipe_, SIGPIPE);
    ::pthread_sigmask(SIG_BLOCK, &pipe_, &previous_);
    sigset_t pending;
    was_pending_ = ::sigpending(&pending) == 0 && ::sigismember(&pending, SIGPIPE);
  }
  ~SigpipeBlocked() {
    sigset_t pending;
    if (!was_pending_ && ::sigpending(&pending) == 0 && ::sigismember(&pending, SIGPIPE)) {
      const timespec now{};
      while (::sigtimedwait(&pipe_, nullptr, &now) < 0 && errno == EINTR) {
      }
    }
    ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SigpipeBlocked(const SigpipeBlocked&) = delete;
  SigpipeBlocked& operator=(const SigpipeBlocked&) = delete;

 private:
  sigset_t pipe_;
  sigset_t previous_;
  bool was_pending_ = false;
};

// A pipe whose ends are closed in the spawned process except where dup2'd. pipe2 sets FD_CLOEXEC
// atomically, so a git spawned at that moment by another thread cannot inherit the pipe; where there
// is no pipe2 (macOS) the flag is set just after.
int cloexec_pipe(int fds[2]) {
#if defined(__linux__) || defined(__FreeBSD__) || defined(__NetBSD__) || defined(__OpenBSD__)
  return ::pipe2(fds, O_CLOEXEC);
#else
  if (::pipe(fds) != 0) return -1;
  ::fcntl(fds[0], F_SETFD, FD_CLOEXEC);
  ::fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  return 0;
#endif
}

}  // namespace

int run_git(const std::string& dir, const std::vector<std::string>& args, const std::string& input, std::string& out,
            std::string& err, size_t max_out) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (cloexec_pipe(in_pipe) != 0) return -1;
  if (cloexec_pipe(out_pipe) != 0) {
    ::close(in_pipe[0]);
    ::close(in_pipe[1]);
    return -1;
  }
  if (cloexec_pipe(err_pipe) != 0) {
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1]}) ::close(fd);
    return -1;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  // git as a tool that only reads: the repository under review may carry a configuration that runs
  // programs (core.fsmonitor, filters, external diffs, textconv, a pager); none of that applies, no
  // lazy fetch reaches the network, no prompt waits, and the index is not rewritten.
  std::vector<std::string> full = {
      "git", "--no-pager",     "-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false",
      "-c",  "diff.external=", "-c", "protocol.allow=never", "-C", dir};
  full.insert(full.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : full) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    const std::string_view entry(*e);
    if (entry.starts_with("GIT_PAGER=") || entry.starts_with("PAGER=") || entry.starts_with("GIT_EXTERNAL_DIFF=") ||
        entry.starts_with("GIT_TERMINAL_PROMPT=") || entry.starts_with("GIT_OPTIONAL_LOCKS=") ||
        entry.starts_with("GIT_ASKPASS=") || entry.starts_with("SSH_ASKPASS=") || entry.starts_with("GIT_SSH=") ||
        entry.starts_with("GIT_SSH_COMMAND=") || entry.starts_with("GIT_NO_LAZY_FETCH=")) {
      continue;
    }
    env_strings.emplace_back(entry);
  }
  for (const char* e : {"GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "GIT_NO_LAZY_FETCH=1", "GIT_PAGER=cat"}) {
    env_strings.emplace_back(e);
  }
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (spawned != 0) {
    for (int fd : {in_pipe[1], out_pipe[0], err_pipe[0]}) ::close(fd);
    err = std::string("cannot run git: ") + error_text(spawned);
    return -1;
  }
  // Feed the input and drain both outputs together, so that no pipe fills up and blocks git.
  // A broken pipe (git exiting early) must not kill idlint.
  const SigpipeBlocked no_sigpipe;
  size_t written = 0;
  int in_fd = in_pipe[1];
  if (input.empty()) {
    ::close(in_fd);
    in_fd = -1;
  }
  bool out_open = true, err_open = true;
  char buf[65536];
  while (out_open || err_open) {
    pollfd fds[3];
    nfds_t n = 0;
    int out_i = -1, err_i = -1, in_i = -1;
    if (out_open) {
      fds[n] = {out_pipe[0], POLLIN, 0};
      out_i = static_cast<int>(n++);
    }
    if (err_open) {
      fds[n] = {err_pipe[0], POLLIN, 0};
      err_i = static_cast<int>(n++);
    }
    if (in_fd >= 0) {
      fds[n] = {in_fd, POLLOUT, 0};
      in_i = static_cast<int>(n++);
    }
    if (::poll(fds, n, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (in_i >= 0 && fds[in_i].revents) {
      const ssize_t w = ::write(in_fd, input.data() + written, input.size() - written);
      if (w > 0) written += static_cast<size_t>(w);
      if (w < 0 && errno != EINTR && errno != EAGAIN) written = input.size();
      if (written == input.size()) {
        ::close(in_fd);
        in_fd = -1;
      }
    }
    auto drain = [&](int fd, bool& open, std::string& into, size_t limit) {
      const ssize_t r = ::read(fd, buf, sizeof buf);
      if (r < 0 && errno == EINTR) return;
      if (r <= 0) {
        open = false;
        return;
      }
      if (into.size() < limit) into.append(buf, std::min(static_cast<size_t>(r), limit - into.size() + 1));
    };
    if (out_i >= 0 && fds[out_i].revents) drain(out_pipe[0], out_open, out, max_out);
    if (err_i >= 0 && fds[err_i].revents) drain(err_pipe[0], err_open, err, 64 * 1024);
  }
  if (in_fd >= 0) ::close(in_fd);
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

const GitBase::Repository& GitBase::repository_of(const std::string& dir) {
  // Held while git runs for a new folder too: a thread asking for the same folder waits for it
  // rather than running git again.
  const std::lock_guard<std::mutex> lock(mutex_);
  auto [it, inserted] = by_dir_.try_emplace(dir);
  if (!inserted) return *it->second;
  std::string out, err;
  const int status = run_git(dir, {"rev-parse", "--show-toplevel"}, {}, out, err, 1 << 16);
  std::string top = status == 0 ? trim_newline(out) : std::string();
  if (top.empty()) {
    it->second = std::make_unique<Repository>();
    if (status < 0)
      it->second->error = err.empty() ? std::string("cannot run git") : err;
    else if (status == 0 || err.find("not a git repository") != std::string::npos)
      it->second->error = "not in a git repository, so it has no version at " + revision_;
    else
      it->second->error = "git: " + first_line(err);  // e.g. a repository owned by another user
    return *it->second;
  }
  // Files in several folders of one repository share its revision check and rename list.
  if (auto known = by_top_.find(top); known != by_top_.end()) {
    auto copy = std::make_unique<Repository>(*known->second);
    it->second = std::move(copy);
    return *it->second;
  }
  auto repo = std::make_unique<Repository>();
  repo->top = top;
  out.clear();
  err.clear();
  if (!revision_.empty() && revision_[0] == '-') {
    repo->error = "'" + revision_ + "' is not a revision";
  } else if (run_git(top, {"rev-parse", "--verify", "--quiet", "--end-of-options", revision_ + "^{commit}"}, {}, out,
                     err, 1 << 16) != 0) {
    // HEAD before the first commit (pre-commit on a new repository): every file is new.
    std::string log, log_err;
    const bool unborn = revision_ == "HEAD" &&
                        run_git(top, {"rev-list", "-n", "1", "--all"}, {}, log, log_err, 1 << 16) == 0 && log.empty();
    if (unborn)
      repo->no_commits = true;
    else
      repo->error = "unknown revision '" + revision_ + "' in the git repository " + top;
  } else {
    // Renames between the revision and the index, as git detects them (staged renames: pre-commit
    // and a rename with git mv; the index holds the blobs, so no working-tree file is read and no
    // clean filter runs).
    out.clear();
    err.clear();
    if (run_git(top,
                {"diff", "--cached", "--no-ext-diff", "--no-textconv", "-M", "--name-status", "-z", revision_, "--"},
                {}, out, err, 256u << 20) == 0) {
      std::vector<std::string> fields;
      size_t start = 0;
      for (size_t i = 0; i < out.size(); ++i) {
        if (out[i] != '\0') continue;
        fields.push_back(out.substr(start, i - start));
        start = i + 1;
      }
      for (size_t i = 0; i < fields.size();) {
        const std::string& code = fields[i];
        if (!code.empty() && (code[0] == 'R' || code[0] == 'C') && i + 2 < fields.size()) {
          if (code[0] == 'R') repo->renamed_from[fields[i + 2]] = fields[i + 1];
          i += 3;
        } else {
          i += 2;
        }
      }
    }
  }
  by_top_[top] = repo.get();
  it->second = std::move(repo);
  return *it->second;
}

BaseText GitBase::read_at(const std::string& path, bool follow_renames) {
  BaseText result;
  std::error_code ec;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
  const std::string dir = absolute.parent_path().string();
  const Repository& repo = repository_of(dir);
  if (!repo.error.empty() || repo.top.empty()) {
    result.status = BaseText::Status::Error;
    result.error = repo.error;
    return result;
  }
  const fs::path relative = absolute.lexically_relative(fs::path(repo.top));
  std::string rel = relative.generic_string();
  if (rel.empty() || rel.rfind("..", 0) == 0) {
    result.status = BaseText::Status::Error;
    result.error = "outside the git repository " + repo.top;
    return result;
  }
  if (repo.no_commits) return result;  // Absent
  if (follow_renames) {
    if (auto it = repo.renamed_from.find(rel); it != repo.renamed_from.end()) rel = it->second;
  }
  // The base is named by its path at the revision, as the user would find it there.
  const fs::path base_path = fs::path(repo.top) / rel;
  const fs::path cwd = fs::current_path(ec);
  const fs::path shown = base_path.lexically_relative(cwd);
  result.path = shown.empty() || shown.string().rfind("..", 0) == 0 ? base_path.string() : shown.string();
  if (rel.find('\n') != std::string::npos) {
    result.status = BaseText::Status::Error;
    result.error = "the path cannot be read from git";
    return result;
  }
  std::string out, err;
  const int status =
      run_git(repo.top, {"cat-file", "--batch"}, revision_ + ":" + rel + "\n", out, err, kMaxInputSize + 4096);
  const size_t header_end = out.find('\n');
  if (status != 0 || header_end == std::string::npos) {
    result.status = BaseText::Status::Error;
    result.error = "git cat-file failed: " + first_line(err);
    return result;
  }
  const std::string header = out.substr(0, header_end);
  if (header.size() >= 8 && header.compare(header.size() - 8, 8, " missing") == 0) {
    result.status = BaseText::Status::Absent;
    return result;
  }
  // "<object> blob <size>"
  const size_t last_space = header.rfind(' ');
  const size_t type_space = header.find(' ');
  if (last_space == std::string::npos || type_space == last_space ||
      header.compare(type_space + 1, last_space - type_space - 1, "blob") != 0) {
    result.status = BaseText::Status::Absent;  // a folder or a submodule at that path: no file to compare
    return result;
  }
  const size_t size = std::strtoull(header.c_str() + last_space + 1, nullptr, 10);
  // The same limit as for every file read from disk (load/file_reader.h).
  if (size > kMaxInputSize) {
    result.status = BaseText::Status::Error;
    result.error = "the version at " + revision_ + " is " + too_large_error(size);
    return result;
  }
  if (out.size() < header_end + 1 + size) {
    result.status = BaseText::Status::Error;
    result.error = "git cat-file returned a short file";
    return result;
  }
  result.status = BaseText::Status::Found;
  result.text = out.substr(header_end + 1, size);
  return result;
}

namespace {
BaseText read_from_disk(const std::string& path) {
  BaseText result;
  result.path = path;
  FileRead read = read_input_file(path);
  if (!read.ok()) {
    result.status = BaseText::Status::Error;
    result.error = read.error;
    return result;
  }
  result.text = std::move(read.text);
  result.status = BaseText::Status::Found;
  return result;
}
}  // namespace

BaseText FileBase::read(const std::string&) { return read_from_disk(old_path_); }

// The same parameter files apply to both versions.
BaseText FileBase::read_related(const std::string& path) { return read_from_disk(path); }

}  // namespace idlint
