// The lint driver: file → model → bindings → rules → deduplicated, sorted findings.
#include "engine/lint.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>

#include "engine/bindings.h"
#include "load/arm_template.h"
#include "load/bicep_template.h"
#include "load/parameter_file.h"
#include "rules/check.h"

namespace idlint {

bool RuleSelection::enabled(const RuleInfo& rule) const {
  return std::find(rules.begin(), rules.end(), &rule) != rules.end();
}

RuleSelection RuleSelection::defaults() {
  RuleSelection s;
  for (const RuleInfo* r : all_rules()) {
    if (r->enabled_by_default) s.rules.push_back(r);
  }
  return s;
}

namespace {

bool worth_checking(const Resource& r) {
  if (r.body->find("identity")) return true;
  return equals_ignore_case(r.full_type, "Microsoft.DBforPostgreSQL/flexibleServers") ||
         equals_ignore_case(r.full_type, "Microsoft.DBforMySQL/flexibleServers");
}

struct Collected {
  Finding finding;
  std::vector<std::string> bindings;
  size_t other_bindings = 0;
  bool unconditional = false;  // found under a binding whose choices do not matter to it
};

class Collector {
 public:
  void add(Finding&& f, const std::string& binding) {
    const auto key = std::make_tuple(f.rule, f.primary.span.begin, f.primary.span.end);
    auto it = index_.find(key);
    if (it == index_.end()) {
      index_.emplace(key, items_.size());
      Collected c{std::move(f), {}, 0, binding.empty()};
      if (!binding.empty()) c.bindings.push_back(binding);
      items_.push_back(std::move(c));
      return;
    }
    // One finding per location and rule, however many bindings lead to it.
    Collected& c = items_[it->second];
    for (Location& l : f.related) {
      const bool seen = std::any_of(c.finding.related.begin(), c.finding.related.end(), [&](const Location& e) {
        return e.span.begin == l.span.begin && e.span.end == l.span.end;
      });
      if (!seen) c.finding.related.push_back(std::move(l));
    }
    if (binding.empty()) c.unconditional = true;
    if (!binding.empty() && std::find(c.bindings.begin(), c.bindings.end(), binding) == c.bindings.end()) {
      if (c.bindings.size() < 3)
        c.bindings.push_back(binding);
      else
        ++c.other_bindings;
    }
  }

  std::vector<Finding> take() {
    std::vector<Finding> out;
    for (Collected& c : items_) {
      if (!c.bindings.empty() && !c.unconditional) {
        std::string when;
        for (size_t i = 0; i < c.bindings.size(); ++i) when += (i ? "; or " : "") + c.bindings[i];
        if (c.other_bindings) when += "; or " + std::to_string(c.other_bindings) + " other parameter values";
        c.finding.message += " (" + when + ")";
      }
      out.push_back(std::move(c.finding));
    }
    return out;
  }

 private:
  std::map<std::tuple<const RuleInfo*, uint32_t, uint32_t>, size_t> index_;
  std::vector<Collected> items_;
};

void check_resources(const Template& t, const RuleSelection& rules, Collector& collector, SharedValues& shared) {
  const ResourceCheck::Sink sink = [&](Finding&& f, const std::string& binding) {
    collector.add(std::move(f), binding);
  };
  for (const Resource& resource : t.resources) {
    if (!worth_checking(resource)) continue;
    const ResourceBindings rb = enumerate_bindings(resource);
    for (const Binding& binding : rb.bindings) {
      Evaluator evaluator(binding, &shared);
      if (resource.condition) {
        const Val c = evaluator.evaluate(t, *resource.condition);
        if (c.kind == Val::Kind::Bool && !c.boolean) continue;  // not deployed under this binding
      }
      ResourceCheck check(resource, evaluator, binding, rb.varying, sink);
      for (const RuleInfo* rule : rules.rules) {
        if (!rule->check) continue;
        try {
          rule->check(check);
        } catch (const std::exception& e) {
          // A rule's bug must not hide the other rules' findings: report it and go on.
          Finding f;
          f.rule = rule;
          f.level = Level::Error;
          f.primary = Location{t.file, resource.body->span, {}};
          f.message = "internal error in rule " + std::string(rule->id) + ": " + e.what() + " (please report this)";
          collector.add(std::move(f), {});
        }
      }
    }
  }
  for (const auto& nested : t.nested) check_resources(*nested, rules, collector, shared);
}

ResolvedLocation resolve_location(const Location& l) {
  ResolvedLocation r;
  r.path = l.file->path();
  r.range = l.file->range(l.span);
  r.message = l.message;
  const std::string_view line = l.file->line_text(r.range.start.line);
  // Keep a window of the line: enough context before the position, and a bounded length.
  constexpr uint32_t kBefore = 60;
  constexpr uint32_t kWidth = 200;
  if (count_code_points(line) <= kWidth) {
    r.line_text = std::string(line);
    return r;
  }
  r.first_column = r.range.start.column > kBefore ? r.range.start.column - kBefore : 1;
  uint32_t column = 1;
  size_t begin = line.size();
  size_t end = line.size();
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;  // inside a character
    if (column == r.first_column) begin = i;
    if (column == r.first_column + kWidth) {
      end = i;
      break;
    }
    ++column;
  }
  r.line_text = std::string(line.substr(begin, end - begin));
  r.truncated_end = end < line.size();
  return r;
}

bool finding_order(const ResolvedFinding& a, const ResolvedFinding& b) {
  if (a.primary.range.start.line != b.primary.range.start.line) {
    return a.primary.range.start.line < b.primary.range.start.line;
  }
  if (a.primary.range.start.column != b.primary.range.start.column) {
    return a.primary.range.start.column < b.primary.range.start.column;
  }
  if (a.rule->id != b.rule->id) return a.rule->id < b.rule->id;
  return a.message < b.message;
}

}  // namespace

ResolvedFinding resolve(const Finding& f) {
  ResolvedFinding r;
  r.rule = f.rule;
  r.level = f.level;
  r.message = f.message;
  r.logical = f.logical;
  r.primary = resolve_location(f.primary);
  for (const Location& l : f.related) r.related.push_back(resolve_location(l));
  return r;
}

std::vector<Finding> check_template(const Template& t, const RuleSelection& rules) {
  Collector collector;
  SharedValues shared;
  check_resources(t, rules, collector, shared);
  return collector.take();
}

namespace {

Finding syntax_finding(const std::shared_ptr<const SourceFile>& file, const SyntaxError& e) {
  Finding f;
  f.rule = &syntax_error_rule();
  f.level = Level::Error;
  f.primary = Location{file, e.span, {}};
  f.message = e.message;
  f.logical = "syntax";
  return f;
}

// Bicep: a syntax error does not stop the file being linted; the parser resumed after it.
FileResult lint_bicep(FileResult result, std::string text, const RuleSelection& rules) {
  auto file = std::make_shared<const SourceFile>(result.path, std::move(text));
  const bool params_file = is_bicepparam_path(result.path);
  BicepLoadResult loaded = load_bicep(file, params_file);
  for (const SyntaxError& e : loaded.syntax_errors) result.findings.push_back(resolve(syntax_finding(file, e)));
  if (!loaded.syntax_errors.empty()) result.status = FileResult::Status::SyntaxError;
  if (!params_file) {
    for (const Finding& f : check_template(*loaded.tmpl, rules)) result.findings.push_back(resolve(f));
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_order);
  return result;
}

}  // namespace

FileResult lint_text(const std::string& path, std::string text, bool explicitly_named, const RuleSelection& rules) {
  FileResult result;
  result.path = path;
  if (is_bicep_path(path) || is_bicepparam_path(path)) return lint_bicep(std::move(result), std::move(text), rules);
  // A parameter file met in a directory is linted with its template, not on its own.
  if (!explicitly_named && (!may_be_deployment_template(text) || is_arm_parameter_file_text(text))) {
    result.status = FileResult::Status::Skipped;
    result.error = "not an ARM deployment template";
    return result;
  }
  auto file = std::make_shared<const SourceFile>(path, std::move(text));
  ArmLoadResult loaded = load_arm_template(file);
  if (loaded.syntax_error) {
    result.status = FileResult::Status::SyntaxError;
    result.findings.push_back(resolve(syntax_finding(file, *loaded.syntax_error)));
    return result;
  }
  if (!loaded.is_template) {
    result.status = FileResult::Status::Skipped;
    result.error = "not an ARM deployment template (no deploymentTemplate $schema)";
    return result;
  }
  for (const Finding& f : check_template(*loaded.tmpl, rules)) result.findings.push_back(resolve(f));
  std::sort(result.findings.begin(), result.findings.end(), finding_order);
  return result;
}

FileResult lint_file(const std::string& path, bool explicitly_named, const RuleSelection& rules) {
  // Azure Resource Manager accepts templates up to 4 MB; far larger files are not read whole.
  constexpr size_t kMaxFileSize = 64u << 20;
  auto read_error = [&](int error) {
    FileResult r;
    r.path = path;
    r.status = FileResult::Status::ReadError;
    r.error = std::strerror(error);
    return r;
  };
  // POSIX calls, not streams: one open, fstat, read and close per file (a directory of small
  // Bicep files is otherwise dominated by per-file overhead).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return read_error(errno);
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return read_error(errno);
  const bool regular = S_ISREG(st.st_mode);
  const size_t size_on_disk = regular ? static_cast<size_t>(st.st_size) : 0;
  auto read_up_to = [&](std::string& out, size_t limit) -> int {
    // Appends what is left, until end of file or limit bytes (pipes and special files report no
    // size; a regular file costs one more read that finds the end).
    char chunk[16384];
    while (out.size() < limit) {
      const ssize_t n = ::read(fd, chunk, std::min(sizeof chunk, limit - out.size()));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return errno;
      if (n == 0) break;
      out.append(chunk, static_cast<size_t>(n));
    }
    return 0;
  };
  if (size_on_disk > kMaxFileSize) {
    FileResult r;
    r.path = path;
    std::string start;
    if (const int e = read_up_to(start, 64 * 1024); e != 0) return read_error(e);
    if (!explicitly_named && !may_be_deployment_template(start)) {
      r.status = FileResult::Status::Skipped;
      return r;
    }
    r.status = FileResult::Status::ReadError;
    r.error = "the file is larger than 64 MiB (" + std::to_string(size_on_disk >> 20) +
              " MiB); Azure Resource Manager accepts templates up to 4 MB";
    return r;
  }
  std::string text;
  text.resize(size_on_disk);
  size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return read_error(errno);
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  text.resize(got);
  if (!regular || got == size_on_disk) {
    // Anything after the expected size (a file that grew, or a pipe) is read too, up to the limit.
    if (const int e = read_up_to(text, kMaxFileSize + 1); e != 0) return read_error(e);
    if (text.size() > kMaxFileSize) {
      FileResult r;
      r.path = path;
      r.status = FileResult::Status::ReadError;
      r.error = "the file is larger than 64 MiB; Azure Resource Manager accepts templates up to 4 MB";
      return r;
    }
  }
  try {
    return lint_text(path, std::move(text), explicitly_named, rules);
  } catch (const std::exception& e) {
    // A bug must not stop the other files from being linted.
    FileResult r;
    r.path = path;
    r.status = FileResult::Status::ReadError;
    r.error = std::string("internal error while linting (please report this): ") + e.what();
    return r;
  }
}

}  // namespace idlint
