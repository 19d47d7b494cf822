// Reading a SARIF baseline and matching this run's findings against its results.
#include "report/baseline.h"

#include <cctype>
#include <filesystem>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "load/file_reader.h"
#include "report/fingerprint.h"

namespace idlint {
namespace {

using json = nlohmann::ordered_json;
using State = ResolvedFinding::BaselineState;

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

const std::string* string_member(const json& object, const char* key) {
  const json* m = member(object, key);
  return m && m->is_string() ? &m->get_ref<const std::string&>() : nullptr;
}

// A line or column number of a region; 0 when it is missing or not a number SARIF allows.
uint32_t number_member(const json& object, const char* key) {
  const json* m = member(object, key);
  if (!m || !m->is_number_integer()) return 0;
  const auto n = m->get<int64_t>();
  return n < 1 || n > std::numeric_limits<uint32_t>::max() ? 0 : static_cast<uint32_t>(n);
}

// The rule a result names, in its run's tool.driver.rules (by ruleIndex, else by id).
const json* rule_of(const json& run, const json& result, const std::string& rule_id) {
  const json* driver = member(run, "tool") ? member(*member(run, "tool"), "driver") : nullptr;
  const json* rules = driver ? member(*driver, "rules") : nullptr;
  if (!rules || !rules->is_array()) return nullptr;
  if (const json* index = member(result, "ruleIndex"); index && index->is_number_integer()) {
    const auto i = index->get<int64_t>();
    if (i >= 0 && static_cast<size_t>(i) < rules->size()) return &(*rules)[static_cast<size_t>(i)];
  }
  for (const json& rule : *rules) {
    const std::string* id = string_member(rule, "id");
    if (id && *id == rule_id) return &rule;
  }
  return nullptr;
}

bool is_sarif_level(const std::string& level) {
  return level == "error" || level == "warning" || level == "note" || level == "none";
}

// Reads one result; returns an error text, or empty.
std::string read_result(const json& run, const json& result, BaselineResult& out) {
  if (!result.is_object()) return "not an object";
  const json* rule = nullptr;
  if (const std::string* id = string_member(result, "ruleId")) {
    out.rule_id = *id;
    rule = rule_of(run, result, out.rule_id);
  } else {
    rule = rule_of(run, result, "");
    const std::string* indexed_id = rule ? string_member(*rule, "id") : nullptr;
    if (!indexed_id) return "no ruleId";
    out.rule_id = *indexed_id;
  }
  const json* message = member(result, "message");
  const std::string* text = message ? string_member(*message, "text") : nullptr;
  if (!text) return "no message.text";
  out.message = *text;
  if (const json* level = member(result, "level")) {
    if (!level->is_string() || !is_sarif_level(level->get<std::string>())) return "level is not a SARIF level";
    out.level = level->get<std::string>();
  } else {
    // SARIF 3.27.10: the rule's default configuration, else "warning".
    const json* config = rule ? member(*rule, "defaultConfiguration") : nullptr;
    const std::string* rule_level = config ? string_member(*config, "level") : nullptr;
    out.level = rule_level && is_sarif_level(*rule_level) ? *rule_level : "warning";
  }
  const json* locations = member(result, "locations");
  const json* physical =
      locations && locations->is_array() && !locations->empty() ? member((*locations)[0], "physicalLocation") : nullptr;
  const json* artifact = physical ? member(*physical, "artifactLocation") : nullptr;
  const std::string* uri = artifact ? string_member(*artifact, "uri") : nullptr;
  if (!uri) return "no locations[0].physicalLocation.artifactLocation.uri";
  out.uri = *uri;
  if (const std::string* base = string_member(*artifact, "uriBaseId")) out.uri_base_id = *base;
  if (const json* region = member(*physical, "region")) {
    out.region = {number_member(*region, "startLine"), number_member(*region, "startColumn"),
                  number_member(*region, "endLine"), number_member(*region, "endColumn")};
  }
  if (const json* fingerprints = member(result, "partialFingerprints")) {
    if (const std::string* fp = string_member(*fingerprints, kFingerprintKey)) out.fingerprint = *fp;
  }
  out.sarif = result.dump();
  return {};
}

std::string percent_decoded(std::string_view uri) {
  std::string out;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(uri.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

// Whether the file a baseline result is in is known to be gone (so its findings are fixed).
bool file_is_gone(const BaselineResult& b, const std::string& base) {
  const std::string path =
      b.uri.rfind("file://", 0) == 0 ? percent_decoded(b.uri.substr(7)) : base + "/" + percent_decoded(b.uri);
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  return !exists && !ec;
}

// A match is updated when the tool would now say something different about it. The region may
// move by whole lines: fingerprints do not depend on line numbers, and neither does this.
State matched_state(const ResolvedFinding& f, const BaselineResult& b) {
  const SarifRegion now = sarif_region(f.primary.range);
  const SarifRegion& was = b.region;
  const bool same_region = now.start_column == was.start_column && now.end_column == was.end_column &&
                           int64_t{now.end_line} - now.start_line == int64_t{was.end_line} - was.start_line;
  const bool same = same_region && b.message == sarif_result_text(f) && b.level == level_name(f.level);
  return same ? State::Unchanged : State::Updated;
}

std::string position_key(std::string_view rule_id, std::string_view uri, uint32_t line, std::string_view message) {
  std::string key;
  key.append(rule_id).append("\n").append(uri).append("\n").append(std::to_string(line)).append("\n").append(message);
  return key;
}

// Baseline results under one key, matched in order.
struct Candidates {
  std::vector<size_t> indexes;
  size_t next = 0;
};

}  // namespace

std::optional<Baseline> parse_baseline(std::string_view text, std::string& error) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    if (const size_t at = what.find("] "); what.rfind("[json.exception", 0) == 0 && at != std::string::npos)
      what.erase(0, at + 2);
    error = "not valid JSON: " + what;
    return std::nullopt;
  }
  const std::string* version = string_member(doc, "version");
  const json* runs = member(doc, "runs");
  if (!version || *version != "2.1.0" || !runs || !runs->is_array()) {
    error = version && *version != "2.1.0" ? "not a SARIF 2.1.0 log (its version is '" + *version + "')"
                                           : "not a SARIF 2.1.0 log";
    return std::nullopt;
  }
  Baseline baseline;
  std::vector<std::string> other_tools;
  size_t idlint_runs = 0;
  for (size_t r = 0; r < runs->size(); ++r) {
    const json& run = (*runs)[r];
    const json* tool = member(run, "tool");
    const json* driver = tool ? member(*tool, "driver") : nullptr;
    const std::string* name = driver ? string_member(*driver, "name") : nullptr;
    if (!name || *name != "idlint") {
      other_tools.push_back(name ? "'" + *name + "'" : "an unnamed tool");
      continue;
    }
    ++idlint_runs;
    const json* results = member(run, "results");
    if (!results || results->is_null()) continue;
    if (!results->is_array()) {
      error = "runs[" + std::to_string(r) + "].results is not an array";
      return std::nullopt;
    }
    for (size_t i = 0; i < results->size(); ++i) {
      const json& result = (*results)[i];
      const std::string* state = string_member(result, "baselineState");
      if (state && *state == "absent") continue;
      BaselineResult b;
      if (std::string problem = read_result(run, result, b); !problem.empty()) {
        error = "runs[" + std::to_string(r) + "].results[" + std::to_string(i) + "]: " + problem;
        return std::nullopt;
      }
      baseline.results.push_back(std::move(b));
    }
  }
  if (idlint_runs == 0) {
    std::string tools;
    for (const std::string& t : other_tools) tools += (tools.empty() ? "" : ", ") + t;
    error = "no run written by idlint" + (tools.empty() ? std::string() : " (runs from " + tools + ")");
    return std::nullopt;
  }
  return baseline;
}

std::optional<Baseline> read_baseline(const std::string& path, std::string& error) {
  const FileRead read = read_input_file(path);
  if (!read.ok()) {
    error = "cannot read baseline " + path + ": " + read.error;
    return std::nullopt;
  }
  std::optional<Baseline> baseline = parse_baseline(read.text, error);
  if (!baseline) error = "baseline " + path + ": " + error;
  return baseline;
}

BaselineComparison compare_with_baseline(std::vector<FileResult>& results, const Baseline& baseline,
                                         const std::string& base_directory) {
  std::map<std::pair<std::string, std::string>, Candidates> by_fingerprint;
  std::map<std::string, Candidates> by_position;  // results without our fingerprint (hand-made or converted logs)
  for (size_t i = 0; i < baseline.results.size(); ++i) {
    const BaselineResult& b = baseline.results[i];
    if (!b.fingerprint.empty())
      by_fingerprint[{b.rule_id, b.fingerprint}].indexes.push_back(i);
    else
      by_position[position_key(b.rule_id, b.uri, b.region.start_line, b.message)].indexes.push_back(i);
  }
  std::vector<bool> matched(baseline.results.size(), false);
  auto take = [&](Candidates& c, ResolvedFinding& f) {
    if (c.next == c.indexes.size()) return false;
    const size_t i = c.indexes[c.next++];
    matched[i] = true;
    f.baseline = matched_state(f, baseline.results[i]);
    return true;
  };

  // Every finding is fingerprinted in report order, as the SARIF writer does.
  Fingerprinter fingerprints(base_directory);
  std::set<std::string> linted_uris;
  std::vector<ResolvedFinding*> unmatched;
  for (FileResult& r : results) {
    bool inside = false;
    if (r.status == FileResult::Status::Linted || r.status == FileResult::Status::SyntaxError) {
      linted_uris.insert(artifact_uri(r.path, base_directory, inside));
    }
    for (ResolvedFinding& f : r.findings) {
      linted_uris.insert(artifact_uri(f.primary.path, base_directory, inside));
      const auto it = by_fingerprint.find({std::string(f.rule->id), fingerprints.next(f)});
      if (it == by_fingerprint.end() || !take(it->second, f)) unmatched.push_back(&f);
    }
  }
  for (ResolvedFinding* f : unmatched) {
    bool inside = false;
    const auto it = by_position.find(position_key(f->rule->id, artifact_uri(f->primary.path, base_directory, inside),
                                                  f->primary.range.start.line, sarif_result_text(*f)));
    if (it == by_position.end() || !take(it->second, *f)) f->baseline = State::New;
  }

  // A baseline result for a file this run did not lint says nothing about this run, unless the
  // file is gone.
  BaselineComparison comparison;
  for (size_t i = 0; i < baseline.results.size(); ++i) {
    const BaselineResult& b = baseline.results[i];
    if (!matched[i] && (linted_uris.count(b.uri) != 0 || file_is_gone(b, base_directory)))
      comparison.absent.push_back(b);
  }
  return comparison;
}

}  // namespace idlint
