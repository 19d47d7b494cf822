// `idlint --generate KIND`: the man page and the shell completions, written from the command line's
// own definitions (the CLI11 App, the names an option accepts, the rule registry), so that they
// cannot drift from what idlint accepts.
#pragma once
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace idlint {

enum class GenerateKind { Man, Bash, Zsh, Fish };

// The values of --generate, as the command line takes them.
const std::vector<std::pair<std::string, int>>& generate_kind_names();

// The names an option accepts, by its long name ("--format": text, sarif, ...).
using OptionChoices = std::map<std::string, std::vector<std::string>>;

void generate(std::ostream& out, GenerateKind kind, const CLI::App& app, const OptionChoices& choices);

}  // namespace idlint
