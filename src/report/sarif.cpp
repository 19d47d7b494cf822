// The SARIF 2.1.0 reporter, shaped for GitHub code scanning and SARIF viewers.
#include <map>
#include <nlohmann/json.hpp>

#include "report/baseline.h"
#include "report/fingerprint.h"
#include "report/report.h"

namespace idlint {
namespace {

using json = nlohmann::ordered_json;

json rule_json(const RuleInfo& rule) {
  json r;
  r["id"] = rule.id;
  r["name"] = rule.sarif_name;
  r["shortDescription"] = {{"text", rule.summary}};
  r["fullDescription"] = {{"text", rule_description(rule)}};
  r["help"] = {{"text", plain_text(rule.doc)}, {"markdown", rule.doc}};
  r["helpUri"] = rule_help_uri(rule);
  r["defaultConfiguration"] = {{"level", level_name(rule.level)}};
  json tags = json::array({"azure", "arm"});
  const std::string_view id = rule.id;
  if (id == "IDL900")
    tags.push_back("syntax");
  else if (id >= std::string_view("IDL900"))
    tags.push_back("idlint");  // about idlint's own analysis (undetermined values, suppressions)
  else if ((id >= std::string_view("IDL010") && id < std::string_view("IDL020")) || id == "IDL022" || id == "IDL023")
    tags.push_back("customer-managed-key");
  else
    tags.push_back("managed-identity");
  if (rule.transition) tags.push_back("transition");  // needs a base version (--base, --base-file)
  r["properties"] = {{"tags", tags}, {"kebabName", rule.name}};
  return r;
}

class Artifacts {
 public:
  explicit Artifacts(std::string base) : base_(std::move(base)) {}
  json artifact(const std::string& path) const {
    bool inside = false;
    json a = {{"uri", artifact_uri(path, base_, inside)}};
    if (inside) a["uriBaseId"] = "%SRCROOT%";
    return a;
  }
  json location(const ResolvedLocation& l) const {
    const SarifRegion r = sarif_region(l.range);
    json region = {{"startLine", r.start_line},
                   {"startColumn", r.start_column},
                   {"endLine", r.end_line},
                   {"endColumn", r.end_column}};
    return {{"physicalLocation", {{"artifactLocation", artifact(l.path)}, {"region", region}}}};
  }

 private:
  std::string base_;
};

// A baseline result this run no longer produces, reported again as SARIF defines: its rule,
// level, message, locations and fingerprints as the baseline has them, state "absent".
json absent_result(const BaselineResult& b, const std::map<std::string_view, size_t>& rule_index) {
  json res;
  res["ruleId"] = b.rule_id;
  if (const auto it = rule_index.find(b.rule_id); it != rule_index.end()) res["ruleIndex"] = it->second;
  res["level"] = b.level;
  res["message"] = {{"text", b.message}};
  const json as_read = json::parse(b.sarif);
  for (const char* key : {"locations", "relatedLocations", "partialFingerprints"}) {
    if (const auto it = as_read.find(key); it != as_read.end()) res[key] = *it;
  }
  res["baselineState"] = "absent";
  return res;
}

}  // namespace

void write_sarif(std::ostream& out, const std::vector<FileResult>& results, const SarifOptions& options) {
  const auto& rules = all_rules();
  std::map<std::string_view, size_t> rule_index;
  json rules_json = json::array();
  for (size_t i = 0; i < rules.size(); ++i) {
    rule_index[rules[i]->id] = i;
    rules_json.push_back(rule_json(*rules[i]));
  }
  const Artifacts artifacts(options.base_directory);

  json results_json = json::array();
  json notifications = json::array();
  Fingerprinter fingerprints(options.base_directory);
  for (const FileResult& r : results) {
    if (r.status == FileResult::Status::ReadError) {
      const json artifact = artifacts.artifact(r.path);
      notifications.push_back({{"level", "error"},
                               {"message", {{"text", "cannot read " + r.path + ": " + r.error + "."}}},
                               {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifact}}}}})}});
    }
    if (r.status == FileResult::Status::Skipped && !r.compiled_from.empty()) {
      const json artifact = artifacts.artifact(r.path);
      notifications.push_back({{"level", "note"},
                               {"message", {{"text", "compiled template skipped: linted as " + r.compiled_from + "."}}},
                               {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifact}}}}})}});
    }
    for (const ResolvedFinding& f : r.findings) {
      json res;
      res["ruleId"] = f.rule->id;
      res["ruleIndex"] = rule_index[f.rule->id];
      res["level"] = level_name(f.level);
      res["message"] = {{"text", sarif_result_text(f)}};
      res["locations"] = json::array({artifacts.location(f.primary)});
      if (!f.related.empty()) {
        json related = json::array();
        int id = 1;
        for (const ResolvedLocation& l : f.related) {
          json rl = artifacts.location(l);
          rl["id"] = id++;
          rl["message"] = {{"text", sarif_message(l.message)}};
          related.push_back(std::move(rl));
        }
        res["relatedLocations"] = std::move(related);
      }
      if (f.suppression) {
        // Kept, and marked: code scanning shows it as dismissed, with the reason written in the source.
        json suppression = {{"kind", "inSource"}};
        if (!f.suppression->justification.empty()) suppression["justification"] = f.suppression->justification;
        suppression["location"] = artifacts.location(f.suppression->location);
        res["suppressions"] = json::array({std::move(suppression)});
      }
      res["partialFingerprints"] = {{kFingerprintKey, fingerprints.next(f)}};
      if (f.baseline != ResolvedFinding::BaselineState::None) res["baselineState"] = baseline_state_name(f.baseline);
      results_json.push_back(std::move(res));
    }
  }
  if (options.baseline) {
    for (const BaselineResult& b : options.baseline->absent) results_json.push_back(absent_result(b, rule_index));
  }

  json driver;
  driver["name"] = "idlint";
  driver["version"] = IDLINT_VERSION;
  driver["semanticVersion"] = IDLINT_VERSION;
  driver["informationUri"] = IDLINT_HOMEPAGE;
  driver["rules"] = std::move(rules_json);

  json run;
  run["tool"] = {{"driver", std::move(driver)}};
  bool from_root = false;
  std::string root_relative = relative_uri(options.base_directory, "/", from_root);
  if (root_relative == ".") root_relative.clear();
  std::string base_uri = "file:///" + root_relative;
  if (base_uri.back() != '/') base_uri += '/';
  run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", base_uri}}}};
  json invocation = {{"executionSuccessful", notifications.empty()}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  run["invocations"] = json::array({std::move(invocation)});
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results_json);

  json doc;
  doc["$schema"] = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = json::array({std::move(run)});
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace idlint
