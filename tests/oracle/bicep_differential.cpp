// Differential test of idlint's Bicep parser against tree-sitter-bicep, and its syntax coverage.
//
// For every .bicep file under the given folders that tree-sitter parses without error, both parsers
// must agree on the resource declarations (symbolic name, type string, line of the `resource`
// keyword) and on the span of each `identity` property. A disagreement fails the test unless the
// file is in the list of known grammar defects (file name, a tab, the reason), which this test also
// keeps honest: an entry whose file agrees, or is never seen, fails too.
//
// Coverage (for folders given with --coverage): every .bicep/.bicepparam file must parse without a
// syntax error, except files named *Invalid* (broken on purpose) and those in the list of corpus
// files that are not valid Bicep (--known-invalid); both of those must be read without a crash.
//
// Counts (--expect NAME=N, NAME>=N): what the run must have examined, so that a folder that went
// missing or a filter that matches nothing cannot pass with nothing compared. NAME is one of
// files, compared, valid (coverage files expected to parse), invalid (coverage files named
// *Invalid*) and invalid-idl900 (those of them with a syntax error).
//
// usage: bicep-differential --defects FILE [--known-invalid FILE] [--expect NAME=N|NAME>=N]...
//                           [--coverage DIR]... DIR...
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "load/bicep_syntax.h"
#include "oracle/ts_bicep.h"

namespace fs = std::filesystem;

namespace {

struct Input {
  fs::path path;
  std::string display;  // path relative to its root folder
  bool coverage = false;
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string t = ss.str();
  if (t.size() >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0) t.erase(0, 3);
  return t;
}

// name → reason; a name matches a file whose path ends with it.
std::map<std::string, std::string> read_list(const std::string& path) {
  std::map<std::string, std::string> out;
  if (path.empty()) return out;
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    out[line.substr(0, tab)] = tab == std::string::npos ? "" : line.substr(tab + 1);
  }
  return out;
}

bool ends_with(const std::string& path, const std::string& name) {
  return path.size() >= name.size() && path.compare(path.size() - name.size(), name.size(), name) == 0;
}

const std::string* listed(const std::map<std::string, std::string>& list, const std::string& path) {
  for (const auto& [name, reason] : list) {
    if (ends_with(path, name)) return &name;
  }
  return nullptr;
}

std::string describe_ours(const idlint::bicep::ResourceOutline& r) {
  std::string s = std::to_string(r.line) + " " + std::string(r.symbolic_name) + " " + r.type;
  if (r.has_identity) s += " identity [" + std::to_string(r.identity.begin) + "," + std::to_string(r.identity.end) + ")";
  return s;
}
std::string describe_theirs(const idlint::oracle::TsResource& r) {
  std::string s = std::to_string(r.line) + " " + r.symbolic_name + " " + r.type;
  if (r.has_identity) s += " identity [" + std::to_string(r.identity_begin) + "," + std::to_string(r.identity_end) + ")";
  return s;
}

struct Outcome {
  bool compared = false;       // tree-sitter parsed it without error
  bool disagree = false;
  std::string difference;      // the first difference
  size_t our_errors = 0;
  std::string our_first_error;
  bool params_file = false;
};

Outcome examine(const Input& in) {
  Outcome o;
  const std::string text = read_file(in.path);
  o.params_file = in.path.extension() == ".bicepparam";
  idlint::Arena arena;
  const idlint::bicep::ParsedFile ours = idlint::bicep::parse(text, arena, o.params_file);
  o.our_errors = ours.errors.size();
  if (!ours.errors.empty()) o.our_first_error = ours.errors[0].message;
  if (o.params_file) return o;  // tree-sitter-bicep has no .bicepparam grammar
  const idlint::oracle::TsResult theirs = idlint::oracle::parse_bicep_with_tree_sitter(text);
  if (theirs.has_error) return o;
  o.compared = true;
  if (!ours.errors.empty()) {
    o.disagree = true;
    o.difference = "idlint reports a syntax error tree-sitter does not: " + ours.errors[0].message;
    return o;
  }
  const auto outline = idlint::bicep::outline_resources(ours, text);
  const size_t n = std::max(outline.size(), theirs.resources.size());
  for (size_t i = 0; i < n; ++i) {
    const std::string a = i < outline.size() ? describe_ours(outline[i]) : "(none)";
    const std::string b = i < theirs.resources.size() ? describe_theirs(theirs.resources[i]) : "(none)";
    if (a != b) {
      o.disagree = true;
      o.difference = "resource " + std::to_string(i + 1) + ": idlint '" + a + "', tree-sitter '" + b + "'";
      break;
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  std::string defects_path, known_invalid_path;
  std::vector<std::pair<fs::path, bool>> roots;  // folder, coverage checked
  std::vector<std::string> expectations;          // NAME=N or NAME>=N
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--defects" && i + 1 < argc) {
      defects_path = argv[++i];
    } else if (a == "--known-invalid" && i + 1 < argc) {
      known_invalid_path = argv[++i];
    } else if (a == "--expect" && i + 1 < argc) {
      expectations.emplace_back(argv[++i]);
    } else if (a == "--coverage" && i + 1 < argc) {
      roots.emplace_back(argv[++i], true);
    } else {
      roots.emplace_back(a, false);
    }
  }
  const auto defects = read_list(defects_path);
  const auto known_invalid = read_list(known_invalid_path);

  std::vector<Input> inputs;
  for (const auto& [root, coverage] : roots) {
    if (!fs::is_directory(root)) {
      std::printf("note: %s is not there; skipped\n", root.string().c_str());
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
      const std::string ext = it->path().extension().string();
      if (!it->is_regular_file() || (ext != ".bicep" && ext != ".bicepparam")) continue;
      inputs.push_back({it->path(), fs::relative(it->path(), root).string(), coverage});
    }
  }
  std::sort(inputs.begin(), inputs.end(), [](const Input& a, const Input& b) { return a.path < b.path; });

  // Two workers: tree-sitter's error recovery makes some broken files take seconds.
  std::vector<Outcome> outcomes(inputs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < inputs.size(); i = next++) outcomes[i] = examine(inputs[i]);
  };
  const unsigned workers = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < workers; ++w) threads.emplace_back(work);
  for (std::thread& t : threads) t.join();

  size_t compared = 0, agreed = 0, failures = 0;
  size_t coverage_valid = 0, coverage_clean = 0, coverage_invalid = 0, coverage_invalid_flagged = 0;
  size_t coverage_listed = 0;
  std::set<std::string> defects_used;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const Input& in = inputs[i];
    const Outcome& o = outcomes[i];
    if (o.compared) {
      ++compared;
      const std::string* defect = listed(defects, in.path.generic_string());
      if (!o.disagree) {
        ++agreed;
        if (defect) {
          std::printf("FAIL %s: listed as a known grammar defect, but both parsers agree; remove it from the list\n",
                      in.path.string().c_str());
          ++failures;
          defects_used.insert(*defect);
        }
      } else if (defect) {
        defects_used.insert(*defect);
      } else {
        std::printf("FAIL %s: %s\n", in.path.string().c_str(), o.difference.c_str());
        ++failures;
      }
    }
    if (in.coverage) {
      const bool invalid_by_name = in.display.find("Invalid") != std::string::npos;
      if (invalid_by_name) {
        ++coverage_invalid;
        coverage_invalid_flagged += o.our_errors > 0;
      } else if (listed(known_invalid, in.path.generic_string())) {
        ++coverage_listed;
        if (o.our_errors == 0) {
          std::printf("FAIL %s: listed as not valid Bicep, but it parses without an error; remove it from the list\n",
                      in.path.string().c_str());
          ++failures;
        }
      } else {
        ++coverage_valid;
        if (o.our_errors == 0) {
          ++coverage_clean;
        } else {
          std::printf("FAIL %s: a syntax error in a valid file: %s\n", in.path.string().c_str(), o.our_first_error.c_str());
          ++failures;
        }
      }
    }
  }
  // Entries of the defect list for files this run examined but that tree-sitter could not parse, or
  // that were not found at all, are reported so the list does not rot.
  for (const auto& [name, reason] : defects) {
    if (defects_used.count(name)) continue;
    bool seen = false;
    for (const Input& in : inputs) seen |= ends_with(in.path.generic_string(), name);
    if (seen) {
      std::printf("FAIL %s: listed as a known grammar defect, but tree-sitter does not parse it cleanly any more\n",
                  name.c_str());
      ++failures;
    }
  }
  std::printf("differential: %zu .bicep/.bicepparam files, %zu parsed cleanly by tree-sitter, %zu agree, %zu listed "
              "grammar defects\n",
              inputs.size(), compared, agreed, defects_used.size());
  if (coverage_valid + coverage_invalid + coverage_listed > 0) {
    std::printf("coverage: %zu of %zu valid files without a syntax error; %zu files named *Invalid*: %zu give IDL900; "
                "%zu listed as not valid Bicep\n",
                coverage_clean, coverage_valid, coverage_invalid, coverage_invalid_flagged, coverage_listed);
  }
  const std::map<std::string, size_t> counts = {{"files", inputs.size()},
                                                {"compared", compared},
                                                {"valid", coverage_valid},
                                                {"invalid", coverage_invalid},
                                                {"invalid-idl900", coverage_invalid_flagged}};
  for (const std::string& e : expectations) {
    const size_t op = e.find_first_of(">=");
    const bool at_least = op != std::string::npos && e[op] == '>';
    const size_t digits = op == std::string::npos ? op : op + (at_least ? 2 : 1);
    const auto it = op == std::string::npos ? counts.end() : counts.find(e.substr(0, op));
    if (it == counts.end() || (at_least && e.compare(op, 2, ">=") != 0) || digits >= e.size() ||
        e.find_first_not_of("0123456789", digits) != std::string::npos) {
      std::printf("FAIL --expect %s: not NAME=N or NAME>=N with a NAME of files, compared, valid, invalid, "
                  "invalid-idl900\n",
                  e.c_str());
      ++failures;
      continue;
    }
    const size_t want = std::stoul(e.substr(digits));
    if (at_least ? it->second < want : it->second != want) {
      std::printf("FAIL %s is %zu, expected %s\n", it->first.c_str(), it->second, e.substr(op).c_str());
      ++failures;
    }
  }
  std::printf("%s\n", failures ? "FAILED" : "passed");
  return failures ? 1 : 0;
}
