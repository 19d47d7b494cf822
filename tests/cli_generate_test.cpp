// idlint --generate: the man page and the shell completions are written from the command line's
// definitions, so every option of --help is in each; the completions are run in their shells.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "rules/rule.h"
#include "support.h"

using namespace idlint::test;

namespace {

std::string generated(const std::string& kind) {
  const RunResult r = run_idlint({"--generate", kind});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  return r.out;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The long options --help lists.
std::set<std::string> help_options() {
  const RunResult help = run_idlint({"--help"});
  REQUIRE(help.exit_code == 0);
  std::set<std::string> names;
  const std::regex option(R"(^  (?:-\w,)?(--[a-z][a-z-]*))");
  for (const std::string& line : lines(help.out)) {
    std::smatch m;
    if (std::regex_search(line, m, option)) names.insert(m[1]);
  }
  return names;
}

// What the bash completion offers for the words of a command line (the last is being completed).
std::vector<std::string> bash_complete(const std::string& script, const std::vector<std::string>& words,
                                       const std::string& cwd = ".") {
  std::string array;
  for (const std::string& w : words) array += " " + shell_quoted(w);
  const std::string program = "source " + shell_quoted(script) + "; COMP_WORDS=(" + array +
                              "); COMP_CWORD=" + std::to_string(words.size() - 1) +
                              "; _idlint; for w in \"${COMPREPLY[@]}\"; do printf '%s\\n' \"$w\"; done";
  const RunResult r = run_command({"bash", "--norc", "-c", program}, cwd);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  std::vector<std::string> out = lines(r.out);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> rule_ids_starting(const std::string& prefix) {
  std::vector<std::string> ids;
  for (const idlint::RuleInfo* rule : idlint::all_rules()) {
    if (rule->id.starts_with(prefix)) ids.emplace_back(rule->id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

TEST_CASE("--generate: every long option of --help is in the man page and each completion") {
  const std::set<std::string> options = help_options();
  // The groups' options and the ungrouped ones: a parse of --help that found few would test nothing.
  REQUIRE(options.size() >= 25);
  CHECK(options.count("--generate") == 1);
  CHECK(options.count("--write-rule-docs") == 0);  // hidden from --help
  const std::string man = generated("man");
  const std::string bash = generated("complete-bash");
  const std::string zsh = generated("complete-zsh");
  const std::string fish = generated("complete-fish");
  for (const std::string& name : options) {
    CAPTURE(name);
    CHECK(man.find("\\fB\\-\\-" + name.substr(2) + "\\fR") != std::string::npos);
    CHECK(std::regex_search(bash, std::regex("[ '|]" + name + "[ '|)]")));
    CHECK(std::regex_search(zsh, std::regex("[',{*]" + name + "[=\\[,}]")));
    CHECK(fish.find("-l " + name.substr(2) + " ") != std::string::npos);
  }
  // A hidden option is in none of them.
  for (const std::string* text : {&man, &bash, &zsh, &fish}) CHECK(text->find("write-rule-docs") == std::string::npos);
}

TEST_CASE("--generate takes man, complete-bash, complete-zsh or complete-fish") {
  const RunResult r = run_idlint({"--generate", "powershell"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "idlint: error: --generate: 'powershell' is not a kind: use man, complete-bash, complete-zsh or "
        "complete-fish\nRun 'idlint --help' for usage.\n");
}

TEST_CASE("--generate man: a man page with the version, every section, and no warning from groff") {
  const std::string man = generated("man");
  CHECK(man.find(".TH IDLINT 1 \"\" \"idlint " IDLINT_VERSION "\"") != std::string::npos);
  for (const char* section :
       {"NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS", "ENVIRONMENT", "FILES", "SEE ALSO"}) {
    CAPTURE(section);
    CHECK(man.find(std::string("\n.SH ") + section + "\n") != std::string::npos);
  }
  // The options by --help's groups, and the names an option takes.
  for (const char* group : {"Input", "Rules", "Configuration", "Output", "Comparison"}) {
    CAPTURE(group);
    CHECK(man.find(std::string("\n.SS ") + group + "\n") != std::string::npos);
  }
  CHECK(man.find("FORMAT is one of: text, sarif, json, github, azure, gitlab, junit, checkstyle.\n") !=
        std::string::npos);
  CHECK(man.find("LEVEL is one of: error, warning, note, none.\n") != std::string::npos);
  CHECK(man.find("idlint.jsonc") != std::string::npos);

  TempDir dir;
  const std::string page = dir.put("idlint.1", man);
  const RunResult groff = run_command({"groff", "-man", "-ww", "-z", page});
  CHECK(groff.exit_code == 0);
  CHECK(groff.err == "");
  // As man shows it: the exit codes and an option with its description.
  const RunResult text = run_command({"sh", "-c", "MANWIDTH=80 man -l " + shell_quoted(page) + " | col -bx"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("EXIT STATUS") != std::string::npos);
  CHECK(std::regex_search(text.out, std::regex("\n +--fail-level LEVEL\n +Exit +1 +when +a +finding")));
  CHECK(std::regex_search(text.out, std::regex("\n +-o, --output FILE\n")));
}

TEST_CASE("--generate complete-bash: options, their names, rules and files complete in bash") {
  TempDir dir;
  const std::string script = dir.put("idlint.bash", generated("complete-bash"));
  CHECK(bash_complete(script, {"idlint", "--format", "s"}) == std::vector<std::string>{"sarif"});
  CHECK(bash_complete(script, {"idlint", "--format", "=", "j"}) == std::vector<std::string>{"json", "junit"});
  CHECK(bash_complete(script, {"idlint", "--fail-level", ""}) ==
        std::vector<std::string>{"error", "none", "note", "warning"});
  CHECK(bash_complete(script, {"idlint", "--color", ""}) == std::vector<std::string>{"always", "auto", "never"});
  CHECK(bash_complete(script, {"idlint", "--generate", "complete-"}) ==
        std::vector<std::string>{"complete-bash", "complete-fish", "complete-zsh"});
  const std::vector<std::string> ids = rule_ids_starting("IDL00");
  REQUIRE(ids.size() >= 5);
  CHECK(bash_complete(script, {"idlint", "explain", "IDL00"}) == ids);
  CHECK(bash_complete(script, {"idlint", "-q", "explain", "identity-type-inv"}) ==
        std::vector<std::string>{"identity-type-invalid"});
  // --rule and --disable: the last item of a comma-separated list.
  std::vector<std::string> listed;
  for (const std::string& id : ids) listed.push_back("IDL001," + id);
  CHECK(bash_complete(script, {"idlint", "--disable", "IDL001,IDL00"}) == listed);
  CHECK(bash_complete(script, {"idlint", "--no-conf"}) == std::vector<std::string>{"--no-config"});

  // Paths: files and folders for an operand or a FILE, folders only for a DIR; the command only as
  // the first operand.
  dir.put("work/explained.json");
  dir.put("work/exdir/a.bicep");
  const std::string work = dir.root + "/work";
  CHECK(bash_complete(script, {"idlint", "ex"}, work) ==
        std::vector<std::string>{"exdir", "explain", "explained.json"});
  CHECK(bash_complete(script, {"idlint", "main.json", "ex"}, work) ==
        std::vector<std::string>{"exdir", "explained.json"});
  CHECK(bash_complete(script, {"idlint", "--format", "json", "ex"}, work) ==
        std::vector<std::string>{"exdir", "explain", "explained.json"});
  CHECK(bash_complete(script, {"idlint", "--config", "ex"}, work) ==
        std::vector<std::string>{"exdir", "explained.json"});
  CHECK(bash_complete(script, {"idlint", "--module-cache", "ex"}, work) == std::vector<std::string>{"exdir"});
  // A value that is free text offers nothing.
  CHECK(bash_complete(script, {"idlint", "--base", "ex"}, work).empty());
}

TEST_CASE("--generate complete-zsh and complete-fish: scripts their shells read; fish offers the names") {
  TempDir dir;
  const std::string zsh = dir.put("_idlint", generated("complete-zsh"));
  const RunResult zsh_check = run_command({"zsh", "-n", zsh});
  CHECK(zsh_check.exit_code == 0);
  CHECK(zsh_check.err == "");
  CHECK(read_file(zsh).rfind("#compdef idlint\n", 0) == 0);
  // Found in fpath, compinit binds it to idlint.
  const RunResult bound = run_command({"zsh", "-f", "-c",
                                       "fpath=(" + shell_quoted(dir.root) +
                                           " $fpath); autoload -U compinit && compinit -u -D; "
                                           "print -r -- ${_comps[idlint]}"});
  CHECK(bound.exit_code == 0);
  CHECK(bound.out == "_idlint\n");

  const std::string fish = dir.put("idlint.fish", generated("complete-fish"));
  const RunResult fish_check = run_command({"fish", "-n", fish});
  CHECK(fish_check.exit_code == 0);
  CHECK(fish_check.err == "");
  const auto fish_complete = [&](const std::string& line) {
    const RunResult r = run_command(
        {"fish", "--no-config", "-c", "source " + shell_quoted(fish) + "; complete -C " + shell_quoted(line)});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err == "");
    std::vector<std::string> words;
    for (const std::string& l : lines(r.out)) words.push_back(l.substr(0, l.find('\t')));
    std::sort(words.begin(), words.end());
    return words;
  };
  CHECK(fish_complete("idlint --format ") ==
        std::vector<std::string>{"azure", "checkstyle", "github", "gitlab", "json", "junit", "sarif", "text"});
  CHECK(fish_complete("idlint --fail-level ") == std::vector<std::string>{"error", "none", "note", "warning"});
  CHECK(fish_complete("idlint explain IDL00") == rule_ids_starting("IDL00"));
  CHECK(fish_complete("idlint --no-conf") == std::vector<std::string>{"--no-config"});
}
