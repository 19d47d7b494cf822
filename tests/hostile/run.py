#!/usr/bin/env python3
"""Hostile input: idlint under a memory limit and a timeout, on templates written to exhaust it.

usage: run.py IDLINT SOURCE_DIR WORK_DIR [--no-memory-limit]

Each case is linted by its own process, `timeout 10 prlimit --as=1GiB /usr/bin/time idlint
--explain-unknown --format json CASE`, so a case that needed more memory or time fails instead of
taking the machine down (GNU time reports idlint's peak RSS). Cases:
  - every file and folder in testdata/hostile/ (values doubled 40 to 64 times, loops nested three
    deep over 1000 items, copy loops of 800 nested four deep, module fan-out, quadratic text
    searches, ...). Their `// expect: ID[, ID] ["message part"]` annotations are checked as the
    fixture runner checks them: each must be matched by a finding on that line, and no other
    finding may appear;
  - templates of at most 4 MB (ARM's own limit) generated into WORK_DIR: thousands of resources
    under 256 parameter bindings, a 4 MB array, a 4 MB string, deep nesting, long variable chains.
    Each states what it must report.
Prints each case's time and peak RSS. --no-memory-limit (for sanitizer builds, which reserve far
more address space than they use) drops prlimit and allows 60 s per case.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

MEMORY_LIMIT = 1 << 30
TIME_LIMIT = 10

failures = []


def fail(case, message):
    failures.append(f"{case}: {message}")


def run_idlint(idlint, args, cwd, memory_limit, time_limit):
    """Runs idlint with the limits; returns (exit code, stdout, stderr, seconds, peak RSS in MiB)."""
    command = ["timeout", "--signal=KILL", str(time_limit)]
    if memory_limit:
        command += ["prlimit", f"--as={MEMORY_LIMIT}"]
    # GNU time forks idlint from its own small process and reports idlint's peak RSS alone (the
    # rusage of this script's child would count the memory of the script it was forked from).
    with tempfile.NamedTemporaryFile() as rss:
        command += ["/usr/bin/time", "-f", "%M", "-o", rss.name, idlint] + args
        start = time.monotonic()
        process = subprocess.run(command, cwd=cwd, capture_output=True)
        seconds = time.monotonic() - start
        code = process.returncode
        try:
            peak = int(open(rss.name).read().split()[-1]) / 1024
        except (ValueError, IndexError):
            peak = float("nan")  # killed before time could report
        return (code, process.stdout.decode("utf-8", "replace"), process.stderr.decode("utf-8", "replace"), seconds,
                peak)


EXPECT = re.compile(r'//.*?expect:\s*(.*)$')
ITEM = re.compile(r'(IDL[0-9]{3})(\s+"([^"]*)")?')


def expectations(path, shown):
    """{(shown path, line, rule): [message parts]} from a file's `// expect:` annotations."""
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, start=1):
            m = EXPECT.search(line)
            if not m:
                continue
            for item in ITEM.finditer(m.group(1)):
                out.setdefault((shown, number, item.group(1)), []).append(item.group(3) or "")
    return out


def check_findings(case, report, expected):
    found = {}
    for f in report["findings"]:
        found.setdefault((f["file"], f["start_line"], f["rule_id"]), []).append(f["message"])
    for key, parts in expected.items():
        if key not in found:
            fail(case, f"missing {key[2]} at {key[0]}:{key[1]}")
            continue
        for part in parts:
            if part and not any(part in m for m in found[key]):
                fail(case, f"{key[2]} at {key[0]}:{key[1]} does not say \"{part}\": {found[key][0][:300]}")
    for key, messages in found.items():
        if key not in expected:
            fail(case, f"unexpected {key[2]} at {key[0]}:{key[1]}: {messages[0][:300]}")
    for f in report["findings"]:
        if len(f["message"]) > 1000:
            fail(case, f"a message of {len(f['message'])} characters (values in messages are cut)")


def lint(idlint, case, target, cwd, limits, expected_codes=(0, 1)):
    code, out, err, seconds, peak = run_idlint(idlint, ["--explain-unknown", "--format", "json", target], cwd, *limits)
    print(f"  {case:<44} {seconds:6.2f} s {peak:8.1f} MiB  exit {code}")
    if code not in expected_codes:
        fail(case, f"exit code {code} (timeout or killed: {code in (-9, 124, 137)}); stderr: {err[-500:]}")
        return None
    try:
        return json.loads(out)
    except json.JSONDecodeError as e:
        fail(case, f"the JSON report does not parse: {e}")
        return None


def fixed_cases(idlint, source, limits):
    root = os.path.join(source, "testdata", "hostile")
    names = sorted(os.listdir(root))
    if len(names) < 20:
        fail("testdata/hostile", f"only {len(names)} cases")
    for name in names:
        path = os.path.join(root, name)
        expected = {}
        if os.path.isdir(path):
            for dirpath, _, files in os.walk(path):
                for f in files:
                    full = os.path.join(dirpath, f)
                    expected.update(expectations(full, os.path.relpath(full, root)))
        else:
            expected = expectations(path, name)
        report = lint(idlint, name, name, root, limits)
        if report is not None:
            check_findings(name, report, expected)


# ---- generated templates of at most 4 MB ------------------------------------------------------

ARM_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
FOUR_MB = 4 * 1000 * 1000


def write(work, name, text):
    if len(text.encode()) > FOUR_MB:
        raise SystemExit(f"generated {name} is larger than 4 MB: {len(text)}")
    path = os.path.join(work, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def many_resources_bicep(count):
    """Servers whose identity type depends on eight bool parameters (256 bindings each); the last is wrong."""
    lines = [f"param b{i} bool" for i in range(8)]
    lines.append("param names array = [for i in range(0, 40): 'server-${i}']")
    for i in range(count):
        kind = "'SystemAssigned UserAssigned'" if i == count - 1 else "b0 && b1 ? 'SystemAssigned' : 'None'"
        lines += [
            f"resource pg{i} 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {{",
            f"  name: '${{names[{i % 40}]}}-{i}-${{b2}}${{b3}}${{b4}}${{b5}}${{b6}}${{b7}}'",
            "  location: 'westeurope'",
            "  identity: {",
            f"    type: {kind}",
            "  }",
            "}",
        ]
    return "\n".join(lines) + "\n"


def many_resources_json(count):
    params = {f"b{i}": {"type": "bool"} for i in range(8)}
    resources = []
    for i in range(count):
        kind = "SystemAssigned UserAssigned" if i == count - 1 else "[if(and(parameters('b0'), parameters('b1')), 'SystemAssigned', 'None')]"
        resources.append({
            "type": "Microsoft.DBforPostgreSQL/flexibleServers",
            "apiVersion": "2024-08-01",
            "name": f"[format('pg-{i}-{{0}}{{1}}{{2}}', parameters('b2'), parameters('b3'), parameters('b4'))]",
            "location": "westeurope",
            "identity": {"type": kind},
        })
    t = {"$schema": ARM_SCHEMA, "contentVersion": "1.0.0.0", "parameters": params, "resources": resources}
    return json.dumps(t, indent=1) + "\n"


def last_line_of(text, needle):
    return text[: text.rindex(needle)].count("\n") + 1


def server(type_text):
    return ("resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {\n  name: 'pg'\n"
            f"  location: 'westeurope'\n  identity: {{\n    type: {type_text}\n  }}\n}}\n")


def generated_cases(idlint, work, limits):
    os.makedirs(work, exist_ok=True)
    cases = []

    text = many_resources_bicep(8000)
    path = write(work, "many-resources.bicep", text)
    line = last_line_of(text, "'SystemAssigned UserAssigned'")
    cases.append(("many-resources.bicep: 8,000 servers x 256 bindings", path,
                  {("IDL001", line), ("IDL002", line)}, None))

    text = many_resources_json(11000)
    path = write(work, "many-resources.json", text)
    line = last_line_of(text, '"SystemAssigned UserAssigned"')
    cases.append(("many-resources.json: 11,000 servers x 256 bindings", path,
                  {("IDL001", line), ("IDL002", line)}, None))

    # One array literal of 4 MB, read by the identity type.
    items = ",".join(f"'item-{i:07d}'" for i in range(250000))
    text = f"var big = [{items}]\n" + server("contains(big, 'item-0249999') ? 'None' : 'SystemAssigned'")
    path = write(work, "big-array.bicep", text)
    cases.append(("big-array.bicep: one 4 MB array", path, {("IDL901", last_line_of(text, "type:"))},
                  "value larger than 1 MiB"))

    # A 4 MB identity type: the message quotes it cut short.
    value = "SystemAssigned" + "x" * (FOUR_MB - 2000)
    t = {"$schema": ARM_SCHEMA, "contentVersion": "1.0.0.0", "resources": [
        {"type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01", "name": "pg",
         "location": "westeurope", "identity": {"type": value}}]}
    text = json.dumps(t, indent=1)
    path = write(work, "long-string.json", text)
    # The identity object holding it is larger than one value may be: undetermined as a whole.
    line = last_line_of(text, "SystemAssignedx")
    cases.append(("long-string.json: a 4 MB identity type", path, {("IDL001", line), ("IDL901", line - 1)},
                  {"IDL001": "characters)", "IDL901": "value larger than 1 MiB"}))

    # Arrays nested 1,000,000 deep: one syntax error, no stack overflow.
    depth = FOUR_MB // 4
    text = '{"$schema": "' + ARM_SCHEMA + '", "resources": ' + "[" * depth + "]" * depth + "}"
    path = write(work, "deep-nesting.json", text)
    cases.append(("deep-nesting.json: arrays nested 1,000,000 deep", path, {("IDL900", 1)}, None, (2,)))
    text = "var deep = " + "[" * depth + "]" * depth + "\n" + server("'None'")
    path = write(work, "deep-nesting.bicep", text)
    cases.append(("deep-nesting.bicep: arrays nested 1,000,000 deep", path, {("IDL900", 1)}, None, (2,)))

    # 100,000 variables, each the one before it.
    count = 100000
    lines = ["var v0 = 'SystemAssigned'"] + [f"var v{i} = v{i - 1}" for i in range(1, count)]
    text = "\n".join(lines) + "\n" + server(f"v{count - 1}")
    path = write(work, "variable-chain.bicep", text)
    cases.append(("variable-chain.bicep: 100,000 chained variables", path,
                  {("IDL901", last_line_of(text, "type:"))}, "nested too deeply"))

    # 2,000 parameters of 5 allowed values each, all read by the identity type.
    lines = []
    for i in range(2000):
        lines.append("@allowed(['a', 'b', 'c', 'd', 'e'])")
        lines.append(f"param p{i} string = 'a'")
    joined = " && ".join(f"p{i} != 'e'" for i in range(2000))
    text = "\n".join(lines) + "\n" + server(f"{joined} ? 'SystemAssigned' : 'SystemAsigned'")
    path = write(work, "many-parameters.bicep", text)
    line = last_line_of(text, "type:")
    # The && chain nests deeper than the Bicep loader lowers: undetermined under some bindings.
    cases.append(("many-parameters.bicep: 2,000 parameters x 5 values", path, {("IDL001", line), ("IDL901", line)},
                  None))

    # Loops of 800 over modules and nested deployments at every level of four, as one file.
    inner = {"$schema": ARM_SCHEMA, "contentVersion": "1.0.0.0", "resources": [
        {"type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01",
         "name": "[concat('pg-', copyIndex())]", "location": "westeurope", "copy": {"name": "s", "count": 800},
         "identity": {"type": "[if(equals(copyIndex(), 799), 'UserAssigned', 'None')]"}}]}
    t = inner
    for level in range(8):
        t = {"$schema": ARM_SCHEMA, "contentVersion": "1.0.0.0", "resources": [
            {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
             "name": f"[concat('l{level}-', copyIndex())]", "copy": {"name": f"l{level}", "count": 800},
             "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"},
                            "template": t}}]}
    path = write(work, "copy-loops-eight-deep.json", json.dumps(t, indent=1))
    cases.append(("copy-loops-eight-deep.json: copy 800 nested 9 deep", path, set(), None))

    for case in cases:
        name, path, expected, part = case[:4]
        codes = case[4] if len(case) > 4 else (0, 1)
        report = lint(idlint, name, os.path.basename(path), work, limits, codes)
        if report is None:
            continue
        found = {(f["rule_id"], f["start_line"]) for f in report["findings"]}
        if found != expected:
            fail(name, f"findings {sorted(found)[:10]}, expected {sorted(expected)}")
        for f in report["findings"]:
            wanted = part.get(f["rule_id"]) if isinstance(part, dict) else part
            if wanted and wanted not in f["message"]:
                fail(name, f"{f['rule_id']} does not say \"{wanted}\": {f['message'][:300]}")
            if len(f["message"]) > 1000:
                fail(name, f"a message of {len(f['message'])} characters")


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    idlint, source, work = (os.path.abspath(a) for a in sys.argv[1:4])
    memory_limit = "--no-memory-limit" not in sys.argv[4:]
    limits = (memory_limit, TIME_LIMIT if memory_limit else 60)
    print(f"hostile input: each case under timeout {limits[1]} s"
          + (f" and prlimit --as={MEMORY_LIMIT >> 20} MiB" if memory_limit else " (no memory limit)"))
    fixed_cases(idlint, source, limits)
    generated_cases(idlint, os.path.join(work, "hostile-generated"), limits)
    for f in failures:
        print("FAIL " + f)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
