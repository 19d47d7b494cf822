// idlintFingerprint/v1 values (the material and hash must never change: baselines depend on them).
#include "report/fingerprint.h"

#include <cstdint>
#include <cstdio>

#include "model/value.h"
#include "report/report.h"

namespace idlint {
namespace {

// 64-bit FNV-1a, twice with different offsets, for a 128-bit hex fingerprint.
std::string hash(const std::string& material) {
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

}  // namespace

std::string Fingerprinter::next(const ResolvedFinding& f) {
  bool inside = false;
  const std::string material = std::string(f.rule->id) + "\n" + relative_uri(f.primary.path, base_, inside) + "\n" +
                               f.logical + "\n" + std::string(trim_blanks(f.primary.line_text));
  const int occurrence = ++occurrences_[material];
  return hash(material) + ":" + std::to_string(occurrence);
}

}  // namespace idlint
