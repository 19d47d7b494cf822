// The problem matchers of docs/editors/vscode/tasks.json, run as the editor runs them (a JavaScript
// regular expression per output line) over idlint's text output for testdata/ and examples/: every
// finding line must give exactly the file, line, column, level, message and rule of that finding in
// the JSON report, and no other line (source snippets, carets, related locations, the summary) may
// match. Usage: node problem_matcher.js IDLINT ROOT
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const [idlint, root] = process.argv.slice(2).map((p) => path.resolve(p));
const tasks = JSON.parse(fs.readFileSync(path.join(root, 'docs/editors/vscode/tasks.json'), 'utf8')).tasks;
let failures = 0;
function fail(message) {
  console.log(`FAIL: ${message}`);
  ++failures;
}

// --explain-unknown adds IDL901 notes, so all three levels are in the output.
function run(args) {
  const r = spawnSync(idlint, [...args, '--explain-unknown', 'testdata', 'examples'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 1 && r.status !== 2) throw new Error(`idlint ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}
const report = JSON.parse(run(['--format', 'json']));
const expected = report.findings
  .map((f) => JSON.stringify([f.file, f.start_line, f.start_column, f.level, f.message, f.rule_id]))
  .sort();
const levels = new Set(report.findings.map((f) => f.level));
for (const level of ['error', 'warning', 'note']) {
  if (!levels.has(level)) fail(`the JSON report has no '${level}' finding, so that level is not tested`);
}

if (tasks.length === 0) fail('tasks.json has no task');
for (const task of tasks) {
  const args = task.args.join(' ');
  if (task.command !== 'idlint' || !args.includes('--color never')) {
    fail(`task '${task.label}' must run idlint with --color never`);
  }
  const matcher = task.problemMatcher;
  const pattern = matcher.pattern;
  const regexp = new RegExp(pattern.regexp);
  // The task's options, with testdata/ and examples/ for the path it names ('.' or '${file}').
  const text = run(task.args.filter((a) => a !== '.' && !a.includes('${')));
  const lines = text.split('\n');
  const matched = [];
  let unmatched = 0;
  for (const line of lines) {
    const m = regexp.exec(line);
    if (!m) {
      if (line !== '') ++unmatched;
      continue;
    }
    const file = m[pattern.file];
    if (!fs.existsSync(path.join(root, file))) fail(`task '${task.label}': matched file '${file}' does not exist`);
    matched.push(
      JSON.stringify([file, Number(m[pattern.line]), Number(m[pattern.column]), m[pattern.severity], m[pattern.message], m[pattern.code]]),
    );
  }
  matched.sort();
  const missing = expected.filter((e) => !matched.includes(e));
  const extra = matched.filter((e) => !expected.includes(e));
  for (const e of missing.slice(0, 5)) fail(`task '${task.label}': a finding is not matched as ${e}`);
  for (const e of extra.slice(0, 5)) fail(`task '${task.label}': a line is matched that is no finding: ${e}`);
  if (matched.length !== expected.length) {
    fail(`task '${task.label}': ${matched.length} lines matched, ${expected.length} findings`);
  }
  // The other lines are there and were left alone: snippets, carets, related locations, summary.
  const related = lines.filter((l) => /^\S.*:\d+:\d+: note: /.test(l) && !regexp.test(l)).length;
  const snippets = lines.filter((l) => /^ *\d+ \| /.test(l)).length;
  const summary = lines.some((l) => /^\d+ errors?, \d+ warnings?, \d+ notes? in /.test(l));
  if (related === 0 || snippets === 0 || !summary) {
    fail(`task '${task.label}': the output lacks related locations (${related}), snippets (${snippets}) or the summary`);
  }
  console.log(
    `task '${task.label}': ${matched.length} finding lines matched ` +
      `(levels ${[...new Set(matched.map((e) => JSON.parse(e)[3]))].join(', ')}), ` +
      `${unmatched} other lines not matched (${related} related locations, ${snippets} source lines)`,
  );
}
process.exit(failures ? 1 : 0);
