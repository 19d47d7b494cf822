// CI annotation formats: GitHub Actions workflow commands and Azure Pipelines logging commands.
// Each finding becomes one line the runner turns into an annotation on the file and line, so a
// pull request shows the findings without code scanning (GitHub) or in the build summary (Azure).
#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <string_view>
#include <utility>

#include "report/report.h"

namespace idlint {
namespace {

namespace fs = std::filesystem;

using Escapes = std::initializer_list<std::pair<char, std::string_view>>;

// Each character of s that has an escape written as that escape (one pass: '%' is never escaped twice).
std::string escaped(std::string_view s, Escapes escapes) {
  std::string out;
  for (char c : s) {
    const auto* e = std::find_if(escapes.begin(), escapes.end(), [&](const auto& x) { return x.first == c; });
    if (e != escapes.end()) {
      out += e->second;
    } else {
      out += c;
    }
  }
  return out;
}

// GitHub's escaping (actions/toolkit, packages/core/src/command.ts): data escapes %, CR and LF; a
// property value also ':' and ','. A template's text can therefore not end the command early or
// start another one on a line of its own.
std::string github_data(std::string_view s) { return escaped(s, {{'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}}); }
std::string github_property(std::string_view s) {
  return escaped(s, {{'%', "%25"}, {'\r', "%0D"}, {'\n', "%0A"}, {':', "%3A"}, {',', "%2C"}});
}

// Azure Pipelines' escaping (microsoft/azure-pipelines-task-lib, node/taskcommand.ts): data escapes
// % (as %AZP25), CR and LF; a property value also ']' and ';'.
std::string azure_data(std::string_view s) { return escaped(s, {{'%', "%AZP25"}, {'\r', "%0D"}, {'\n', "%0A"}}); }
std::string azure_property(std::string_view s) {
  return escaped(s, {{'%', "%AZP25"}, {'\r', "%0D"}, {'\n', "%0A"}, {']', "%5D"}, {';', "%3B"}});
}

// Azure Pipelines wants absolute paths in logging commands.
std::string absolute_path(const std::string& path) {
  std::error_code ec;
  const fs::path abs = fs::absolute(path, ec).lexically_normal();
  return ec ? path : abs.generic_string();
}

// The message of an annotation: statement and remedy, the related places after them.
std::string annotation_text(const ResolvedFinding& f, const std::string& base) {
  std::string text = sarif_text(f);
  for (const ResolvedLocation& l : f.related) {
    text += "\n" + repository_path(l.path, base) + ":" + std::to_string(l.range.start.line) + ":" +
            std::to_string(l.range.start.column) + ": " + l.message;
  }
  return text;
}

}  // namespace

void write_github(std::ostream& out, const std::vector<FileResult>& results, const AnnotationOptions& options) {
  for (const FileResult& r : results) {
    if (r.status == FileResult::Status::ReadError) {
      out << "::error file=" << github_property(repository_path(r.path, options.base_directory))
          << ",title=idlint::" << github_data("cannot read: " + r.error) << '\n';
    }
    for (const ResolvedFinding& f : r.findings) {
      if (!options.scope.counts(f)) continue;
      const char* command = f.level == Level::Error ? "error" : f.level == Level::Warning ? "warning" : "notice";
      const LineColumnRange& range = f.primary.range;
      out << "::" << command << " file=" << github_property(repository_path(f.primary.path, options.base_directory))
          << ",line=" << range.start.line << ",col=" << range.start.column << ",endLine=" << range.last.line
          << ",endColumn=" << range.last.column << ",title="
          << github_property(std::string(f.rule->id) + " " + std::string(f.rule->name))
          << "::" << github_data(annotation_text(f, options.base_directory)) << '\n';
    }
  }
}

void write_azure(std::ostream& out, const std::vector<FileResult>& results, const AnnotationOptions& options) {
  for (const FileResult& r : results) {
    if (r.status == FileResult::Status::ReadError) {
      out << "##vso[task.logissue type=error;sourcepath=" << azure_property(absolute_path(r.path)) << ";]"
          << azure_data("cannot read: " + r.error) << '\n';
    }
    for (const ResolvedFinding& f : r.findings) {
      if (!options.scope.counts(f)) continue;
      // Azure Pipelines knows errors and warnings; a note is reported as a warning.
      const char* type = f.level == Level::Error ? "error" : "warning";
      out << "##vso[task.logissue type=" << type << ";sourcepath=" << azure_property(absolute_path(f.primary.path))
          << ";linenumber=" << f.primary.range.start.line << ";columnnumber=" << f.primary.range.start.column
          << ";code=" << azure_property(std::string(f.rule->id)) << ";]"
          << azure_data(std::string(f.rule->id) + " " + std::string(f.rule->name) + ": " +
                        annotation_text(f, options.base_directory))
          << '\n';
    }
  }
}

}  // namespace idlint
