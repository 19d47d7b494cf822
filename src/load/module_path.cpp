#include "load/module_path.h"

#include <cstdlib>
#include <filesystem>

namespace idlint {

ModuleTarget resolve_module_path(const std::string& caller_path, std::string_view written, const std::string&) {
  ModuleTarget t;
  if (written.find(':') != std::string_view::npos) {
    t.registry = true;
    t.unknown_reason = "registry module '" + std::string(written) + "' is not in the local module cache";
    return t;
  }
  namespace fs = std::filesystem;
  const fs::path p = fs::path(caller_path).parent_path() / std::string(written);
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) {
    t.unknown_reason = "module file '" + std::string(written) + "' not found";
    return t;
  }
  t.path = p.lexically_normal().string();
  return t;
}

std::string default_module_cache_dir() {
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.bicep" : std::string();
}

}  // namespace idlint
