// Finding levels by name, as reporters print them.
#include "model/finding.h"

namespace idlint {

const char* level_name(Level level) {
  switch (level) {
    case Level::Note:
      return "note";
    case Level::Warning:
      return "warning";
    case Level::Error:
      return "error";
  }
  return "error";
}

}  // namespace idlint
