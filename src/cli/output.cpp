// Atomic report files: temporary file + fsync + rename.
#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sstream>

namespace idlint {

std::string write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  std::ostringstream buffer;
  write(buffer);
  const std::string data = buffer.str();

  std::filesystem::path target(path);
  std::string dir = target.parent_path().string();
  if (dir.empty()) dir = ".";
  std::string tmpl = dir + "/." + target.filename().string() + ".XXXXXX";
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return std::string("cannot create a temporary file in ") + dir + ": " + std::strerror(errno);
  size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string err = std::strerror(errno);
      ::close(fd);
      ::unlink(tmpl.c_str());
      return "cannot write " + path + ": " + err;
    }
    written += static_cast<size_t>(n);
  }
  const mode_t mask = ::umask(0);  // mkstemp creates 0600; give the report the usual permissions
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const std::string err = std::strerror(errno);
    ::unlink(tmpl.c_str());
    return "cannot write " + path + ": " + err;
  }
  if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string err = std::strerror(errno);
    ::unlink(tmpl.c_str());
    return "cannot write " + path + ": " + err;
  }
  return {};
}

}  // namespace idlint
