// Writing the report to a file without ever leaving it half written.
#pragma once
#include <functional>
#include <ostream>
#include <string>

namespace idlint {

// Writes the report to path: a regular file (or none yet) through a temporary file in the same
// directory and a rename, keeping its permissions; through symlinks to the file they lead to (the
// links stay); into a device or FIFO directly. A directory is refused. Returns an empty string on
// success, else what went wrong (a regular file is then untouched).
std::string write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace idlint
