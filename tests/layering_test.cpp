// The include directions of docs/architecture.md: each folder of src/ includes only from the
// layers below it, so the model never depends on a loader and rules never on the engine.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support.h"

namespace fs = std::filesystem;

namespace {

// Each layer and the layers it may include from (itself included).
const std::map<std::string, std::set<std::string>> kAllowed = {
    {"model", {"model"}},
    {"expr", {"model", "expr"}},
    {"load", {"model", "expr", "load"}},
    {"rules", {"model", "expr", "load", "rules"}},
    {"engine", {"model", "expr", "load", "rules", "engine"}},
    {"report", {"model", "expr", "load", "rules", "engine", "report"}},
    {"cli", {"model", "expr", "load", "rules", "engine", "report", "cli"}},
};

// "src/rules/rule.h:6: includes engine/finding.h" for each include that goes the wrong way.
std::vector<std::string> wrong_includes(const fs::path& src) {
  const std::regex include(R"(^\s*#\s*include\s*"([a-z_]+)/[^"]*")");
  std::vector<std::string> wrong;
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext != ".h" && ext != ".cpp") continue;
    const std::string layer = fs::relative(entry.path(), src).begin()->string();
    const auto allowed = kAllowed.find(layer);
    if (allowed == kAllowed.end()) {
      wrong.push_back(entry.path().string() + ": in src/" + layer + ", which is no layer of docs/architecture.md");
      continue;
    }
    std::ifstream in(entry.path());
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      std::smatch m;
      if (std::regex_search(line, m, include) && kAllowed.count(m[1].str()) && !allowed->second.count(m[1].str())) {
        wrong.push_back(fs::relative(entry.path(), src.parent_path()).string() + ":" + std::to_string(number) +
                        ": includes " + m[1].str() + "/ (" + layer + " may include only from lower layers)");
      }
    }
  }
  return wrong;
}

}  // namespace

TEST_CASE("every source folder includes only from the layers below it") {
  const fs::path src = fs::path(IDLINT_SOURCE_DIR) / "src";
  REQUIRE(fs::is_directory(src / "model"));
  const std::vector<std::string> wrong = wrong_includes(src);
  std::string listed;
  for (const std::string& w : wrong) listed += w + "\n";
  CHECK_MESSAGE(wrong.empty(), listed);
}

TEST_CASE("the layering check finds an include that goes the wrong way") {
  idlint::test::TempDir dir;
  dir.put("src/model/ok.h", "#include \"model/value.h\"\n");
  dir.put("src/rules/rule.h", "// rule\n#include \"model/ok.h\"\n  #include \"engine/finding.h\"\n");
  const std::vector<std::string> wrong = wrong_includes(fs::path(dir.root) / "src");
  REQUIRE(wrong.size() == 1);
  CHECK(wrong[0] == "src/rules/rule.h:3: includes engine/ (rules may include only from lower layers)");
}
