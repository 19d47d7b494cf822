// Reading an input file: one open, fstat and read loop, refusing what is not a regular file.
#include "load/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/vfs.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace idlint {

namespace {

#if defined(__linux__)
// The file systems whose files are not data: their sizes are 0 or made up, and reading some of
// them has effects (/proc/self/mem, /sys/.../trigger). Linux only: elsewhere /proc, where there is
// one, holds no such files.
constexpr long kProcMagic = 0x9fa0;
constexpr long kSysfsMagic = 0x62656572;
#endif

// strerror_r comes in two forms: GNU's returns the text (in the buffer or a static string), the
// POSIX one (macOS, musl, the BSDs) returns 0 and fills the buffer. The overload picks the form at hand.
[[maybe_unused]] const char* strerror_text(const char* result, const char*) { return result; }
[[maybe_unused]] const char* strerror_text(int result, const char* buffer) {
  return result == 0 ? buffer : "unknown error";
}

const char* special_kind(mode_t mode) {
  switch (mode & S_IFMT) {
    case S_IFDIR:
      return "a directory";
    case S_IFIFO:
      return "a FIFO";
    case S_IFCHR:
      return "a character device";
    case S_IFBLK:
      return "a block device";
    case S_IFSOCK:
      return "a socket";
    default:
      return "a special file";
  }
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Appends up to max bytes read from fd to out, expecting about `expected` (the size fstat gave:
// one read, and one more that finds the end); 0, or the errno of a failed read.
int read_up_to(int fd, std::string& out, size_t max, size_t expected) {
  const size_t start = out.size();
  size_t got = 0;
  size_t capacity = std::min(max, expected + 1);
  while (got < max) {
    if (got == capacity) capacity = std::min(max, capacity + (size_t{1} << 16));  // the file grew
    out.resize(start + capacity);
    const ssize_t n = ::read(fd, out.data() + start + got, capacity - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.resize(start);
      return errno;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  out.resize(start + got);
  return 0;
}

}  // namespace

std::string error_text(int errnum) {
  char buffer[256] = "";
  return strerror_text(::strerror_r(errnum, buffer, sizeof buffer), buffer);
}

std::string too_large_error(size_t size, size_t limit) {
  std::string text = "larger than " + std::to_string(limit >> 20) + " MiB";
  if (size > limit) text += " (" + std::to_string(size >> 20) + " MiB)";
  return text;
}

FileRead read_input_file(const std::string& path, size_t limit, size_t start_when_too_large) {
  FileRead r;
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever; the file is refused
  // below anyway. O_NOCTTY: a terminal device never becomes the controlling terminal.
  const Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)};
  if (f.fd < 0) {
    r.error = error_text(errno);  // ELOOP: "Too many levels of symbolic links"
    return r;
  }
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) {
    r.error = error_text(errno);
    return r;
  }
  if (!S_ISREG(st.st_mode)) {
    r.error = std::string("not a regular file (") + special_kind(st.st_mode) + ")";
    return r;
  }
#if defined(__linux__)
  struct statfs fs {};
  if (::fstatfs(f.fd, &fs) == 0 && (fs.f_type == kProcMagic || fs.f_type == kSysfsMagic)) {
    r.error = fs.f_type == kProcMagic ? "in /proc, which idlint does not read" : "in /sys, which idlint does not read";
    return r;
  }
#endif
  r.size = static_cast<size_t>(st.st_size);
  if (r.size > limit) {
    r.status = FileRead::Status::TooLarge;
    r.error = too_large_error(r.size, limit);
    if (start_when_too_large > 0) {
      if (const int e = read_up_to(f.fd, r.text, start_when_too_large, start_when_too_large); e != 0) {
        r.status = FileRead::Status::Error;
        r.error = error_text(e);
      }
    }
    return r;
  }
  // One byte past the limit tells a file that grew since fstat from one that did not.
  if (const int e = read_up_to(f.fd, r.text, limit + 1, r.size); e != 0) {
    r.error = error_text(e);
    return r;
  }
  if (r.text.size() > limit) {
    r.status = FileRead::Status::TooLarge;
    r.error = too_large_error(r.text.size(), limit);
    r.text.clear();
    return r;
  }
  r.status = FileRead::Status::Ok;
  return r;
}

}  // namespace idlint
