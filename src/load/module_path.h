// Where a Bicep `module` declaration's path leads: a local file next to the caller, or a registry module
// or template spec as the Bicep CLI restored it into its local module cache. Never reaches the network.
#pragma once
#include <string>
#include <string_view>

namespace idlint {

struct ModuleTarget {
  std::string path;            // the resolved file; empty when there is none
  std::string unknown_reason;  // why there is none
  bool registry = false;       // a registry module or template spec (br:, br/alias:, ts:, ts/alias:), found or not
};

// caller_path: the .bicep file declaring the module; written: the path as written in `module m '<written>'`.
// Local paths resolve against the caller's directory and must exist. 'br:<registry>/<repository>:<tag>'
// (or '@sha256:…'), 'br/<alias>:…' ('public' is mcr.microsoft.com/bicep; other aliases come from the
// nearest bicepconfig.json above the caller), 'ts:<subscription>/<group>/<name>:<version>' and
// 'ts/<alias>:<name>:<version>' are looked up in the module cache under cache_dir (the Bicep CLI's
// layout: br/<registry>/<repository>/<tag>/main.json, ts/<subscription>/<group>/<name>/<version>/main.json);
// an empty cache_dir means default_module_cache_dir().
ModuleTarget resolve_module_path(const std::string& caller_path, std::string_view written,
                                 const std::string& cache_dir);

// $HOME/.bicep, where the Bicep CLI restores modules; empty when HOME is not set.
std::string default_module_cache_dir();

}  // namespace idlint
