// idlint's throughput benchmark: lints a corpus end to end (as a user runs it) and compares with
// parse-only references on the same files in the same run. Prints medians; never asserts.
//
// usage: idlint-bench IDLINT_BINARY CORPUS_DIR [RUNS]
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

#include "load/arm_template.h"
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

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s IDLINT_BINARY CORPUS_DIR [RUNS]\n", argv[0]);
    return 2;
  }
  const std::string idlint = fs::absolute(argv[1]).string();
  const fs::path corpus = argv[2];
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;

  // The files idlint considers: every .json/.jsonc under the corpus (it walks them all).
  std::vector<fs::path> files;
  size_t all_bytes = 0;
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
  // End to end, as a user runs it: one process over the whole corpus directory.
  std::vector<double> e2e_times;
  long max_rss = 0;
  int exit_code = 0;
  for (int r = 0; r < runs; ++r) {
    const ProcessRun p = run_process({idlint, "--quiet", "--format", "json", "--output", "/dev/null", corpus.string()});
    e2e_times.push_back(p.seconds);
    max_rss = std::max(max_rss, p.max_rss_kb);
    exit_code = p.exit_code;
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
  std::printf("%-44s %10.3f %10.1f %10.0f\n", "idlint end to end (1 process, 1 thread)", e2e, mb / e2e,
              static_cast<double>(files.size()) / e2e);
  std::printf("%-44s %10.3f %10.1f %10.0f\n", "reference: idlint JSON reader only (memory)", reader, mb / reader,
              static_cast<double>(files.size()) / reader);
  std::printf("%-44s %10.3f %10.1f %10.0f\n", "reference: nlohmann::json parse (memory)", nl, mb / nl,
              static_cast<double>(files.size()) / nl);
  std::printf("\npeak RSS, idlint over the whole corpus: %.1f MB (exit code %d)\n",
              static_cast<double>(max_rss) / 1024.0, exit_code);
  std::printf("one template of %zu bytes (%s), process start to exit: median %.2f ms (starting /bin/true: %.2f ms)\n",
              static_cast<size_t>(fs::file_size(latency_file)), latency_file.filename().string().c_str(),
              median(latency) * 1000, median(baseline) * 1000);
  return 0;
}
