// Where a module call's path leads: a local file, or a registry module in the local module cache.
#pragma once
#include <string>
#include <string_view>

namespace idlint {

struct ModuleTarget {
  std::string path;  // the resolved file; empty when there is none
  std::string unknown_reason;
  bool registry = false;
};

ModuleTarget resolve_module_path(const std::string& caller_path, std::string_view written, const std::string& cache_dir);
std::string default_module_cache_dir();

}  // namespace idlint
