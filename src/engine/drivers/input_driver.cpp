// Choosing a file's driver, and what the drivers share: base versions, syntax errors, labels.
#include "engine/drivers/input_driver.h"

#include "load/module_path.h"

namespace idlint {

const InputDriver& driver_for(std::string_view path) {
  // ARM JSON last: it takes any file the others do not recognise.
  for (const InputDriver* d : {&bicepparam_driver(), &bicep_driver()}) {
    if (d->recognises(path)) return *d;
  }
  return arm_json_driver();
}

std::unique_ptr<Template> load_base_version(BaseText& b, const LintOptions& options, FileResult& result,
                                            bool params_file) {
  const std::string& label = options.base->label();
  // --base-file names the base: a file that cannot be compared is an error. At a revision, the
  // file may simply have been broken then: a note.
  const bool named = options.base->is_named_file();
  const InputDriver& driver = driver_for(b.path);
  // A template's base is a template: parameter values alone are nothing to compare with.
  if (driver.is_parameter_file() != params_file) return nullptr;
  auto file = std::make_shared<const SourceFile>(b.path, std::move(b.text));
  LoadedBase loaded = driver.load_base(file);
  if (!loaded.error && !loaded.is_template) {
    if (named) {
      result.base_error = "cannot compare with " + b.path +
                          ": it is neither a template nor a deployed resource's JSON (one object with id, type "
                          "and properties, as az resource show prints it)";
    } else {
      result.notes.push_back("its version at " + label + " (" + b.path +
                             ") is not a template: transitions are not checked");
    }
    return nullptr;
  }
  if (loaded.error) {
    const auto at = file->range(loaded.error->span).start;
    const std::string where = b.path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    if (named) {
      result.base_error =
          "cannot compare with " + b.path + ": it does not parse (" + where + ": " + loaded.error->message + ")";
    } else {
      result.notes.push_back("its version at " + label + " (" + where +
                             ") does not parse: transitions are not checked");
    }
    return nullptr;
  }
  return std::move(loaded.tmpl);
}

Finding syntax_finding(const std::shared_ptr<const SourceFile>& file, const SyntaxError& e) {
  Finding f;
  f.rule = &syntax_error_rule();
  f.level = Level::Error;
  f.primary = Location{file, e.span, {}};
  f.message = e.message;
  f.logical = "syntax";
  return f;
}

std::string parameter_file_label(const std::string& path) {
  const size_t slash = path.rfind('/');
  return "parameter file '" + (slash == std::string::npos ? path : path.substr(slash + 1)) + "'";
}

std::string module_cache(const LintOptions& options) {
  return options.module_cache.empty() ? default_module_cache_dir() : options.module_cache;
}

}  // namespace idlint
