// Reports for CI systems that read a file: GitLab Code Quality (JSON), JUnit XML and Checkstyle
// XML. Each lists the findings that count (in scope, not suppressed), with the statement and the
// remedy as the message, paths relative to the repository root.
#include <map>
#include <nlohmann/json.hpp>

#include "report/fingerprint.h"
#include "report/report.h"

namespace idlint {
namespace {

// Text in an XML attribute or element: the five entities, and characters XML 1.0 does not allow
// (C0 controls but tab and line breaks) written as printable escapes, so a template's text cannot
// make the report malformed.
std::string xml_escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += printable(std::string_view(&c, 1));
        } else {
          out += c;
        }
    }
  }
  return out;
}

template <class F>
void for_each_counted(const std::vector<FileResult>& results, const ReportScope& scope, F&& f) {
  for (const FileResult& r : results) {
    for (const ResolvedFinding& finding : r.findings) {
      if (scope.counts(finding)) f(r, finding);
    }
  }
}

}  // namespace

void write_gitlab(std::ostream& out, const std::vector<FileResult>& results, const AnnotationOptions& options) {
  // GitLab Code Quality: description, check_name, fingerprint, severity, location.path and
  // location.lines.begin are required; the fingerprint is idlint's own (stable across runs).
  Fingerprinter fingerprints(options.base_directory);
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (const FileResult& r : results) {
    for (const ResolvedFinding& f : r.findings) {
      const std::string fingerprint = fingerprints.next(f);  // every finding, in report order, as SARIF
      if (!options.scope.counts(f)) continue;
      nlohmann::ordered_json issue;
      issue["type"] = "issue";
      issue["description"] = sarif_text(f);
      issue["check_name"] = std::string(f.rule->id) + " " + std::string(f.rule->name);
      issue["categories"] = {"Bug Risk"};
      issue["severity"] = f.level == Level::Error ? "major" : f.level == Level::Warning ? "minor" : "info";
      issue["fingerprint"] = fingerprint;
      issue["location"] = {{"path", repository_path(f.primary.path, options.base_directory)},
                           {"positions",
                            {{"begin", {{"line", f.primary.range.start.line}, {"column", f.primary.range.start.column}}},
                             {"end", {{"line", f.primary.range.last.line}, {"column", f.primary.range.last.column}}}}}};
      issues.push_back(std::move(issue));
    }
  }
  out << issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void write_junit(std::ostream& out, const std::vector<FileResult>& results, const AnnotationOptions& options) {
  // One test case per file linted, failed by its findings (one <failure> each), so a CI test view
  // lists the files and what is wrong in each.
  size_t files = 0;
  size_t failed = 0;
  std::string body;
  for (const FileResult& r : results) {
    if (r.status == FileResult::Status::Skipped) continue;
    ++files;
    const std::string path = repository_path(r.path, options.base_directory);
    std::string failures;
    if (r.status == FileResult::Status::ReadError) {
      failures += "      <failure type=\"read-error\" message=\"" + xml_escaped("cannot read: " + r.error) + "\"/>\n";
    }
    for (const ResolvedFinding& f : r.findings) {
      if (!options.scope.counts(f)) continue;
      const std::string where = repository_path(f.primary.path, options.base_directory) + ":" +
                                std::to_string(f.primary.range.start.line) + ":" +
                                std::to_string(f.primary.range.start.column);
      failures += "      <failure type=\"" + std::string(f.rule->id) + "\" message=\"" + xml_escaped(sarif_text(f)) +
                  "\">" + xml_escaped(where + ": " + level_name(f.level) + ": " + sarif_text(f) + " [" +
                                      std::string(f.rule->id) + " " + std::string(f.rule->name) + "]") +
                  "</failure>\n";
    }
    if (!failures.empty()) ++failed;
    body += "    <testcase classname=\"idlint\" name=\"" + xml_escaped(path) + "\"" +
            (failures.empty() ? "/>\n" : ">\n" + failures + "    </testcase>\n");
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"idlint\" tests=\"" << files << "\" failures=\"" << failed << "\">\n"
      << "  <testsuite name=\"idlint\" tests=\"" << files << "\" failures=\"" << failed << "\">\n"
      << body << "  </testsuite>\n</testsuites>\n";
}

void write_checkstyle(std::ostream& out, const std::vector<FileResult>& results, const AnnotationOptions& options) {
  // Checkstyle's format, which many CI plugins and review bots read: findings grouped by file.
  std::map<std::string, std::string> by_file;
  for_each_counted(results, options.scope, [&](const FileResult&, const ResolvedFinding& f) {
    const char* severity = f.level == Level::Error ? "error" : f.level == Level::Warning ? "warning" : "info";
    by_file[repository_path(f.primary.path, options.base_directory)] +=
        "    <error line=\"" + std::to_string(f.primary.range.start.line) + "\" column=\"" +
        std::to_string(f.primary.range.start.column) + "\" severity=\"" + severity + "\" message=\"" +
        xml_escaped(sarif_text(f)) + "\" source=\"idlint." + std::string(f.rule->id) + "\"/>\n";
  });
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  for (const auto& [path, errors] : by_file) {
    out << "  <file name=\"" << xml_escaped(path) << "\">\n" << errors << "  </file>\n";
  }
  out << "</checkstyle>\n";
}

}  // namespace idlint
