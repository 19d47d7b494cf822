// ts-bicep-dump: what the tree-sitter-bicep oracle sees in Bicep files, and how fast tree-sitter
// parses them (the benchmark prints this beside idlint's own parse time). Test-only tool.
//
// usage: ts-bicep-dump [--quiet] [--time] [--runs N] PATH...
//   A directory is searched recursively for *.bicep (node_modules and dot folders skipped); a file
//   named explicitly is read whatever its extension. A UTF-8 byte order mark is stripped first.
//   Per file: `PATH: ok|error, N resources`, then one line per resource
//   `  LINE NAME TYPE identity [BEGIN,END)` (or `-` without identity). --quiet leaves these out.
//   --time: parses every file N times (default 5) and prints bytes, the median of the total parse
//   seconds (tree-sitter's parser only) and MB/s (10^6 bytes), for all files and separately for
//   those with and without a parse error, and the slowest file.
// Exit code: 0, or 2 on bad usage or an unreadable path. Parse errors are reported, not failures.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "oracle/ts_bicep.h"

namespace fs = std::filesystem;
using idlint::oracle::parse_bicep_with_tree_sitter;
using idlint::oracle::time_tree_sitter_parse;
using idlint::oracle::TsResult;

namespace {

struct File {
  std::string path;
  std::string text;  // without a byte order mark
};

bool read_file(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  if (out.size() >= 3 && out.compare(0, 3, "\xEF\xBB\xBF") == 0) out.erase(0, 3);
  return true;
}

bool collect(const fs::path& root, std::vector<fs::path>& out) {
  std::error_code ec;
  if (fs::is_regular_file(root, ec)) {
    out.push_back(root);
    return true;
  }
  if (!fs::is_directory(root, ec)) return false;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && (name == "node_modules" || name[0] == '.')) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".bicep") out.push_back(it->path());
  }
  return !ec;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  if (v.empty()) return 0;
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

void print_outline(const File& f, const TsResult& r) {
  std::printf("%s: %s, %zu resources\n", f.path.c_str(), r.has_error ? "error" : "ok", r.resources.size());
  for (const auto& res : r.resources) {
    std::printf("  %u %s %s", res.line, res.symbolic_name.c_str(), res.type.c_str());
    if (res.has_identity) {
      std::printf(" identity [%u,%u)\n", res.identity_begin, res.identity_end);
    } else {
      std::printf(" -\n");
    }
  }
}

int usage(const char* argv0) {
  std::fprintf(stderr, "usage: %s [--quiet] [--time] [--runs N] PATH...\n", argv0);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  bool quiet = false, time = false;
  int runs = 5;
  std::vector<std::string> roots;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--quiet") {
      quiet = true;
    } else if (a == "--time") {
      time = true;
    } else if (a == "--runs" && i + 1 < argc) {
      runs = std::atoi(argv[++i]);
      if (runs < 1) return usage(argv[0]);
    } else if (!a.empty() && a[0] == '-') {
      return usage(argv[0]);
    } else {
      roots.push_back(a);
    }
  }
  if (roots.empty()) return usage(argv[0]);

  std::vector<fs::path> paths;
  for (const std::string& r : roots) {
    if (!collect(r, paths)) {
      std::fprintf(stderr, "ts-bicep-dump: cannot read %s\n", r.c_str());
      return 2;
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<File> files;
  files.reserve(paths.size());
  size_t bytes = 0;
  for (const fs::path& p : paths) {
    File f{p.string(), {}};
    if (!read_file(p, f.text)) {
      std::fprintf(stderr, "ts-bicep-dump: cannot read %s\n", f.path.c_str());
      return 2;
    }
    bytes += f.text.size();
    files.push_back(std::move(f));
  }

  size_t resources = 0;
  std::vector<bool> has_error(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    const TsResult r = parse_bicep_with_tree_sitter(files[i].text);
    has_error[i] = r.has_error;
    resources += r.resources.size();
    if (!quiet) print_outline(files[i], r);
  }
  const size_t error_free = static_cast<size_t>(std::count(has_error.begin(), has_error.end(), false));
  std::printf("files: %zu, %zu without a parse error, %zu resources\n", files.size(), error_free, resources);
  if (!time) return 0;

  // Each run parses every file once. Reported: the median over runs of the total, and of the totals
  // of the error-free files and of the others (tree-sitter's error recovery can be much slower than
  // parsing, so the error-free figure is the one to set beside another parser's); the slowest file
  // by its own median.
  std::vector<double> totals, ok_totals, error_totals;
  std::vector<std::vector<double>> per_file(files.size());
  for (int run = 0; run < runs; ++run) {
    double ok = 0, error = 0;
    for (size_t i = 0; i < files.size(); ++i) {
      const double s = time_tree_sitter_parse(files[i].text);
      per_file[i].push_back(s);
      (has_error[i] ? error : ok) += s;
    }
    totals.push_back(ok + error);
    ok_totals.push_back(ok);
    error_totals.push_back(error);
  }
  size_t ok_bytes = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!has_error[i]) ok_bytes += files[i].text.size();
  }
  const auto report = [](const char* what, size_t count, size_t n_bytes, double seconds) {
    const double mb = static_cast<double>(n_bytes) / 1e6;
    std::printf("%-26s %6zu files %8.1f MB %9.4f s %8.1f MB/s\n", what, count, mb, seconds,
                seconds > 0 ? mb / seconds : 0.0);
  };
  std::printf("tree-sitter parse time, median of %d runs (MB = 10^6 bytes):\n", runs);
  report("all files", files.size(), bytes, median(totals));
  report("without a parse error", error_free, ok_bytes, median(ok_totals));
  report("with a parse error", files.size() - error_free, bytes - ok_bytes, median(error_totals));
  size_t slowest = 0;
  double slowest_seconds = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    const double s = median(per_file[i]);
    if (s > slowest_seconds) {
      slowest_seconds = s;
      slowest = i;
    }
  }
  if (!files.empty()) {
    std::printf("slowest file: %s (%zu bytes, %s, %.2f ms)\n", files[slowest].path.c_str(),
                files[slowest].text.size(), has_error[slowest] ? "parse error" : "no parse error",
                slowest_seconds * 1000);
  }
  return 0;
}
