// ARM JSON templates: any file no other driver recognises. A file met in a folder walk is linted
// only when it is a deployment template, and not when the Bicep file it was compiled from is beside it.
#include <filesystem>

#include "engine/drivers/template_driver.h"
#include "load/arm_template.h"

namespace idlint {

namespace {

// The .bicep file a template was compiled from, when it is beside it: `bicep build` writes X.json
// next to X.bicep (Azure Verified Modules keep main.json next to main.bicep) and marks it with
// metadata._generator.name 'bicep'. Empty when the template is not one, or its source is elsewhere.
std::string bicep_source_beside(const std::string& path, const Template& t) {
  const Value* metadata = t.root && t.root->is_object() ? t.root->find("metadata") : nullptr;
  const Value* generator = metadata && metadata->is_object() ? metadata->find("_generator") : nullptr;
  const Value* name = generator && generator->is_object() ? generator->find("name") : nullptr;
  if (!name || !equals_ignore_case(name->string_or_empty(), "bicep")) return {};
  std::filesystem::path source(path);
  source.replace_extension(".bicep");
  std::error_code ec;
  return std::filesystem::is_regular_file(source, ec) ? source.string() : std::string();
}

class ArmJsonDriver final : public TemplateDriver {
 public:
  bool recognises(std::string_view /*path*/) const override { return true; }

  // A parameter file met in a folder walk is linted with its template, not on its own.
  std::string skip_in_walk(std::string_view text) const override {
    if (!may_be_deployment_template(text) || is_arm_parameter_file_text(text)) return "not an ARM deployment template";
    return {};
  }

  // A syntax error ends the file: JSON has no place to resume from.
  std::unique_ptr<Template> load(const std::shared_ptr<const SourceFile>& file, bool explicitly_named,
                                 FileResult& result) const override {
    ArmLoadResult loaded = load_arm_template(file);
    if (loaded.syntax_error) {
      result.status = FileResult::Status::SyntaxError;
      result.findings.push_back(resolve(syntax_finding(file, *loaded.syntax_error)));
      return nullptr;
    }
    if (!loaded.is_template) {
      result.status = FileResult::Status::Skipped;
      result.parameter_file = is_arm_parameter_file_text(file->text());
      result.error = result.parameter_file ? "an ARM parameter file: it is linted with its template (X.json beside "
                                             "X.parameters.json, or --parameters)"
                                           : "not an ARM deployment template (no deploymentTemplate $schema)";
      return nullptr;
    }
    if (!explicitly_named) {
      // Linting both X.json and the X.bicep it was built from reports every finding twice.
      std::string source = bicep_source_beside(result.path, *loaded.tmpl);
      if (!source.empty()) {
        result.status = FileResult::Status::Skipped;
        result.error = "compiled from " + source + ", which is linted";
        result.compiled_from = std::move(source);
        return nullptr;
      }
    }
    return std::move(loaded.tmpl);
  }

  // A template, or a deployed resource's JSON (az resource show) to compare with.
  LoadedBase load_base(const std::shared_ptr<const SourceFile>& file) const override {
    ArmLoadResult loaded = load_arm_template(file);
    return LoadedBase{std::move(loaded.tmpl), loaded.syntax_error, loaded.is_template};
  }
};

}  // namespace

const InputDriver& arm_json_driver() {
  static const ArmJsonDriver driver;
  return driver;
}

}  // namespace idlint
