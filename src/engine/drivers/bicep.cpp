// Bicep files (.bicep). A syntax error does not stop the file being linted: the parser resumed
// after it. A .bicep file pairs with ARM parameter files by name too (azd's main.bicep and
// main.parameters.json).
#include "engine/drivers/template_driver.h"
#include "load/bicep_template.h"

namespace idlint {

namespace {

class BicepDriver final : public TemplateDriver {
 public:
  bool recognises(std::string_view path) const override { return is_bicep_path(path); }

  std::unique_ptr<Template> load(const std::shared_ptr<const SourceFile>& file, bool /*explicitly_named*/,
                                 FileResult& result) const override {
    return load_bicep_file(file, false, result);
  }

  LoadedBase load_base(const std::shared_ptr<const SourceFile>& file) const override {
    return load_bicep_base(file, false);
  }
};

}  // namespace

std::unique_ptr<Template> load_bicep_file(const std::shared_ptr<const SourceFile>& file, bool params_file,
                                          FileResult& result) {
  BicepLoadResult loaded = load_bicep(file, params_file);
  for (const SyntaxError& e : loaded.syntax_errors) result.findings.push_back(resolve(syntax_finding(file, e)));
  if (!loaded.syntax_errors.empty()) result.status = FileResult::Status::SyntaxError;
  return std::move(loaded.tmpl);
}

LoadedBase load_bicep_base(const std::shared_ptr<const SourceFile>& file, bool params_file) {
  BicepLoadResult loaded = load_bicep(file, params_file);
  LoadedBase base{std::move(loaded.tmpl), std::nullopt, true};
  if (!loaded.syntax_errors.empty()) base.error = loaded.syntax_errors.front();
  return base;
}

const InputDriver& bicep_driver() {
  static const BicepDriver driver;
  return driver;
}

}  // namespace idlint
