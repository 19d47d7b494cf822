// The SARIF 2.1.0 reporter, shaped for GitHub code scanning and SARIF viewers.
#include <map>
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace idlint {
namespace {

using json = nlohmann::ordered_json;

// 64-bit FNV-1a, twice with different offsets, for a 128-bit hex fingerprint.
std::string fingerprint(const std::string& material) {
  auto fnv = [&](uint64_t h) {
    for (unsigned char c : material) {
      h ^= c;
      h *= 1099511628211ull;
    }
    return h;
  };
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(fnv(14695981039346656037ull)),
                static_cast<unsigned long long>(fnv(0x84222325cbf29ce4ull)));
  return buf;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::string with_period(std::string s) {
  if (!s.empty() && s.back() != '.') s += '.';
  return s;
}

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
  if (rule.id == "IDL900")
    tags.push_back("syntax");
  else if (rule.id == "IDL902")
    tags.push_back("suppression");
  else if (rule.id >= std::string_view("IDL010"))
    tags.push_back("customer-managed-key");
  else
    tags.push_back("managed-identity");
  r["properties"] = {{"tags", tags}, {"kebabName", rule.name}};
  return r;
}

class Artifacts {
 public:
  explicit Artifacts(std::string base) : base_(std::move(base)) {}
  json location(const ResolvedLocation& l) const {
    bool inside = false;
    const std::string uri = relative_uri(l.path, base_, inside);
    json artifact;
    if (inside) {
      artifact = {{"uri", uri}, {"uriBaseId", "%SRCROOT%"}};
    } else {
      artifact = {{"uri", "file://" + uri}};
    }
    json region = {{"startLine", l.range.start.line},
                   {"startColumn", l.range.start.column},
                   {"endLine", l.range.last.line},
                   {"endColumn", l.range.last.column + 1}};  // SARIF end columns are exclusive
    return {{"physicalLocation", {{"artifactLocation", artifact}, {"region", region}}}};
  }
  std::string uri(const std::string& path) const {
    bool inside = false;
    return relative_uri(path, base_, inside);
  }

 private:
  std::string base_;
};

}  // namespace

void write_sarif(std::ostream& out, const std::vector<FileResult>& results, const SarifOptions& options) {
  const auto& rules = all_rules();
  std::map<const RuleInfo*, size_t> rule_index;
  json rules_json = json::array();
  for (size_t i = 0; i < rules.size(); ++i) {
    rule_index[rules[i]] = i;
    rules_json.push_back(rule_json(*rules[i]));
  }
  const Artifacts artifacts(options.base_directory);

  json results_json = json::array();
  json notifications = json::array();
  std::map<std::string, int> occurrences;
  for (const FileResult& r : results) {
    if (r.status == FileResult::Status::ReadError) {
      bool inside = false;
      const std::string uri = relative_uri(r.path, options.base_directory, inside);
      json artifact = inside ? json{{"uri", uri}, {"uriBaseId", "%SRCROOT%"}} : json{{"uri", "file://" + uri}};
      notifications.push_back({{"level", "error"},
                               {"message", {{"text", "cannot read " + r.path + ": " + r.error + "."}}},
                               {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifact}}}}})}});
    }
    for (const ResolvedFinding& f : r.findings) {
      json res;
      res["ruleId"] = f.rule->id;
      res["ruleIndex"] = rule_index[f.rule];
      res["level"] = level_name(f.level);
      res["message"] = {{"text", with_period(f.message)}};
      res["locations"] = json::array({artifacts.location(f.primary)});
      if (!f.related.empty()) {
        json related = json::array();
        int id = 1;
        for (const ResolvedLocation& l : f.related) {
          json rl = artifacts.location(l);
          rl["id"] = id++;
          rl["message"] = {{"text", with_period(l.message)}};
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
      // Stable when unrelated lines move the finding: rule, file, resource and property, the line's text.
      const std::string material = std::string(f.rule->id) + "\n" + artifacts.uri(f.primary.path) + "\n" + f.logical +
                                   "\n" + trimmed(f.primary.line_text);
      const int occurrence = ++occurrences[material];
      res["partialFingerprints"] = {{"idlintFingerprint/v1", fingerprint(material) + ":" + std::to_string(occurrence)}};
      results_json.push_back(std::move(res));
    }
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
