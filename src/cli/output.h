// Writing the report to a file without ever leaving it half written.
#pragma once
#include <functional>
#include <ostream>
#include <string>

namespace idlint {

// Writes through a temporary file in the same directory, then renames it over path.
// Returns an empty string on success, else what went wrong (the target is then untouched).
std::string write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace idlint
