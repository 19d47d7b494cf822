// The one way idlint reads a file: templates, parameter files, modules, bicepconfig.json, a
// --baseline or --base-file, so that each gets the same checks. Only a regular file is read (a FIFO
// would block, a device never end, /proc and /sys files report no size), symlinks are followed
// (a loop is an error), and nothing larger than the limit is read at all.
#pragma once
#include <cstddef>
#include <string>

namespace idlint {

// Azure Resource Manager accepts templates up to 4 MB; files far past that are not read.
constexpr size_t kMaxInputSize = size_t{64} << 20;

struct FileRead {
  enum class Status { Ok, TooLarge, Error } status = Status::Error;
  std::string text;   // Ok: the whole file; TooLarge: empty, unless its start was asked for
  std::string error;  // why it was not read, said after the path: "not a regular file (a FIFO)"
  size_t size = 0;    // the file's size on disk
  bool ok() const { return status == Status::Ok; }
};

// Reads path whole, when it is a regular file of at most limit bytes. When it is larger, and
// start_when_too_large is set, its first start_when_too_large bytes are read instead (status
// TooLarge), so the caller can tell what the file is.
FileRead read_input_file(const std::string& path, size_t limit = kMaxInputSize, size_t start_when_too_large = 0);

// strerror's text for an errno value ("No such file or directory"), safe on several threads at
// once (strerror may return a buffer that the next call, on any thread, overwrites).
std::string error_text(int errnum);

// "larger than 64 MiB (65 MiB)": the error of a file or text over the limit.
std::string too_large_error(size_t size, size_t limit = kMaxInputSize);

}  // namespace idlint
