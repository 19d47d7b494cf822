// Test helper for tests/corpus/avm-values.sh, so the test needs neither python nor node:
//
//   corpus-report tsv BASE REPORT.json [FOLDER=NAME...]
//     One line per finding of an idlint `--format json` report:
//     PATH<TAB>LINE<TAB>COLUMN<TAB>RULE<TAB>LEVEL<TAB>MESSAGE<TAB>HELP, PATH relative to BASE (a
//     finding outside BASE is an error). In MESSAGE and HELP, "BASE/" is left out of paths, each FOLDER (say, the
//     module cache) is written NAME, so the lines are the same on any machine, and tabs, line
//     breaks and backslashes are written as \t, \n, \\.
//     Exits 3 when the report lists files that could not be read (printed on standard error).
//
//   corpus-report time RUNS PROGRAM [ARG...]
//     Runs PROGRAM RUNS times (standard output to /dev/null) and prints
//     "min M ms, median D ms over RUNS runs", wall time from fork to exit; exits 1 when a run
//     exits with a status above 1 (idlint's "findings" status is 1).
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

namespace {

using Renames = std::vector<std::pair<std::string, std::string>>;

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
}

// The message with the base folder left out of the paths it names and the renamed folders renamed
// (the lines are the same on any machine), tabs, line breaks and backslashes escaped.
std::string clean_message(std::string s, const std::string& base, const Renames& renames) {
  for (const auto& [from, to] : renames) replace_all(s, from, to);
  replace_all(s, base + "/", "");
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

int tsv(const std::string& base_arg, const std::string& report_path, const Renames& renames) {
  namespace fs = std::filesystem;
  std::ifstream in(report_path);
  if (!in) {
    std::cerr << "corpus-report: cannot read " << report_path << "\n";
    return 2;
  }
  nlohmann::json report;
  try {
    report = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    std::cerr << "corpus-report: " << report_path << " is not JSON: " << e.what() << "\n";
    return 2;
  }
  const fs::path base = fs::weakly_canonical(fs::absolute(base_arg));
  int status = 0;
  for (const auto& f : report.at("findings")) {
    const fs::path file = fs::weakly_canonical(fs::absolute(f.at("file").get<std::string>()));
    const fs::path rel = file.lexically_relative(base);
    if (rel.empty() || *rel.begin() == "..") {
      std::cerr << "corpus-report: a finding in " << file.string() << ", outside " << base.string() << "\n";
      status = 2;
      continue;
    }
    std::cout << rel.generic_string() << '\t' << f.at("start_line").get<long>() << '\t'
              << f.at("start_column").get<long>() << '\t' << f.at("rule_id").get<std::string>() << '\t'
              << f.at("level").get<std::string>() << '\t' << clean_message(f.at("message").get<std::string>(), base.string(), renames) << '\t'
              << clean_message(f.value("help", std::string()), base.string(), renames) << '\n';
  }
  for (const auto& e : report.at("errors")) {
    std::cerr << "corpus-report: idlint could not read a file: " << e.dump() << "\n";
    if (status == 0) status = 3;
  }
  return status;
}

int time_runs(int runs, char** argv) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
      std::perror("corpus-report: fork");
      return 2;
    }
    if (pid == 0) {
      const int null = open("/dev/null", O_WRONLY);
      if (null >= 0) dup2(null, 1);
      execv(argv[0], argv);
      std::perror("corpus-report: exec");
      _exit(127);
    }
    int st = 0;
    if (waitpid(pid, &st, 0) < 0) {
      std::perror("corpus-report: waitpid");
      return 2;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (!WIFEXITED(st) || WEXITSTATUS(st) > 1) {
      std::cerr << "corpus-report: " << argv[0] << " failed (status " << st << ")\n";
      return 1;
    }
  }
  std::sort(ms.begin(), ms.end());
  std::printf("min %.1f ms, median %.1f ms over %d runs\n", ms.front(), ms[ms.size() / 2], runs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "tsv" && argc >= 4) {
    Renames renames;
    for (int i = 4; i < argc; ++i) {
      const std::string arg = argv[i];
      const auto eq = arg.rfind('=');
      if (eq == std::string::npos || eq == 0) {
        std::cerr << "corpus-report: expected FOLDER=NAME, got " << arg << "\n";
        return 2;
      }
      renames.emplace_back(arg.substr(0, eq), arg.substr(eq + 1));
    }
    return tsv(argv[2], argv[3], renames);
  }
  if (mode == "time" && argc >= 4) {
    const int runs = std::atoi(argv[2]);
    if (runs > 0) return time_runs(runs, argv + 3);
  }
  std::cerr << "usage: corpus-report tsv BASE REPORT.json [FOLDER=NAME...] | corpus-report time RUNS PROGRAM [ARG...]\n";
  return 2;
}
