// Report files: written whole or not at all, and never replacing what is not a regular file.
#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sstream>

namespace idlint {

namespace {

namespace fs = std::filesystem;

std::string error_text(const std::string& path, int error) {
  return "cannot write " + path + ": " + std::strerror(error);
}

int write_all(int fd, const std::string& data) {
  size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    written += static_cast<size_t>(n);
  }
  return 0;
}

// Where writing `path` lands: the path itself, or the file its symlinks lead to. Empty, with
// *error set, when a link cannot be read or they loop.
std::string final_target(const std::string& path, int* error) {
  std::string current = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return current;
    char buf[PATH_MAX];
    const ssize_t n = ::readlink(current.c_str(), buf, sizeof buf - 1);
    if (n < 0) {
      *error = errno;
      return {};
    }
    const fs::path link(std::string(buf, static_cast<size_t>(n)));
    current = link.is_absolute() ? link.string() : (fs::path(current).parent_path() / link).string();
  }
  *error = ELOOP;
  return {};
}

// Through a temporary file beside it, then a rename: a reader never sees half a report, and a
// failed run leaves the old one.
std::string replace_atomically(const std::string& shown, const std::string& path, const std::string& data,
                               const struct stat* existing) {
  const fs::path target(path);
  std::string dir = target.parent_path().string();
  if (dir.empty()) dir = ".";
  std::string tmpl = dir + "/." + target.filename().string() + ".XXXXXX";
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return std::string("cannot create a temporary file in ") + dir + ": " + std::strerror(errno);
  if (const int e = write_all(fd, data); e != 0) {
    ::close(fd);
    ::unlink(tmpl.c_str());
    return error_text(shown, e);
  }
  // mkstemp creates 0600: a new report gets the usual permissions, a replaced one keeps its own.
  mode_t mode = 0;
  if (existing) {
    mode = existing->st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(fd, mode);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int e = errno;
    ::unlink(tmpl.c_str());
    return error_text(shown, e);
  }
  if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
    const int e = errno;
    ::unlink(tmpl.c_str());
    return error_text(shown, e);
  }
  return {};
}

}  // namespace

std::string write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  std::ostringstream buffer;
  write(buffer);
  const std::string data = buffer.str();

  int error = 0;
  const std::string target = final_target(path, &error);
  if (target.empty()) return error_text(path, error);
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) {
    if (errno != ENOENT) return error_text(path, errno);
    return replace_atomically(path, target, data, nullptr);  // a new file (or where a dangling link points)
  }
  if (S_ISREG(st.st_mode)) return replace_atomically(path, target, data, &st);
  if (S_ISDIR(st.st_mode)) return "cannot write " + path + ": it is a directory";
  // A device, FIFO or socket: written into, as a shell redirection does, never renamed over.
  const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return error_text(path, errno);
  const int e = write_all(fd, data);
  if (::close(fd) != 0 && e == 0) return error_text(path, errno);
  return e == 0 ? std::string() : error_text(path, e);
}

}  // namespace idlint
