// What `idlint --version` and `idlint --license` print.
#pragma once

#include <string>

namespace idlint {

// "idlint 0.1.0" on the first line (what scripts read), then the git commit the binary was built
// from (when built from a git checkout of idlint), the identity catalog's source and the licence.
// No trailing newline.
std::string version_text();

// LICENSE followed by THIRD_PARTY_NOTICES.md, as compiled into the binary.
std::string license_text();

}  // namespace idlint
