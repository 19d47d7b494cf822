// Templates (ARM JSON and Bicep): paired with ARM parameter files, compared with their base versions.
#include "engine/drivers/template_driver.h"

#include <algorithm>

#include "engine/lint_deployments.h"
#include "engine/transition.h"
#include "load/file_reader.h"

namespace idlint {

namespace {

ParameterSet parameter_set(const ParameterFile& f) {
  ParameterSet set;
  set.label = parameter_file_label(f.file->path());
  set.tmpl = f.tmpl.get();
  for (const ParameterFileEntry& e : f.entries) {
    set.args.push_back(Frame::Argument{e.name, e.value, e.unknown_reason, e.value ? e.value->span : e.span});
  }
  return set;
}

}  // namespace

// The ARM parameter files a template is linted with: those named with --parameters, else the
// files paired with it by name.
Pairing TemplateDriver::pair(const Template& own, const RuleSelection& /*rules*/, const LintOptions& options,
                             ModuleLoader& /*modules*/, FileResult& result) const {
  Pairing pairing;
  pairing.tmpl = &own;
  std::vector<std::string> paths = options.parameter_files;
  if (paths.empty() && options.pair_parameter_files) paths = paired_parameter_files(result.path);
  for (const std::string& p : paths) {
    FileRead read = read_input_file(p);
    if (!read.ok()) {
      result.notes.push_back("parameter file " + p + ": " + read.error);
      continue;
    }
    std::optional<ParameterFile> loaded =
        load_arm_parameter_file(std::make_shared<const SourceFile>(p, std::move(read.text)));
    if (!loaded) {
      result.notes.push_back("parameter file " + p + ": not an ARM parameter file (no deploymentParameters $schema)");
      continue;
    }
    if (loaded->syntax_error) {
      result.status = FileResult::Status::SyntaxError;
      result.findings.push_back(resolve(syntax_finding(loaded->file, *loaded->syntax_error)));
      continue;
    }
    pairing.parameter_files.push_back(std::move(*loaded));
  }
  for (const ParameterFile& f : pairing.parameter_files) pairing.sets.push_back(parameter_set(f));
  return pairing;
}

// Reported like the other findings; the base's own findings are not.
std::optional<std::vector<Finding>> TemplateDriver::compare_with_base(const Template& own, const Pairing& pairing,
                                                                      const RuleSelection& rules,
                                                                      const LintOptions& options, ModuleLoader& modules,
                                                                      FileResult& result) const {
  if (!options.base || !has_transition_rules(rules)) return std::nullopt;
  // Only flexible servers have transition rules: a file without one needs no base (and no git).
  const Deployment head_alone(root_frame(own, nullptr), &modules);
  if (!has_transition_resources(head_alone)) return std::nullopt;
  BaseText b = options.base->read(result.path);
  if (b.status == BaseText::Status::Absent) return std::nullopt;  // a new file
  const std::string& label = options.base->label();
  if (b.status == BaseText::Status::Error) {
    result.base_error = "cannot read its version at " + label + ": " + b.error;
    return std::nullopt;
  }
  std::unique_ptr<Template> base = load_base_version(b, options, result);
  if (!base) return std::nullopt;
  std::vector<Finding> found;
  {
    const Deployment base_d(root_frame(*base, nullptr), &modules);
    found = check_transitions(head_alone, base_d, label, rules);
  }
  for (const ParameterSet& set : pairing.sets) {
    BaseText pb = options.base->read_related(set.tmpl->file->path());
    if (pb.status != BaseText::Status::Found) continue;  // the parameter file is new: no base run
    std::optional<ParameterFile> pf =
        load_arm_parameter_file(std::make_shared<const SourceFile>(pb.path, std::move(pb.text)));
    if (!pf || pf->syntax_error) continue;
    const ParameterSet base_set = parameter_set(*pf);
    const Deployment head_d(root_frame(own, &set), &modules);
    const Deployment base_d(root_frame(*base, &base_set), &modules);
    for (Finding& f : check_transitions(head_d, base_d, label, rules)) {
      const bool known = std::any_of(found.begin(), found.end(), [&](const Finding& e) {
        return e.rule == f.rule && same_span(e.primary, f.primary);
      });
      if (known) continue;
      f.message += " (with " + set.label + ")";
      found.push_back(std::move(f));
    }
  }
  return found;
}

}  // namespace idlint
