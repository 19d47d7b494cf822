// What ARM JSON templates and Bicep files share: they are paired with ARM parameter files (by name,
// or --parameters) and compared with their base versions with the same parameter files.
#pragma once
#include "engine/drivers/input_driver.h"

namespace idlint {

class TemplateDriver : public InputDriver {
 public:
  // The file itself, on its own defaults and with each ARM parameter file.
  Pairing pair(const Template& own, const RuleSelection& rules, const LintOptions& options, ModuleLoader& modules,
               FileResult& result) const override;
  // On its defaults and with each parameter file (the base with the same parameter file at its
  // base version).
  std::optional<std::vector<Finding>> compare_with_base(const Template& own, const Pairing& pairing,
                                                        const RuleSelection& rules, const LintOptions& options,
                                                        ModuleLoader& modules, FileResult& result) const override;
};

}  // namespace idlint
