#!/usr/bin/env python3
"""The GitHub Action (action.yml) run on scratch repositories, and the workflow files checked
against each other.

The action's steps are run as a runner runs a composite action's bash steps: `${{ … }}` is
evaluated in `env:` and `working-directory:` (the steps keep it out of `run:`), each script runs
with `bash --noprofile --norc -eo pipefail`, outputs are read from $GITHUB_OUTPUT. Steps that `uses:`
another action (actions/cache) are not run: their structure is checked, and what they do is
played by the test (a binary left in the cache folder between two runs). A pull request,
pushes, a clone without the base branch and fail-on-findings are run with the idlint under test
(the `idlint` input), and the SARIF written for the pull request is checked with the official
validator. The other ways to get idlint are run too: `version:` downloads from a fake release in a
local folder (IDLINT_RELEASES_URL, for tests only), with a right, a wrong and a missing checksum;
a build from a stand-in source folder whose CMakeLists.txt builds a small program that runs the
idlint under test (building idlint itself takes minutes), reused from the cache folder the second
time. Then the workflow in
docs/ci/github-code-scanning.md, the README's pre-commit snippet and .pre-commit-hooks.yaml are
checked against action.yml, CMakeLists.txt and each other.

Usage: tests/workflows_test.py IDLINT ROOT   (exit 77 when PyYAML is missing)
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    # Skipped (CTest exit 77) outside CI; under CI=true, where scripts/test installs it, failed.
    if os.environ.get("CI") == "true":
        print("FAILED: PyYAML is not installed (CI=true: scripts/test installs python3-yaml)")
        sys.exit(1)
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


def run_action(workspace, inputs, github, tmp, action_path=ROOT, env=None):
    """Runs the steps; returns (failed step id or None, its exit status, action outputs, log)."""
    declared = ACTION["inputs"]
    unknown = set(inputs) - set(declared)
    if unknown:
        raise KeyError(f"not inputs of action.yml: {sorted(unknown)}")
    context = {"github.action_path": action_path, "runner.temp": tmp}
    for name, spec in declared.items():
        context["inputs." + name] = str(inputs.get(name, spec.get("default", "")))
    for name in ("base_ref", "event.before", "action_repository"):
        context["github." + name] = github.get(name, "")
    log = ""
    for step in ACTION["runs"]["steps"]:
        if "uses" in step:
            continue  # actions/cache: see action_structure
        output_file = os.path.join(tmp, "github-output")
        open(output_file, "w").close()
        env_vars = dict(os.environ, GITHUB_OUTPUT=output_file, GITHUB_ACTION_PATH=action_path, **(env or {}))
        env_vars.update({k: evaluate(v, context) for k, v in step.get("env", {}).items()})
        cwd = os.path.join(workspace, evaluate(step.get("working-directory", "."), context))
        script = os.path.join(tmp, "step.sh")
        with open(script, "w") as f:
            f.write(step["run"])
        r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=cwd, env=env_vars,
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
    steps = ACTION["runs"]["steps"]
    for step in steps:
        if "uses" in step:
            check(re.fullmatch(r"actions/[\w-]+@v\d+", step["uses"]), f"action.yml: '{step['uses']}' is an actions/ action pinned to a version tag")
            continue
        check(step.get("shell") == "bash", f"action.yml step '{step.get('id')}': shell bash")
        check("${{" not in step["run"], f"action.yml step '{step.get('id')}': no ${{{{ … }}}} in run: (inputs go through env)")
        check("if" not in step, f"action.yml step '{step.get('id')}': no if: (this test does not evaluate it)")
    ids = [s.get("id", s.get("uses")) for s in steps]
    check(ids == ["setup", "actions/cache@v4", "build", "lint"], f"action.yml: steps setup, cache, build, lint, not {ids}")
    for name, spec in ACTION["inputs"].items():
        check(spec.get("description"), f"action.yml: input '{name}' has a description")
    check(ACTION["inputs"]["fail-on-findings"]["default"] == "true", "action.yml: fail-on-findings defaults to true")
    for name, spec in ACTION["outputs"].items():
        step_id = re.fullmatch(r"\$\{\{ steps\.([\w-]+)\.outputs\.[\w-]+ \}\}", spec["value"])
        check(step_id and step_id.group(1) in ids, f"action.yml: output '{name}' is a step's output")
    # The cache: only when building; the folder the build step keeps the binary in; a key that
    # names the runner's system and architecture and the setup step's hash of the sources.
    cache = next((s for s in steps if s.get("uses", "").startswith("actions/cache@")), None)
    build = next((s for s in steps if s.get("id") == "build"), None)
    if check(cache and build, "action.yml: a cache step and a build step"):
        check(cache.get("if") == "steps.setup.outputs.mode == 'build'", f"action.yml: the cache is used when building, not '{cache.get('if')}'")
        check(cache["with"]["path"] == build["env"]["BIN_DIR"], "action.yml: the cache keeps the build step's BIN_DIR")
        key = cache["with"]["key"]
        for part in ["${{ runner.os }}", "${{ runner.arch }}", "${{ steps.setup.outputs.key }}"]:
            check(part in key, f"action.yml: the cache key has {part}")


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

    print("== pull request into main, run in infra/ (fail-on-findings: its default, true)")
    failed, status, out, log = run_action(work, {"idlint": IDLINT, "working-directory": "infra"},
                                          {"base_ref": "main"}, runner)
    print(log, end="")
    check(failed == "lint" and status == 1, f"pull request: the lint step fails with 1 (findings), not {failed} {status}")
    check(out["base"] == a, f"pull request: base is the merge base {a}, not '{out['base']}'")
    check(out["exit-code"] == "1", f"pull request: exit-code 1, not '{out['exit-code']}'")
    check(out["sarif-file"] == os.path.join(work, "infra", "idlint.sarif"), f"pull request: sarif-file is '{out['sarif-file']}'")
    # The annotations: paths from the repository root (as GitHub places them), the rule as title.
    check(re.search(r"^::error file=infra/reporting\.bicep,line=10,col=11,endLine=10,endColumn=\d+,"
                    r"title=IDL001 identity-type-invalid::'SystemAssigned, UserAssigned' is not accepted", log, re.M),
          "pull request: the IDL001 annotation on infra/reporting.bicep:10:11")
    check(re.search(r"^::error file=infra/pg\.json,line=\d+,col=\d+,.*title=IDL022 cmk-identity-removed::", log, re.M),
          "pull request: the IDL022 annotation on infra/pg.json")
    if check(out["sarif-file"] and os.path.isfile(out["sarif-file"]), "pull request: the report is written before the step fails"):
        results = sarif_results(out["sarif-file"])
        print("   results:", results)
        check(("IDL022", "infra/pg.json") in results, "pull request: IDL022 on infra/pg.json (the key identity removed)")
        check(("IDL001", "infra/reporting.bicep") in results, "pull request: IDL001 on infra/reporting.bicep")
        r = subprocess.run([os.path.join(ROOT, "scripts", "validate-sarif"), out["sarif-file"]], cwd=ROOT,
                           env=dict(os.environ, VALIDATE_SARIF_STRICT="1"), capture_output=True, text=True)
        print(r.stdout + r.stderr, end="")
        check(r.returncode == 0, "pull request: the SARIF report passes the validator")

    print("== push of the feature branch, paths on two lines, fail-on-findings: false")
    failed, status, out, log = run_action(work, {"idlint": IDLINT, "paths": "infra/pg.json\ninfra/reporting.bicep",
                                                 "fail-on-findings": "false"},
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

    run_download_scenarios(tmp, clean, a)
    run_build_scenarios(tmp, clean, a)


def run_download_scenarios(tmp, clean, a):
    """`version:`: a fake release in a folder, reached through IDLINT_RELEASES_URL (file://)."""
    releases = os.path.join(tmp, "releases")
    folder = os.path.join(releases, "example", "idlint", "releases", "download", "v0.1.0")
    os.makedirs(folder)
    asset = f"idlint-0.1.0-linux-{os.uname().machine}"
    with open(IDLINT, "rb") as f:
        binary = f.read()
    with open(os.path.join(folder, asset), "wb") as f:
        f.write(binary)
    digest = hashlib.sha256(binary).hexdigest()
    other = "idlint-0.1.0-linux-" + ("aarch64" if os.uname().machine != "aarch64" else "x86_64")

    def sums(lines):
        write(os.path.join(folder, "SHA256SUMS"), "".join(f"{h}  {n}\n" for h, n in lines))

    def download(name, inputs, github, runner_name):
        print(f"== {name}")
        runner = os.path.join(tmp, runner_name)
        os.makedirs(runner, exist_ok=True)
        result = run_action(clean, inputs, github, runner, env={"IDLINT_RELEASES_URL": "file://" + releases})
        print(result[3], end="")
        return result

    sums([("0" * 64, other), (digest, asset), ("1" * 64, "idlint_0.1.0_amd64.deb")])
    failed, status, out, log = download("version 0.1.0 from the action's repository", {"version": "0.1.0"},
                                        {"event.before": a, "action_repository": "example/idlint"}, "runner-download")
    if check(failed is None, f"download: the action failed in step '{failed}' ({status})"):
        check(f"idlint: file://{releases}/example/idlint/releases/download/v0.1.0/{asset}, SHA-256 {digest} as in SHA256SUMS" in log,
              "download: the log names the binary downloaded and its checksum")
        check(out["exit-code"] == "0" and sarif_results(out["sarif-file"]) == [], f"download: the downloaded idlint linted, not {out}")
    failed, status, out, log = download("version v0.1.0 from the repository input", {"version": "v0.1.0", "repository": "example/idlint"},
                                        {"event.before": a, "action_repository": "someone/else"}, "runner-download-input")
    check(failed is None, f"download, repository input: the action failed in step '{failed}' ({status})")

    failed, status, out, log = download("a version without a repository", {"version": "0.1.0"}, {"event.before": a}, "runner-no-repo")
    check(failed == "build" and status == 2 and "set the repository input" in log,
          f"no repository: the build step fails with 2 and asks for the repository input, not {failed} {status}")

    sums([(digest[:-1] + ("0" if digest[-1] != "0" else "1"), asset)])
    failed, status, out, log = download("a checksum that does not match", {"version": "0.1.0"},
                                        {"event.before": a, "action_repository": "example/idlint"}, "runner-mismatch")
    check(failed == "build" and status == 2, f"checksum mismatch: the build step fails with 2, not {failed} {status}")
    check(f"::error::idlint: {asset} does not match SHA256SUMS of release v0.1.0 (expected " in log,
          "checksum mismatch: the error says the binary does not match")
    check(out["exit-code"] is None, "checksum mismatch: idlint is not run")
    check(not os.path.exists(os.path.join(tmp, "runner-mismatch", "idlint-bin", asset)), "checksum mismatch: the binary is removed")

    sums([("0" * 64, other)])
    failed, status, out, log = download("no checksum for the binary", {"version": "0.1.0"},
                                        {"event.before": a, "action_repository": "example/idlint"}, "runner-no-entry")
    check(failed == "build" and status == 2 and f"SHA256SUMS of release v0.1.0 has no entry for {asset}" in log,
          f"no checksum: the build step fails with 2 and says so, not {failed} {status}")

    failed, status, out, log = download("a version that was not released", {"version": "9.9.9"},
                                        {"event.before": a, "action_repository": "example/idlint"}, "runner-no-release")
    check(failed == "build" and status == 2 and "could not download" in log and "is there a release v9.9.9" in log,
          f"no release: the build step fails with 2 and says so, not {failed} {status}")


def run_build_scenarios(tmp, clean, a):
    """Building, then the cache: a stand-in source folder builds a program that runs the idlint
    under test, and scripts/install-deps only says it ran."""
    source = os.path.join(tmp, "source")
    write(os.path.join(source, "scripts", "install-deps"), "#!/bin/sh\necho 'install-deps ran'\n")
    os.chmod(os.path.join(source, "scripts", "install-deps"), 0o755)
    write(os.path.join(source, "CMakeLists.txt"),
          "cmake_minimum_required(VERSION 3.25)\nproject(standin LANGUAGES CXX)\nadd_executable(idlint main.cpp)\n")
    write(os.path.join(source, "main.cpp"),
          "#include <unistd.h>\nint main(int, char** argv) { execv(%s, argv); return 2; }\n" % json.dumps(IDLINT))
    runner = os.path.join(tmp, "runner-build")
    os.mkdir(runner)

    def key():
        output = os.path.join(tmp, "setup-output")
        open(output, "w").close()
        step = ACTION["runs"]["steps"][0]
        subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], check=True,
                       env=dict(os.environ, GITHUB_OUTPUT=output, INPUT_IDLINT="", INPUT_VERSION="", SOURCE_DIR=source))
        with open(output) as f:
            return re.search(r"^key=(\w+)$", f.read(), re.M).group(1)

    print("== no idlint given, no version: built")
    first_key = key()
    failed, status, out, log = run_action(clean, {}, {"event.before": a}, runner, action_path=source)
    print(log, end="")
    check(failed is None and out["exit-code"] == "0", f"build: the action failed in step '{failed}' ({status})")
    check("install-deps ran" in log and "reusing" not in log, "build: the dependencies installed and idlint built")
    check(os.path.isfile(os.path.join(runner, "idlint-bin", "idlint")), "build: the binary is in the cached folder")

    print("== the second run: the cache restored the folder")
    failed, status, out, log = run_action(clean, {}, {"event.before": a}, runner, action_path=source)
    print(log, end="")
    check(failed is None and out["exit-code"] == "0", f"cached: the action failed in step '{failed}' ({status})")
    check("idlint: reusing the build from the cache" in log and "install-deps ran" not in log, "cached: not built again")

    write(os.path.join(source, "build", "CMakeCache.txt"), "a build folder in the source\n")
    check(key() == first_key, "cache key: a build folder in the source does not change it")
    write(os.path.join(source, "main.cpp"), "// changed\n")
    check(key() != first_key, "cache key: a changed source file changes it")


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
    # The action fails the job on findings (fail-on-findings defaults to true): the report is
    # uploaded all the same.
    check(re.sub(r"^\$\{\{\s*(.*?)\s*\}\}$", r"\1", str(upload[0].get("if", ""))) in ("always()", "success() || failure()"),
          f"{doc}: the upload step runs when the action's step failed (if: always()), not if: {upload[0].get('if')}")
    check(ours[0]["uses"] == f"{repository}@v{project_version()}", f"{doc}: the action is pinned to the tag v{project_version()}")
    check(table_names(doc, "| input |") == list(ACTION["inputs"]), f"{doc}: the inputs table lists action.yml's inputs in order")
    check(table_names(doc, "| output |") == list(ACTION["outputs"]), f"{doc}: the outputs table lists action.yml's outputs in order")


def project_version():
    with open(os.path.join(ROOT, "CMakeLists.txt")) as f:
        return re.search(r"project\(idlint VERSION ([0-9.]+)", f.read()).group(1)


def check_pre_commit():
    hooks = {h["id"]: h for h in load_yaml(".pre-commit-hooks.yaml")}
    check(list(hooks) == ["idlint", "idlint-build"], f".pre-commit-hooks.yaml: hooks idlint and idlint-build, not {list(hooks)}")
    system, build = hooks.get("idlint", {}), hooks.get("idlint-build", {})
    check(system.get("language") == "system" and "idlint --base HEAD" in system.get("entry", ""),
          ".pre-commit-hooks.yaml: idlint runs the idlint on PATH (language system) against HEAD")
    check(build.get("language") == "script", ".pre-commit-hooks.yaml: idlint-build is a script in this repository")
    script = os.path.join(ROOT, build.get("entry", ""))
    if check(os.path.isfile(script) and os.access(script, os.X_OK), f".pre-commit-hooks.yaml: idlint-build's entry {script} is an executable file"):
        with open(script) as f:
            check('exec "$bin" --base HEAD -- "$@"' in f.read(), "idlint-build: its script runs idlint against HEAD on the files named")
    check(build.get("require_serial") is True, ".pre-commit-hooks.yaml: idlint-build is serial (one build at a time)")
    for hook_id, hook in hooks.items():
        check(hook.get("pass_filenames", True), f".pre-commit-hooks.yaml: {hook_id} is given the file names")
        check(hook.get("files") == system.get("files"), f".pre-commit-hooks.yaml: {hook_id} lints the files idlint does")
    files = re.compile(system["files"])
    for name in ["a.json", "infra/b.jsonc", "main.bicep", "dev.bicepparam"]:
        check(files.search(name), f".pre-commit-hooks.yaml: '{name}' is linted")
    for name in ["a.yaml", "a.json.bak", "main.bicep.txt", "bicep", "notes.md"]:
        check(not files.search(name), f".pre-commit-hooks.yaml: '{name}' is not linted")

    configs = [b for b in yaml_blocks("README.md") if isinstance(b, dict) and "repos" in b]
    if check(len(configs) == 1, "README.md: one .pre-commit-config.yaml snippet"):
        repo = configs[0]["repos"][0]
        check(repo["repo"] == homepage(), f"README.md: the pre-commit repo is IDLINT_HOMEPAGE {homepage()}")
        check(repo.get("rev") == "v" + project_version(),
              f"README.md: the pre-commit snippet pins the tag v{project_version()} (CMake's project VERSION), not '{repo.get('rev')}'")
        used = [h["id"] for h in repo["hooks"]]
        check(len(used) == 1 and used[0] in hooks, f"README.md: the pre-commit snippet uses one of the hooks, not {used}")
    with open(os.path.join(ROOT, "README.md")) as f:
        readme = f.read()
    for link in ["docs/ci/github-code-scanning.md", "action.yml", "docs/editors.md"]:
        check(f"]({link})" in readme and os.path.isfile(os.path.join(ROOT, link)), f"README.md: links {link}")
    for hook_id in hooks:
        check(f"`{hook_id}`" in readme, f"README.md: names the hook `{hook_id}`")


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
