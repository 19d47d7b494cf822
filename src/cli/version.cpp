#include "cli/version.h"

#include <cstddef>
#include <string_view>

#include "build_info.h"  // generated at every build by cmake/build_info.cmake
#include "rules/catalog.h"

namespace idlint {

namespace license_data {
extern const unsigned char bytes[];
extern const std::size_t size;
}  // namespace license_data
namespace notices_data {
extern const unsigned char bytes[];
extern const std::size_t size;
}  // namespace notices_data

namespace {

std::string_view text(const unsigned char* bytes, std::size_t size) {
  return {reinterpret_cast<const char*>(bytes), size};
}

}  // namespace

std::string version_text() {
  std::string out = std::string("idlint ") + IDLINT_VERSION;
  const std::string_view commit = IDLINT_GIT_COMMIT;
  if (!commit.empty()) {
    out += "\ncommit: ";
    out += commit;
    if (IDLINT_GIT_DIRTY) out += " (built with uncommitted changes)";
  }
  out += "\nidentity catalog: " + IdentityCatalog::builtin().source();
  out += "\nlicence: MIT (idlint --license prints it and the notices of the code idlint contains)";
  return out;
}

std::string license_text() {
  std::string out(text(license_data::bytes, license_data::size));
  out += '\n';
  out += text(notices_data::bytes, notices_data::size);
  return out;
}

}  // namespace idlint
