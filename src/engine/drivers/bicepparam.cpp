// .bicepparam files: parameter values for the template their `using` names. That template is
// linted with these values, and only what they add to its own findings is reported here.
#include <filesystem>

#include "engine/drivers/input_driver.h"
#include "engine/lint_deployments.h"
#include "engine/transition.h"
#include "load/bicep_template.h"
#include "load/module_path.h"

namespace idlint {

namespace {

// The parameters a .bicepparam file assigns, as arguments for its template.
ParameterSet bicepparam_set(const Template& params) {
  ParameterSet set;
  set.label = parameter_file_label(params.file->path());
  set.tmpl = &params;
  for (const Parameter& p : params.parameters) {
    if (!p.default_value) continue;
    set.args.push_back(Frame::Argument{p.name, p.default_value, {}, p.default_value->span});
  }
  return set;
}

class BicepParamDriver final : public InputDriver {
 public:
  bool recognises(std::string_view path) const override { return is_bicepparam_path(path); }
  bool is_parameter_file() const override { return true; }

  std::unique_ptr<Template> load(const std::shared_ptr<const SourceFile>& file, bool /*explicitly_named*/,
                                 FileResult& result) const override {
    return load_bicep_file(file, true, result);
  }

  // The `using` template with these values. Incomplete when the template could not be read, so
  // the values were not checked.
  Pairing pair(const Template& own, const RuleSelection& rules, const LintOptions& /*options*/, ModuleLoader& modules,
               FileResult& /*result*/) const override {
    Pairing pairing;
    pairing.report_defaults = false;
    if (own.using_none || own.using_path.empty()) return pairing;
    ModuleLoader::Entry& target = modules.load(own.file->path(), own.using_path);
    if (!target.tmpl) {
      pairing.complete = false;
      const RuleInfo* explain = find_rule("IDL901");
      if (explain && rules.enabled(*explain)) {
        Finding f;
        f.rule = explain;
        f.level = explain->level;
        f.primary = Location{own.file, own.using_span, {}};
        f.message = "the values are not checked: " + target.error;
        f.logical = "file";
        pairing.notes.push_back(std::move(f));
      }
      return pairing;
    }
    pairing.tmpl = target.tmpl.get();
    pairing.sets.push_back(bicepparam_set(own));
    return pairing;
  }

  // Its template deployed with its values, compared with the template its base version used
  // deployed with the base values (with --base REV: both files at REV; with --base-file OLD: OLD is
  // the base .bicepparam, or a template or deployed resource's JSON compared as it is).
  std::optional<std::vector<Finding>> compare_with_base(const Template& /*own*/, const Pairing& pairing,
                                                        const RuleSelection& rules, const LintOptions& options,
                                                        ModuleLoader& modules, FileResult& result) const override {
    if (!pairing.tmpl || !options.base || !has_transition_rules(rules)) return std::nullopt;
    const ParameterSet& head_set = pairing.sets.front();
    const Deployment head_d(root_frame(*pairing.tmpl, &head_set), &modules);
    if (!has_transition_resources(head_d)) return std::nullopt;
    const std::string& label = options.base->label();
    auto unreadable = [&](const BaseText& b) {
      if (b.status == BaseText::Status::Error)
        result.base_error = "cannot read its version at " + label + ": " + b.error;
      return std::nullopt;
    };
    BaseText b = options.base->read(result.path);
    if (b.status != BaseText::Status::Found) return unreadable(b);  // absent: a new file
    const bool compare_files = options.base->is_named_file();
    std::unique_ptr<Template> base_params;
    std::unique_ptr<Template> base;
    if (is_bicepparam_path(b.path)) {
      const std::string base_params_path = b.path;
      base_params = load_base_version(b, options, result, true);
      if (!base_params || base_params->using_none || base_params->using_path.empty()) return std::nullopt;
      // The template it named then: with --base-file beside OLD, else beside the linted file, at REV.
      ModuleTarget target = resolve_module_path(compare_files ? base_params_path : result.path, base_params->using_path,
                                                module_cache(options));
      if (target.path.empty() && !target.registry && !compare_files) {
        // A template renamed or removed since REV: read where the base .bicepparam pointed.
        target.path = (std::filesystem::path(result.path).parent_path() / std::string(base_params->using_path))
                          .lexically_normal()
                          .string();
      }
      if (target.path.empty()) return std::nullopt;
      BaseText t = target.registry || compare_files ? FileBase(target.path).read(target.path)
                                                    : options.base->read_related(target.path);
      if (t.status != BaseText::Status::Found) return unreadable(t);  // absent: the template is new
      base = load_base_version(t, options, result);
    } else {
      base = load_base_version(b, options, result);
    }
    if (!base) return std::nullopt;
    std::optional<ParameterSet> base_set;
    if (base_params) base_set = bicepparam_set(*base_params);
    const Deployment base_d(root_frame(*base, base_set ? &*base_set : nullptr), &modules);
    std::vector<Finding> found = check_transitions(head_d, base_d, label, rules);
    for (Finding& f : found) f.message += " (with " + head_set.label + ")";
    return found;
  }

  LoadedBase load_base(const std::shared_ptr<const SourceFile>& file) const override {
    return load_bicep_base(file, true);
  }
};

}  // namespace

const InputDriver& bicepparam_driver() {
  static const BicepParamDriver driver;
  return driver;
}

}  // namespace idlint
