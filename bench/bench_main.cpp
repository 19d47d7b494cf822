// idlint's throughput benchmark: lints a corpus end to end (as a user runs it) and compares with
// parse-only references on the same files in the same run. Prints medians; never asserts.
//
// usage: idlint-bench IDLINT_BINARY CORPUS_DIR [RUNS] [KNOWN_INVALID_TSV] [TREE_SITTER_DUMP]
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"
#include "engine/lint.h"
#include "load/arm_template.h"
#include "load/bicep_syntax.h"
#include "load/bicep_template.h"
#include "load/json_reader.h"

extern char** environ;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct ProcessRun {
  double seconds = 0;
  long max_rss_kb = 0;
  int exit_code = -1;
};

// posix_spawn, not fork: the benchmark holds the corpus in memory and a fork would copy its page
// tables, adding milliseconds to every measured start.
ProcessRun run_process(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const auto start = Clock::now();
  pid_t pid = 0;
  ProcessRun r;
  if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
    posix_spawn_file_actions_destroy(&actions);
    return r;
  }
  int status = 0;
  struct rusage usage {};
  ::wait4(pid, &status, 0, &usage);
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  r.max_rss_kb = usage.ru_maxrss;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  posix_spawn_file_actions_destroy(&actions);
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Corpus files that are not valid Bicep although their names do not say so (path relative to the
// corpus, a tab, the reason). Lines starting with '#' are comments.
std::vector<std::string> read_known_invalid(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line.substr(0, line.find('\t')));
  }
  return out;
}

std::string without_bom(std::string t) {
  if (t.size() >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0) t.erase(0, 3);
  return t;
}

// The largest ARM templates (compiled modules: nested deployments several levels deep), each
// linted from memory with every rule: target under 100 ms for the largest.
void bench_largest_templates(const std::vector<fs::path>& files, const std::vector<std::string>& texts, int runs) {
  std::vector<size_t> order;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (idlint::may_be_deployment_template(texts[i])) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return texts[a].size() > texts[b].size(); });
  if (order.size() > 3) order.resize(3);
  const idlint::RuleSelection rules = idlint::RuleSelection::defaults();
  std::printf("\nlargest templates, full lint from memory (nested deployments evaluated with their arguments):\n");
  for (size_t i : order) {
    std::vector<double> times;
    size_t findings = 0;
    for (int r = 0; r < std::max(runs, 3); ++r) {
      const auto start = Clock::now();
      const auto result = idlint::lint_text(files[i].string(), texts[i], true, rules);
      times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
      findings = result.findings.size();
    }
    std::printf("  %-70s %8.0f KB %8.1f ms (%zu findings)\n", files[i].filename().string().c_str(),
                static_cast<double>(texts[i].size()) / 1024.0, median(times) * 1000, findings);
  }
}

// The Bicep part: coverage, parse and lint speed, the slowest file, and tree-sitter-bicep's parse
// time on the same files when its dump tool is given.
void bench_bicep(const fs::path& corpus, int runs, const std::string& known_invalid_path,
                 const std::string& tree_sitter_dump) {
  struct File {
    fs::path path;
    std::string rel;
    std::string text;
    bool params = false;
    bool invalid_by_name = false;
    bool known_invalid = false;
  };
  const std::vector<std::string> known = read_known_invalid(known_invalid_path);
  std::vector<File> files;
  size_t bytes = 0;
  for (auto it = fs::recursive_directory_iterator(corpus); it != fs::recursive_directory_iterator(); ++it) {
    const std::string ext = it->path().extension().string();
    if (!it->is_regular_file() || (ext != ".bicep" && ext != ".bicepparam")) continue;
    File f;
    f.path = it->path();
    f.rel = fs::relative(it->path(), corpus).string();
    f.text = without_bom(read_file(it->path()));
    f.params = ext == ".bicepparam";
    f.invalid_by_name = f.rel.find("Invalid") != std::string::npos;
    f.known_invalid = std::find(known.begin(), known.end(), f.rel) != known.end();
    bytes += f.text.size();
    files.push_back(std::move(f));
  }
  std::sort(files.begin(), files.end(), [](const File& a, const File& b) { return a.rel < b.rel; });
  if (files.empty()) return;
  const double mb = static_cast<double>(bytes) / 1e6;

  // Coverage: syntax errors per file.
  size_t valid = 0, valid_clean = 0, invalid = 0, invalid_flagged = 0, known_count = 0, known_flagged = 0;
  std::vector<std::string> valid_with_errors;
  for (const File& f : files) {
    idlint::Arena arena;
    const auto parsed = idlint::bicep::parse(f.text, arena, f.params);
    const bool errors = !parsed.errors.empty();
    if (f.invalid_by_name) {
      ++invalid;
      invalid_flagged += errors;
    } else if (f.known_invalid) {
      ++known_count;
      known_flagged += errors;
    } else {
      ++valid;
      if (!errors) {
        ++valid_clean;
      } else {
        valid_with_errors.push_back(f.rel + ": " + parsed.errors[0].message);
      }
    }
  }
  std::printf("\nBicep: %zu files (.bicep and .bicepparam, %.1f MB)\n", files.size(), mb);
  std::printf("coverage: %zu of %zu valid files parse without a syntax error (%zu with errors)\n", valid_clean, valid,
              valid - valid_clean);
  for (size_t i = 0; i < valid_with_errors.size() && i < 10; ++i) std::printf("  %s\n", valid_with_errors[i].c_str());
  std::printf("          %zu files named *Invalid*: %zu give IDL900, %zu have only semantic errors and parse\n", invalid,
              invalid_flagged, invalid - invalid_flagged);
  std::printf("          %zu files listed as not valid Bicep in %s: %zu give IDL900\n", known_count,
              fs::path(known_invalid_path).filename().string().c_str(), known_flagged);

  // Parse only, from memory.
  std::vector<double> parse_times;
  for (int r = 0; r < runs; ++r) {
    const auto start = Clock::now();
    size_t decls = 0;
    for (const File& f : files) {
      idlint::Arena arena;
      decls += idlint::bicep::parse(f.text, arena, f.params).decls.size();
    }
    parse_times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    if (decls == 0) std::printf("(no declarations)\n");
  }
  // Full lint, from memory: parse, lower, bindings, rules, positions. Per-file times kept for the
  // slowest-file figure (the fastest of the runs for each file, to leave out scheduling noise).
  std::vector<double> lint_times;
  std::vector<double> per_file(files.size(), 1e9);
  const idlint::RuleSelection rules = idlint::RuleSelection::defaults();
  for (int r = 0; r < runs; ++r) {
    const auto start = Clock::now();
    for (size_t i = 0; i < files.size(); ++i) {
      const auto t0 = Clock::now();
      const auto result = idlint::lint_text(files[i].rel, files[i].text, true, rules);
      per_file[i] = std::min(per_file[i], std::chrono::duration<double>(Clock::now() - t0).count());
      (void)result;
    }
    lint_times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  // The slowest file relative to its size (files under 100 KB count as 100 KB).
  size_t worst = 0;
  double worst_rate = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    const double units = std::max(1.0, static_cast<double>(files[i].text.size()) / 100e3);
    const double rate = per_file[i] * 1000 / units;
    if (rate > worst_rate) {
      worst_rate = rate;
      worst = i;
    }
  }
  const double parse = median(parse_times);
  const double lint = median(lint_times);
  std::printf("%-44s %10s %10s %10s\n", "measurement", "seconds", "MB/s", "files/s");
  std::printf("%-44s %10.3f %10.1f %10.0f\n", "idlint Bicep parse only (memory, 1 thread)", parse, mb / parse,
              static_cast<double>(files.size()) / parse);
  std::printf("%-44s %10.3f %10.1f %10.0f\n", "idlint Bicep full lint (memory, 1 thread)", lint, mb / lint,
              static_cast<double>(files.size()) / lint);
  if (!tree_sitter_dump.empty() && fs::exists(tree_sitter_dump)) {
    // idlint on exactly the files tree-sitter reads (.bicep: it has no .bicepparam grammar), then the
    // oracle's own timing of its parser alone over the same folder.
    std::vector<double> same_files;
    size_t bicep_only_bytes = 0;
    size_t decls = 0;
    for (int r = 0; r < runs; ++r) {
      bicep_only_bytes = 0;
      const auto start = Clock::now();
      for (const File& f : files) {
        if (f.params) continue;
        idlint::Arena arena;
        decls += idlint::bicep::parse(f.text, arena, false).decls.size();
        bicep_only_bytes += f.text.size();
      }
      same_files.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    if (decls == 0) std::printf("(no declarations)\n");
    std::printf("%-44s %10.3f %10.1f\n", "idlint Bicep parse only, .bicep files only", median(same_files),
                static_cast<double>(bicep_only_bytes) / 1e6 / median(same_files));
    const fs::path report = fs::temp_directory_path() / "idlint-bench-tree-sitter.txt";
    const std::string cmd = "\"" + tree_sitter_dump + "\" --quiet --time --runs " + std::to_string(std::min(runs, 3)) +
                            " \"" + corpus.string() + "\" > \"" + report.string() + "\" 2>&1";
    if (std::system(cmd.c_str()) == 0) {
      std::ifstream in(report);
      std::string line;
      while (std::getline(in, line)) std::printf("reference, same .bicep files: %s\n", line.c_str());
    } else {
      std::printf("reference: tree-sitter-bicep: the dump tool failed (%s)\n", report.string().c_str());
    }
  } else {
    std::printf("reference: tree-sitter-bicep: not built (run scripts/test once to fetch the grammar)\n");
  }
  std::printf("slowest file for its size: %s, %.0f KB, %.2f ms (%.2f ms per 100 KB; files under 100 KB count as 100 KB)\n",
              files[worst].rel.c_str(), static_cast<double>(files[worst].text.size()) / 1e3, per_file[worst] * 1000,
              worst_rate);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s IDLINT_BINARY CORPUS_DIR [RUNS]\n", argv[0]);
    return 2;
  }
  const std::string idlint = fs::absolute(argv[1]).string();
  const fs::path corpus = argv[2];
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  const std::string known_invalid = argc > 4 ? argv[4] : "";
  const std::string tree_sitter_dump = argc > 5 ? argv[5] : "";

  // The files idlint considers: every .json/.jsonc under the corpus (it walks them all).
  std::vector<fs::path> files;
  std::vector<std::string> bicep_paths;
  size_t all_bytes = 0;
  size_t bicep_files = 0;
  size_t bicep_bytes = 0;
  for (auto it = fs::recursive_directory_iterator(corpus); it != fs::recursive_directory_iterator(); ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && (name == "node_modules" || name[0] == '.')) {
      it.disable_recursion_pending();
      continue;
    }
    const std::string ext = it->path().extension().string();
    if (it->is_regular_file() && (ext == ".json" || ext == ".jsonc")) {
      files.push_back(it->path());
      all_bytes += it->file_size();
    } else if (it->is_regular_file() && (ext == ".bicep" || ext == ".bicepparam")) {
      ++bicep_files;
      bicep_bytes += it->file_size();
      bicep_paths.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());

  // The template closest to 20 KB, for the latency measurement.
  fs::path latency_file;
  size_t latency_distance = SIZE_MAX;
  for (const fs::path& p : files) {
    const size_t size = fs::file_size(p);
    const size_t d = size > 20000 ? size - 20000 : 20000 - size;
    if (d < latency_distance && idlint::may_be_deployment_template(read_file(p))) {
      latency_distance = d;
      latency_file = p;
    }
  }

  // Processes first, while this one is small: a spawned child's peak RSS includes its parent's
  // pages until exec, so measuring after loading the corpus would inflate it.
  // End to end, as a user runs it: one process over the whole corpus directory, on one thread
  // (-j 1), and with 2 and (when there are more) one per core files linted at once, each run of
  // those right after a run on one thread so that the machine's changes of speed hit both alike.
  std::vector<double> e2e_times;
  long max_rss = 0;
  int exit_code = 0;
  std::vector<unsigned> job_counts = {2};
  if (idlint::default_jobs() > 2) job_counts.push_back(idlint::default_jobs());
  std::vector<std::vector<double>> jobs_times(job_counts.size());
  std::vector<long> jobs_rss(job_counts.size());
  for (int r = 0; r < runs; ++r) {
    const ProcessRun p =
        run_process({idlint, "-j", "1", "--quiet", "--format", "json", "--output", "/dev/null", corpus.string()});
    e2e_times.push_back(p.seconds);
    max_rss = std::max(max_rss, p.max_rss_kb);
    exit_code = p.exit_code;
    for (size_t j = 0; j < job_counts.size(); ++j) {
      const ProcessRun pj = run_process({idlint, "-j", std::to_string(job_counts[j]), "--quiet", "--format", "json",
                                         "--output", "/dev/null", corpus.string()});
      jobs_times[j].push_back(pj.seconds);
      jobs_rss[j] = std::max(jobs_rss[j], pj.max_rss_kb);
    }
  }
  // Each format alone, files named on the command line (the same walk-free reading for both).
  std::vector<std::string> json_args = {idlint, "-j", "1", "--quiet", "--format", "json", "--output", "/dev/null"};
  for (const fs::path& f : files) json_args.push_back(f.string());
  std::vector<std::string> bicep_args = {idlint, "-j", "1", "--quiet", "--format", "json", "--output", "/dev/null"};
  bicep_args.insert(bicep_args.end(), bicep_paths.begin(), bicep_paths.end());
  std::vector<double> json_only_times;
  std::vector<double> bicep_only_times;
  for (int r = 0; r < runs; ++r) {
    json_only_times.push_back(run_process(json_args).seconds);
    bicep_only_times.push_back(run_process(bicep_args).seconds);
  }

  // Latency: one ~20 KB template, process start to exit, against starting /bin/true.
  std::vector<double> latency;
  std::vector<double> baseline;
  for (int r = 0; r < std::max(runs * 10, 30); ++r) {
    latency.push_back(run_process({idlint, "--quiet", latency_file.string()}).seconds);
    baseline.push_back(run_process({"/bin/true"}).seconds);
  }

  // Load every file once; the references parse from memory.
  std::vector<std::string> texts;
  size_t template_bytes = 0;
  size_t templates = 0;
  size_t syntax_errors = 0;
  for (const fs::path& p : files) {
    std::string t = read_file(p);
    if (idlint::may_be_deployment_template(t)) {
      auto loaded = idlint::load_arm_template(std::make_shared<const idlint::SourceFile>(p.string(), t));
      if (loaded.is_template) {
        ++templates;
        template_bytes += t.size();
      } else if (loaded.syntax_error) {
        ++syntax_errors;
      }
    }
    texts.push_back(std::move(t));
  }
  const double mb = static_cast<double>(all_bytes) / 1e6;
  std::printf("corpus: %s\n", corpus.string().c_str());
  std::printf("files: %zu .json/.jsonc (%.1f MB), %zu ARM templates (%.1f MB), %zu unparsable candidates\n",
              files.size(), mb, templates, static_cast<double>(template_bytes) / 1e6, syntax_errors);
  std::printf("runs per measurement: %d (medians reported)\n\n", runs);

  // Reference 1: idlint's own JSON reader, in memory, every file (parse only, no model, no rules).
  std::vector<double> reader_times;
  for (int r = 0; r < runs; ++r) {
    const auto start = Clock::now();
    size_t values = 0;
    for (const std::string& t : texts) {
      idlint::Arena arena;
      const auto result = idlint::read_json(t, arena);
      values += result.root ? result.root->size : 0;
    }
    reader_times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    if (values == 0) std::printf("(no values read)\n");
  }
  // Reference 2: nlohmann::json (Debian's 3.11) parsing the same buffers, comments ignored.
  std::vector<double> nlohmann_times;
  for (int r = 0; r < runs; ++r) {
    const auto start = Clock::now();
    for (const std::string& t : texts) {
      const auto j = nlohmann::json::parse(t, nullptr, false, true);
      (void)j;
    }
    nlohmann_times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }

  const double e2e = median(e2e_times);
  const double reader = median(reader_times);
  const double nl = median(nlohmann_times);
  std::printf("%-44s %10s %10s %10s\n", "measurement", "seconds", "MB/s", "files/s");
  const double all_mb = static_cast<double>(all_bytes + bicep_bytes) / 1e6;
  std::printf("%-44s %10.3f %10.1f %10.0f\n", "idlint end to end (1 process, -j 1)", e2e, all_mb / e2e,
              static_cast<double>(files.size() + bicep_files) / e2e);
  for (size_t j = 0; j < job_counts.size(); ++j) {
    const double t = median(jobs_times[j]);
    const std::string label = "idlint end to end, -j " + std::to_string(job_counts[j]);
    std::printf("%-44s %10.3f %10.1f %10.0f  (%.2fx -j 1; peak RSS %.1f MB)\n", label.c_str(), t, all_mb / t,
                static_cast<double>(files.size() + bicep_files) / t, e2e / t,
                static_cast<double>(jobs_rss[j]) / 1024.0);
  }
  std::printf("%-44s %10.3f %10.1f %10.0f\n", "reference: idlint JSON reader only (memory)", reader, mb / reader,
              static_cast<double>(files.size()) / reader);
  std::printf("%-44s %10.3f %10.1f %10.0f\n", "reference: nlohmann::json parse (memory)", nl, mb / nl,
              static_cast<double>(files.size()) / nl);
  std::printf("(end to end: the corpus folder, %zu JSON and %zu Bicep files, %.1f MB; a template compiled from the "
              ".bicep file beside it is read, not linted twice)\n",
              files.size(),
              bicep_files, all_mb);
  const double json_only = median(json_only_times);
  const double bicep_only = median(bicep_only_times);
  std::printf("%-44s %10.3f %10.1f %10.0f\n", "idlint end to end, the JSON files named", json_only, mb / json_only,
              static_cast<double>(files.size()) / json_only);
  std::printf("%-44s %10.3f %10.1f %10.0f\n", "idlint end to end, the Bicep files named", bicep_only,
              static_cast<double>(bicep_bytes) / 1e6 / bicep_only, static_cast<double>(bicep_files) / bicep_only);
  std::printf("\npeak RSS, idlint over the whole corpus (-j 1): %.1f MB (exit code %d)\n",
              static_cast<double>(max_rss) / 1024.0, exit_code);
  std::printf("one template of %zu bytes (%s), process start to exit: median %.2f ms (starting /bin/true: %.2f ms)\n",
              static_cast<size_t>(fs::file_size(latency_file)), latency_file.filename().string().c_str(),
              median(latency) * 1000, median(baseline) * 1000);
  bench_largest_templates(files, texts, runs);
  bench_bicep(corpus, runs, known_invalid, tree_sitter_dump);
  return 0;
}
