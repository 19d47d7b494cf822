#!/usr/bin/env python3
"""The GitHub Action (action.yml) run on scratch repositories, and the workflow files checked
against each other.

The action's steps are run as a runner runs a composite action's bash steps: `${{ … }}` is
evaluated in `env:` and `working-directory:` (the steps keep it out of `run:`), each script runs
with `bash --noprofile --norc -eo pipefail`, outputs are read from $GITHUB_OUTPUT. A pull request,
pushes, a clone without the base branch and fail-on-findings are run with the idlint under test
(the `idlint` input; building it again is the one step not run), and the SARIF written for the
pull request is checked with the official validator. Then the workflow in
docs/ci/github-code-scanning.md, the README's pre-commit snippet and .pre-commit-hooks.yaml are
checked against action.yml, CMakeLists.txt and each other.

Usage: tests/workflows_test.py IDLINT ROOT   (exit 77 when PyYAML is missing)
"""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print("skipped: PyYAML is not installed (scripts/install-deps --test installs python3-yaml)")
    sys.exit(77)

IDLINT = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(sys.argv[2])
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message)
    return condition


def load_yaml(path):
    with open(os.path.join(ROOT, path)) as f:
        return yaml.safe_load(f)


def git(cwd, *args):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


# --- Running the action -------------------------------------------------------------------------

ACTION = load_yaml("action.yml")
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def evaluate(text, context):
    def lookup(m):
        if m.group(1) not in context:
            raise KeyError(f"action.yml uses '{m.group(1)}', which this test does not provide")
        return context[m.group(1)]

    return EXPRESSION.sub(lookup, str(text))


def run_action(workspace, inputs, github, tmp):
    """Runs the steps; returns (failed step id or None, its exit status, action outputs, log)."""
    declared = ACTION["inputs"]
    unknown = set(inputs) - set(declared)
    if unknown:
        raise KeyError(f"not inputs of action.yml: {sorted(unknown)}")
    context = {"github.action_path": ROOT, "runner.temp": tmp}
    for name, spec in declared.items():
        context["inputs." + name] = str(inputs.get(name, spec.get("default", "")))
    for name in ("base_ref", "event.before"):
        context["github." + name] = github.get(name, "")
    log = ""
    for step in ACTION["runs"]["steps"]:
        output_file = os.path.join(tmp, "github-output")
        open(output_file, "w").close()
        env = dict(os.environ, GITHUB_OUTPUT=output_file, GITHUB_ACTION_PATH=ROOT)
        env.update({k: evaluate(v, context) for k, v in step.get("env", {}).items()})
        cwd = os.path.join(workspace, evaluate(step.get("working-directory", "."), context))
        script = os.path.join(tmp, "step.sh")
        with open(script, "w") as f:
            f.write(step["run"])
        r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=cwd, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        log += r.stdout
        with open(output_file) as f:
            for line in f.read().splitlines():
                name, _, value = line.partition("=")
                context[f"steps.{step['id']}.outputs.{name}"] = value
        if r.returncode != 0:
            return step["id"], r.returncode, action_outputs(context), log
    return None, 0, action_outputs(context), log


def action_outputs(context):
    """The action's outputs; None for one whose step did not set it."""
    return {name: context.get(EXPRESSION.fullmatch(spec["value"]).group(1)) for name, spec in ACTION["outputs"].items()}


def sarif_results(path):
    with open(path) as f:
        sarif = json.load(f)
    return sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
                  for r in sarif["runs"][0]["results"])


def action_structure():
    check(ACTION["runs"]["using"] == "composite", "action.yml: a composite action")
    for step in ACTION["runs"]["steps"]:
        check(step.get("shell") == "bash", f"action.yml step '{step.get('id')}': shell bash")
        check("${{" not in step["run"], f"action.yml step '{step.get('id')}': no ${{{{ … }}}} in run: (inputs go through env)")
        check("if" not in step, f"action.yml step '{step.get('id')}': no if: (this test does not evaluate it)")


def template(name):
    with open(os.path.join(ROOT, "tests", "workflows", name)) as f:
        return f.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def run_action_scenarios(tmp):
    # upstream: main has A (the server) then B (an unrelated file); the branch 'feature' forks at A
    # and changes the server (IDL022 against A) and adds a Bicep file with a spaced type (IDL001).
    # The templates are in tests/workflows/ (README.md there).
    upstream = os.path.join(tmp, "upstream")
    git(tmp, "init", "-q", "-b", "main", upstream)
    write(os.path.join(upstream, "infra", "pg.json"), template("server-before.json"))
    git(upstream, "add", ".")
    git(upstream, "commit", "-q", "-m", "server")
    a = git(upstream, "rev-parse", "HEAD")
    check(subprocess.run([IDLINT, "-q", "infra/pg.json"], cwd=upstream).returncode == 0, "set-up: the first version is clean")
    git(upstream, "checkout", "-q", "-b", "feature")
    write(os.path.join(upstream, "infra", "pg.json"), template("server-after.json"))
    write(os.path.join(upstream, "infra", "reporting.bicep"), template("spaced-identity-type.bicep"))
    git(upstream, "add", ".")
    git(upstream, "commit", "-q", "-m", "feature")
    check(subprocess.run([IDLINT, "-q", "infra/pg.json"], cwd=upstream).returncode == 0,
          "set-up: the changed server is clean on its own")
    git(upstream, "checkout", "-q", "main")
    write(os.path.join(upstream, "docs.md"), "notes\n")
    git(upstream, "add", ".")
    git(upstream, "commit", "-q", "-m", "docs")
    check(git(upstream, "rev-parse", "HEAD") != a, "set-up: main moved on after the fork")

    work = os.path.join(tmp, "work")
    git(tmp, "clone", "-q", upstream, work)
    git(work, "checkout", "-q", "feature")
    runner = os.path.join(tmp, "runner")
    os.mkdir(runner)

    print("== pull request into main, run in infra/")
    failed, status, out, log = run_action(work, {"idlint": IDLINT, "working-directory": "infra"},
                                          {"base_ref": "main"}, runner)
    print(log, end="")
    if check(failed is None, f"pull request: the action failed in step '{failed}' ({status})"):
        check(out["base"] == a, f"pull request: base is the merge base {a}, not '{out['base']}'")
        check(out["exit-code"] == "1", f"pull request: exit-code 1, not '{out['exit-code']}'")
        check(out["sarif-file"] == os.path.join(work, "infra", "idlint.sarif"), f"pull request: sarif-file is '{out['sarif-file']}'")
        results = sarif_results(out["sarif-file"])
        print("   results:", results)
        check(("IDL022", "infra/pg.json") in results, "pull request: IDL022 on infra/pg.json (the key identity removed)")
        check(("IDL001", "infra/reporting.bicep") in results, "pull request: IDL001 on infra/reporting.bicep")
        r = subprocess.run([os.path.join(ROOT, "scripts", "validate-sarif"), out["sarif-file"]], cwd=ROOT,
                           env=dict(os.environ, VALIDATE_SARIF_STRICT="1"), capture_output=True, text=True)
        print(r.stdout + r.stderr, end="")
        check(r.returncode == 0, "pull request: the SARIF report passes the validator")

    print("== push of the feature branch, paths on two lines")
    failed, status, out, log = run_action(work, {"idlint": IDLINT, "paths": "infra/pg.json\ninfra/reporting.bicep"},
                                          {"event.before": a}, runner)
    print(log, end="")
    if check(failed is None, f"push: the action failed in step '{failed}' ({status})"):
        check(out["base"] == a, f"push: base is the commit before the push {a}, not '{out['base']}'")
        results = sarif_results(out["sarif-file"])
        check(("IDL022", "infra/pg.json") in results and ("IDL001", "infra/reporting.bicep") in results,
              f"push: IDL022 and IDL001 reported, not {results}")

    print("== push of a new branch (no commit before), fail-on-findings")
    failed, status, out, log = run_action(work, {"idlint": IDLINT, "fail-on-findings": "true"},
                                          {"event.before": "0" * 40}, runner)
    print(log, end="")
    check(failed == "lint" and status == 1, f"new branch: the lint step fails with 1, not {failed} {status}")
    check(out["base"] == "" and out["exit-code"] == "1", f"new branch: no base, exit-code 1, not {out}")
    if check(out["sarif-file"] and os.path.isfile(out["sarif-file"]), "new branch: the report is written before the step fails"):
        results = sarif_results(out["sarif-file"])
        check(("IDL001", "infra/reporting.bicep") in results and not any(r[0] == "IDL022" for r in results),
              f"new branch: IDL001 and no transition finding, not {results}")

    print("== push to main: nothing wrong")
    clean = os.path.join(tmp, "clean")
    git(tmp, "clone", "-q", upstream, clean)
    failed, status, out, log = run_action(clean, {"idlint": IDLINT}, {"event.before": a}, runner)
    print(log, end="")
    if check(failed is None, f"clean: the action failed in step '{failed}' ({status})"):
        check(out["exit-code"] == "0" and out["base"] == a, f"clean: exit-code 0 against {a}, not {out}")
        check(sarif_results(out["sarif-file"]) == [], "clean: no results")

    print("== pull request into a branch the clone does not have (a checkout without fetch-depth: 0)")
    failed, status, out, log = run_action(work, {"idlint": IDLINT}, {"base_ref": "release"}, runner)
    print(log, end="")
    check(failed == "lint" and status == 2, f"no merge base: the lint step fails with 2, not {failed} {status}")
    check("fetch-depth: 0" in log, "no merge base: the error says to fetch the history")


# --- The workflow, the README and the hook against each other -------------------------------------

def yaml_blocks(path):
    with open(os.path.join(ROOT, path)) as f:
        return [yaml.safe_load(b) for b in re.findall(r"^```yaml\n(.*?)^```", f.read(), re.S | re.M)]


def homepage():
    with open(os.path.join(ROOT, "CMakeLists.txt")) as f:
        return re.search(r'set\(IDLINT_HOMEPAGE "([^"]+)"', f.read()).group(1)


def table_names(path, header):
    """The first column's `names` of the Markdown table whose header starts with `header`."""
    with open(os.path.join(ROOT, path)) as f:
        text = f.read()
    table = text[text.index(header):].split("\n\n")[0]
    return [m.group(1) for m in re.finditer(r"^\| `([^`]+)` \|", table, re.M)]


def check_workflow():
    doc = "docs/ci/github-code-scanning.md"
    blocks = [b for b in yaml_blocks(doc) if isinstance(b, dict) and "jobs" in b]
    if not check(len(blocks) == 1, f"{doc}: one complete workflow"):
        return
    workflow = blocks[0]
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    check("pull_request" in triggers and "push" in triggers, f"{doc}: pull_request and push triggers")
    check(workflow["permissions"].get("security-events") == "write", f"{doc}: permissions security-events: write")
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    checkout = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
    check(len(checkout) == 1 and checkout[0].get("with", {}).get("fetch-depth") == 0, f"{doc}: checkout with fetch-depth 0")
    repository = re.sub(r"^https://github\.com/", "", homepage())
    ours = [s for s in steps if s.get("uses", "").startswith(repository + "@")]
    if not check(len(ours) == 1 and "id" in ours[0], f"{doc}: one step uses {repository}@…, with an id"):
        return
    action_id = ours[0]["id"]
    for name in ours[0].get("with", {}):
        check(name in ACTION["inputs"], f"{doc}: input '{name}' is not in action.yml")
    text = yaml.safe_dump(workflow)
    for step_id, name in re.findall(r"steps\.([\w-]+)\.outputs\.([\w-]+)", text):
        check(step_id == action_id and name in ACTION["outputs"], f"{doc}: steps.{step_id}.outputs.{name} is no output of the action")
    upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    check(len(upload) == 1 and upload[0]["with"]["sarif_file"] == "${{ steps.%s.outputs.sarif-file }}" % action_id,
          f"{doc}: upload-sarif uploads the action's sarif-file output")
    check(steps.index(upload[0]) > steps.index(ours[0]), f"{doc}: the upload comes after the action")
    check(table_names(doc, "| input |") == list(ACTION["inputs"]), f"{doc}: the inputs table lists action.yml's inputs in order")
    check(table_names(doc, "| output |") == list(ACTION["outputs"]), f"{doc}: the outputs table lists action.yml's outputs in order")


def check_pre_commit():
    hooks = load_yaml(".pre-commit-hooks.yaml")
    ids = [h["id"] for h in hooks]
    check(ids == ["idlint"], ".pre-commit-hooks.yaml: one hook, id idlint")
    hook = hooks[0]
    check(hook["language"] == "system" and hook.get("pass_filenames", True), ".pre-commit-hooks.yaml: language system, file names passed")
    check("idlint --base HEAD" in hook["entry"], ".pre-commit-hooks.yaml: compares with HEAD")
    files = re.compile(hook["files"])
    for name in ["a.json", "infra/b.jsonc", "main.bicep", "dev.bicepparam"]:
        check(files.search(name), f".pre-commit-hooks.yaml: '{name}' is linted")
    for name in ["a.yaml", "a.json.bak", "main.bicep.txt", "bicep", "notes.md"]:
        check(not files.search(name), f".pre-commit-hooks.yaml: '{name}' is not linted")

    configs = [b for b in yaml_blocks("README.md") if isinstance(b, dict) and "repos" in b]
    if check(len(configs) == 1, "README.md: one .pre-commit-config.yaml snippet"):
        repo = configs[0]["repos"][0]
        check(repo["repo"] == homepage(), f"README.md: the pre-commit repo is IDLINT_HOMEPAGE {homepage()}")
        check(bool(repo.get("rev")), "README.md: the pre-commit snippet names a rev")
        check([h["id"] for h in repo["hooks"]] == ids, "README.md: the pre-commit snippet uses the hook id")
    with open(os.path.join(ROOT, "README.md")) as f:
        readme = f.read()
    for link in ["docs/ci/github-code-scanning.md", "action.yml", "docs/editors.md"]:
        check(f"]({link})" in readme and os.path.isfile(os.path.join(ROOT, link)), f"README.md: links {link}")


action_structure()
with tempfile.TemporaryDirectory() as tmp:
    home = os.path.join(tmp, "home")
    os.mkdir(home)
    gitconfig = os.path.join(tmp, "gitconfig")
    with open(gitconfig, "w") as f:
        f.write("[user]\n\temail = test@example.invalid\n\tname = idlint test\n")
    os.environ.update(HOME=home, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=gitconfig)
    run_action_scenarios(tmp)
check_workflow()
check_pre_commit()
print(f"{len(failures)} failures" if failures else "all checks passed")
sys.exit(1 if failures else 0)
