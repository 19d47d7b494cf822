#include "cli/generate.h"

#include <CLI/CLI.hpp>
#include <algorithm>

#include "cli/app.h"
#include "rules/rule.h"

namespace idlint {

namespace {

// What an option's value is, for completion.
enum class ValueKind { None, Choice, File, Dir, Rule, RuleList, Text };

struct OptionSpec {
  std::vector<std::string> shorts;  // "-o"
  std::vector<std::string> longs;   // "--output"
  std::string value;                // the value's name in --help ("FILE"); empty for a flag
  std::string description;
  std::string group;
  bool repeatable = false;
  ValueKind kind = ValueKind::None;
  std::vector<std::string> choices;

  std::vector<std::string> names() const {
    std::vector<std::string> all = shorts;
    all.insert(all.end(), longs.begin(), longs.end());
    return all;
  }
};

struct CommandSpec {
  std::string name;         // explain
  std::string value;        // ID
  std::string description;  // what --help says of it
};

struct Spec {
  std::string description;  // the App's, first line: what idlint is
  std::vector<OptionSpec> options;
  std::vector<std::string> groups;    // in --help's order
  std::string operand;                // PATH...
  std::vector<CommandSpec> commands;  // subcommands, whose one operand is a rule
};

// The kind of value an option takes, from the name --help gives it.
ValueKind value_kind(const std::string& value) {
  if (value.empty()) return ValueKind::None;
  if (value == "FILE" || value == "PATH" || value == "OLD" || value == "PATH...") return ValueKind::File;
  if (value == "DIR") return ValueKind::Dir;
  if (value == "ID") return ValueKind::Rule;
  if (value == "ID,...") return ValueKind::RuleList;
  return ValueKind::Text;
}

Spec read_spec(const CLI::App& app, const OptionChoices& choices) {
  Spec spec;
  const std::string description = app.get_description();
  // "idlint: checks ...": a sentence in the man page.
  spec.description = description.starts_with("idlint: ") ? "idlint " + description.substr(8) : description;
  std::replace(spec.description.begin(), spec.description.end(), '\n', ' ');
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;  // hidden from --help: hidden here too
    if (!opt->nonpositional()) {
      spec.operand = opt->get_option_text();
      continue;
    }
    OptionSpec o;
    for (const std::string& s : opt->get_snames()) o.shorts.push_back("-" + s);
    for (const std::string& l : opt->get_lnames()) o.longs.push_back("--" + l);
    o.value = opt->get_type_size_max() == 0 ? std::string() : opt->get_option_text();
    o.description = opt->get_description();
    o.group = opt->get_group();
    o.repeatable = !o.value.empty() && opt->get_expected_max() > 1;
    o.kind = value_kind(o.value);
    if (!o.longs.empty()) {
      if (const auto it = choices.find(o.longs.front()); it != choices.end()) {
        o.kind = ValueKind::Choice;
        o.choices = it->second;
      }
    }
    if (std::find(spec.groups.begin(), spec.groups.end(), o.group) == spec.groups.end()) spec.groups.push_back(o.group);
    spec.options.push_back(std::move(o));
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    CommandSpec c{sub->get_name(), "", sub->get_description()};
    for (const CLI::Option* opt : sub->get_options()) {
      if (!opt->nonpositional()) c.value = opt->get_option_text();
    }
    spec.commands.push_back(std::move(c));
  }
  return spec;
}

// The first part of a description, for the one line a shell shows beside a name: up to its first
// ';' or parenthesis, and its first ':' unless what comes before names an option ("With --baseline:").
std::string summary(const std::string& description) {
  std::string s = description.substr(0, std::min(description.find("; "), description.find(" (")));
  if (const size_t colon = s.find(": ");
      colon != std::string::npos && s.substr(0, colon).find("--") == std::string::npos) {
    s.resize(colon);
  }
  return s;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

std::string join(const std::vector<std::string>& words, const std::string& separator) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

std::vector<std::string> rule_words() {
  std::vector<std::string> words;
  for (const RuleInfo* rule : all_rules()) words.emplace_back(rule->id);
  for (const RuleInfo* rule : all_rules()) words.emplace_back(rule->name);
  return words;
}

// A rule's id or name with its summary, for the shells that show one.
std::vector<std::pair<std::string, std::string>> described_rules() {
  std::vector<std::pair<std::string, std::string>> rules;
  for (const RuleInfo* rule : all_rules()) rules.emplace_back(rule->id, rule->summary);
  for (const RuleInfo* rule : all_rules()) rules.emplace_back(rule->name, rule->summary);
  return rules;
}

// ---- man page ----

// Text for roff: a backslash printed as such, an option's '-' as a minus sign (so that it can be
// copied), and no line taken for a request.
std::string roff(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '(' || text[i - 1] == '\'' ||
                            text[i - 1] == '-' || text[i - 1] == '`')) {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

void man_page(std::ostream& out, const Spec& spec) {
  out << ".\\\" The idlint manual page, written by idlint --generate man.\n"
      << ".TH IDLINT 1 \"\" \"idlint " << IDLINT_VERSION << "\" \"User Commands\"\n"
      << ".SH NAME\n"
      << "idlint \\- lint the managed identities and customer-managed keys of Azure templates\n"
      << ".SH SYNOPSIS\n"
      << ".B idlint\n"
      << "[\\fIOPTIONS\\fR] [\\fI" << roff(spec.operand) << "\\fR]\n";
  for (const CommandSpec& c : spec.commands) {
    out << ".br\n.B idlint " << roff(c.name) << "\n\\fI" << roff(c.value) << "\\fR\n";
  }
  out << ".SH DESCRIPTION\n"
      << roff(spec.description) << "\n"
      << ".PP\n"
      << roff("Each " + spec.operand.substr(0, spec.operand.find('.')) +
              " is a file or a folder to lint (default: the current folder). Folders are walked recursively for .bicep "
              "and .bicepparam files and the .json and .jsonc files "
              "whose $schema is a deployment template schema; in a git repository, walks leave out what git "
              "ignores. Parameter files "
              "are linted with the templates they pair with, and local and registry modules are followed.")
      << "\n.PP\n"
      << roff(
             "Findings are printed with the exact line and column of the value to change; idlint needs no "
             "network and never runs anything a template contains.")
      << "\n.SH COMMANDS\n";
  for (const CommandSpec& c : spec.commands) {
    out << ".TP\n\\fBidlint " << roff(c.name) << "\\fR \\fI" << roff(c.value) << "\\fR\n"
        << roff(c.description) << ".\n";
  }
  out << ".SH OPTIONS\n";
  for (const std::string& group : spec.groups) {
    out << ".SS " << roff(group) << "\n";
    for (const OptionSpec& o : spec.options) {
      if (o.group != group) continue;
      std::vector<std::string> names;
      for (const std::string& name : o.names()) names.push_back("\\fB" + roff(name) + "\\fR");
      out << ".TP\n" << join(names, ", ");
      if (!o.value.empty()) out << " \\fI" << roff(o.value) << "\\fR";
      out << "\n" << roff(o.description) << (o.description.ends_with('.') ? "" : ".") << "\n";
      if (o.kind == ValueKind::Choice) {
        out << roff(o.value.substr(0, o.value.find('[')) + " is one of: " + join(o.choices, ", ")) << ".\n";
      }
    }
  }
  out << ".SH EXIT STATUS\n"
      << ".TP\n"
      << kExitClean << "\n"
      << "No finding at or above the fail level (\\fB\\-\\-fail\\-level\\fR, default: error).\n"
      << ".TP\n"
      << kExitFindings << "\n"
      << "At least one finding at or above the fail level that is not suppressed.\n"
      << ".TP\n"
      << kExitError << "\n"
      << "A usage error, an invalid configuration file, a baseline or base version that cannot be used, or a "
         "file that could not be read or parsed (every other file is still linted and reported).\n"
      << ".SH ENVIRONMENT\n"
      << ".TP\n.B HOME\n"
      << "The default module cache is $HOME/.bicep; a \\fB\\-\\-module\\-cache\\fR or \\fImoduleCache\\fR that starts "
         "with ~/ is read from $HOME.\n"
      << ".TP\n.B NO_COLOR\n"
      << "Set and not empty: no colour in text output (\\fB\\-\\-color always\\fR still has it).\n"
      << ".TP\n.B FORCE_COLOR\n"
      << "Set and not empty: colour in text output without a terminal (\\fB\\-\\-color never\\fR and "
         "\\fBNO_COLOR\\fR win).\n"
      << ".TP\n.B XDG_CONFIG_HOME\n"
      << "Where the user's git configuration and global excludes file are looked for (default: ~/.config).\n"
      << ".SH FILES\n"
      << ".TP\n.I idlint.jsonc\n"
      << "The configuration file: the nearest \\fIidlint.jsonc\\fR or \\fI.idlint.jsonc\\fR in a file's folder or "
         "above it, up to the repository root (rule levels, exclusions, overrides by path). "
         "\\fB\\-\\-config\\fR names one, \\fB\\-\\-no\\-config\\fR reads none.\n"
      << ".TP\n.I ~/.bicep\n"
      << "The Bicep module cache, where \\fBbicep restore\\fR puts registry modules (br: and ts:).\n"
      << ".SH SEE ALSO\n"
      << "\\fBidlint explain\\fR \\fIID\\fR and \\fBidlint \\-\\-list\\-rules\\fR for the rules; the README and "
         "the rule pages in /usr/share/doc/idlint; "
      << roff(IDLINT_HOMEPAGE) << "\n";
}

// ---- bash ----

// A word list for bash and fish: single-quoted.
std::string shell_quote(const std::string& s) { return "'" + replace_all(s, "'", "'\\''") + "'"; }

void bash_completion(std::ostream& out, const Spec& spec) {
  std::vector<std::string> all_names;
  std::vector<std::string> with_value;
  for (const OptionSpec& o : spec.options) {
    for (const std::string& n : o.names()) {
      all_names.push_back(n);
      if (!o.value.empty()) with_value.push_back(n);
    }
  }
  std::vector<std::string> command_names;
  for (const CommandSpec& c : spec.commands) command_names.push_back(c.name);

  out << "# bash completion for idlint " << IDLINT_VERSION << ", written by idlint --generate complete-bash.\n"
      << "_idlint() {\n"
      << "  local cur=${COMP_WORDS[COMP_CWORD]} prev='' i word operands=0\n"
      << "  local rules=" << shell_quote(join(rule_words(), " ")) << "\n"
      << "  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
      << "  # --option=value: bash splits the word at '='.\n"
      << "  if [[ $cur == '=' ]]; then\n"
      << "    cur=''\n"
      << "  elif [[ $prev == '=' ]] && ((COMP_CWORD > 1)); then\n"
      << "    prev=${COMP_WORDS[COMP_CWORD - 2]}\n"
      << "  fi\n"
      << "  COMPREPLY=()\n"
      << "  case $prev in\n";
  const auto case_of = [&](ValueKind kind) {
    std::vector<std::string> names;
    for (const OptionSpec& o : spec.options) {
      if (o.kind != kind) continue;
      for (const std::string& n : o.names()) names.push_back(n);
    }
    return join(names, "|");
  };
  for (const OptionSpec& o : spec.options) {
    if (o.kind != ValueKind::Choice) continue;
    out << "    " << join(o.names(), "|") << ")\n"
        << "      mapfile -t COMPREPLY < <(compgen -W " << shell_quote(join(o.choices, " ")) << " -- \"$cur\")\n"
        << "      return ;;\n";
  }
  out << "    " << case_of(ValueKind::File) << ")\n"
      << "      compopt -o filenames 2>/dev/null\n"
      << "      mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
      << "      return ;;\n"
      << "    " << case_of(ValueKind::Dir) << ")\n"
      << "      compopt -o filenames 2>/dev/null\n"
      << "      mapfile -t COMPREPLY < <(compgen -d -- \"$cur\")\n"
      << "      return ;;\n"
      << "    " << case_of(ValueKind::RuleList) << ")\n"
      << "      # a comma-separated list: the last item is completed\n"
      << "      if [[ $cur == *,* ]]; then\n"
      << "        mapfile -t COMPREPLY < <(compgen -W \"$rules\" -P \"${cur%,*},\" -- \"${cur##*,}\")\n"
      << "      else\n"
      << "        mapfile -t COMPREPLY < <(compgen -W \"$rules\" -- \"$cur\")\n"
      << "      fi\n"
      << "      return ;;\n"
      << "    " << case_of(ValueKind::Text) << ")\n"
      << "      return ;;\n"
      << "  esac\n"
      << "  # The words before this one: a command's operand is a rule.\n"
      << "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      << "    word=${COMP_WORDS[i]}\n"
      << "    case $word in\n"
      << "      " << join(with_value, "|") << ")\n"
      << "        [[ ${COMP_WORDS[i + 1]} == '=' ]] && ((i++))\n"
      << "        ((i++)) ;;\n"
      << "      -*) ;;\n"
      << "      " << join(command_names, "|") << ")\n"
      << "        ((operands == 0)) && {\n"
      << "          mapfile -t COMPREPLY < <(compgen -W \"$rules\" -- \"$cur\")\n"
      << "          return\n"
      << "        }\n"
      << "        ((operands++)) ;;\n"
      << "      *) ((operands++)) ;;\n"
      << "    esac\n"
      << "  done\n"
      << "  if [[ $cur == -* ]]; then\n"
      << "    mapfile -t COMPREPLY < <(compgen -W " << shell_quote(join(all_names, " ")) << " -- \"$cur\")\n"
      << "    return\n"
      << "  fi\n"
      << "  compopt -o filenames 2>/dev/null\n"
      << "  mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
      << "  if ((operands == 0)); then\n"
      << "    mapfile -t -O \"${#COMPREPLY[@]}\" COMPREPLY < <(compgen -W " << shell_quote(join(command_names, " "))
      << " -- \"$cur\")\n"
      << "  fi\n"
      << "}\n"
      << "complete -F _idlint idlint\n";
}

// ---- zsh ----

// Text inside a single-quoted _arguments spec: quotes closed and reopened, brackets and colons escaped.
std::string zsh_text(const std::string& s) {
  std::string out = replace_all(s, "\\", "\\\\");
  out = replace_all(out, "[", "\\[");
  out = replace_all(out, "]", "\\]");
  out = replace_all(out, ":", "\\:");
  return replace_all(out, "'", "'\\''");
}

void zsh_completion(std::ostream& out, const Spec& spec) {
  out << "#compdef idlint\n"
      << "# zsh completion for idlint " << IDLINT_VERSION << ", written by idlint --generate complete-zsh.\n\n"
      << "_idlint_rules() {\n"
      << "  local -a rules\n"
      << "  rules=(\n";
  for (const auto& [word, text] : described_rules()) out << "    '" << zsh_text(word) << ":" << zsh_text(text) << "'\n";
  out << "  )\n"
      << "  _describe -t rules 'rule' rules\n"
      << "}\n\n"
      << "_idlint_operand() {\n"
      << "  local -a commands\n"
      << "  commands=(\n";
  for (const CommandSpec& c : spec.commands)
    out << "    '" << zsh_text(c.name) << ":" << zsh_text(c.description) << "'\n";
  out << "  )\n"
      << "  _alternative 'commands:command:{_describe -t commands command commands}' 'files:file:_files'\n"
      << "}\n\n"
      << "_idlint() {\n"
      << "  local word\n"
      << "  for word in ${words[2,CURRENT-1]}; do\n";
  for (const CommandSpec& c : spec.commands) {
    out << "    if [[ $word == " << c.name << " ]]; then\n"
        << "      _idlint_rules\n"
        << "      return\n"
        << "    fi\n";
  }
  out << "  done\n"
      << "  _arguments -s -S \\\n";
  for (const OptionSpec& o : spec.options) {
    const std::vector<std::string> names = o.names();
    const std::string text = "[" + zsh_text(summary(o.description)) + "]";
    // The value's name and how zsh completes it.
    std::string action;
    switch (o.kind) {
      case ValueKind::None:
        break;
      case ValueKind::Choice:
        action = "(" + join(o.choices, " ") + ")";
        break;
      case ValueKind::File:
        action = "_files";
        break;
      case ValueKind::Dir:
        action = "_files -/";
        break;
      case ValueKind::Rule:
        action = "_idlint_rules";
        break;
      case ValueKind::RuleList:
        action = "_sequence _idlint_rules";
        break;
      case ValueKind::Text:
        action = " ";
        break;
    }
    if (!o.value.empty()) action = ":" + zsh_text(o.value) + ":" + action;
    // A name, and how its value follows it: the next word, or after '=' (long) or directly (short).
    const auto spelled = [&](const std::string& name) {
      if (o.value.empty()) return name;
      return name + (name.starts_with("--") ? "=" : "+");
    };
    // --help and --version stand alone; an option given once excludes its other spellings.
    std::string exclusion = o.repeatable ? "*" : "(" + join(names, " ") + ")";
    if (o.value.empty() &&
        (o.longs == std::vector<std::string>{"--help"} || o.longs == std::vector<std::string>{"--version"})) {
      exclusion = "(- *)";
    }
    if (names.size() == 1) {
      out << "    '" << (o.repeatable ? "*" : "") << spelled(names[0]) << text << action << "' \\\n";
    } else {
      std::vector<std::string> spellings;
      for (const std::string& n : names) spellings.push_back(spelled(n));
      out << "    '" << exclusion << "'{" << join(spellings, ",") << "}'" << text << action << "' \\\n";
    }
  }
  out << "    '1: :_idlint_operand' \\\n"
      << "    '*:" << zsh_text(spec.operand) << ":_files'\n"
      << "}\n\n"
      << "if [[ ${funcstack[1]} == _idlint ]]; then\n"
      << "  _idlint \"$@\"\n"
      << "else\n"
      << "  compdef _idlint idlint\n"
      << "fi\n";
}

// ---- fish ----

void fish_completion(std::ostream& out, const Spec& spec) {
  out << "# fish completion for idlint " << IDLINT_VERSION << ", written by idlint --generate complete-fish.\n\n"
      << "function __idlint_rules\n";
  for (const auto& [word, text] : described_rules()) {
    out << "    printf '%s\\t%s\\n' " << shell_quote(word) << " " << shell_quote(text) << "\n";
  }
  out << "end\n\n";
  std::vector<std::string> command_names;
  for (const CommandSpec& c : spec.commands) command_names.push_back(c.name);
  const std::string in_command = "__fish_seen_subcommand_from " + join(command_names, " ");
  for (const OptionSpec& o : spec.options) {
    out << "complete -c idlint";
    for (const std::string& s : o.shorts) out << " -s " << s.substr(1);
    for (const std::string& l : o.longs) out << " -l " << l.substr(2);
    switch (o.kind) {
      case ValueKind::None:
        break;
      case ValueKind::Choice:
        out << " -x -a " << shell_quote(join(o.choices, " "));
        break;
      case ValueKind::File:
        out << " -r -F";
        break;
      case ValueKind::Dir:
        out << " -x -a '(__fish_complete_directories (commandline -ct))'";
        break;
      case ValueKind::Rule:
      case ValueKind::RuleList:
        out << " -x -a '(__idlint_rules)'";
        break;
      case ValueKind::Text:
        out << " -x";
        break;
    }
    out << " -d " << shell_quote(summary(o.description)) << "\n";
  }
  for (const CommandSpec& c : spec.commands) {
    out << "complete -c idlint -n 'not " << in_command << "' -a " << shell_quote(c.name) << " -d "
        << shell_quote(c.description) << "\n";
  }
  out << "complete -c idlint -n " << shell_quote(in_command) << " -x -a '(__idlint_rules)'\n";
}

}  // namespace

const std::vector<std::pair<std::string, int>>& generate_kind_names() {
  static const std::vector<std::pair<std::string, int>> names = {
      {"man", static_cast<int>(GenerateKind::Man)},
      {"complete-bash", static_cast<int>(GenerateKind::Bash)},
      {"complete-zsh", static_cast<int>(GenerateKind::Zsh)},
      {"complete-fish", static_cast<int>(GenerateKind::Fish)},
  };
  return names;
}

void generate(std::ostream& out, GenerateKind kind, const CLI::App& app, const OptionChoices& choices) {
  const Spec spec = read_spec(app, choices);
  switch (kind) {
    case GenerateKind::Man:
      man_page(out, spec);
      break;
    case GenerateKind::Bash:
      bash_completion(out, spec);
      break;
    case GenerateKind::Zsh:
      zsh_completion(out, spec);
      break;
    case GenerateKind::Fish:
      fish_completion(out, spec);
      break;
  }
}

}  // namespace idlint
