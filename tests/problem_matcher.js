// The problem matchers of docs/editors/vscode/tasks.json, run as the editor runs them (a JavaScript
// regular expression per output line) over idlint's text output for testdata/ and examples/: every
// finding line must give exactly the file, line, column, level, message and rule of that finding in
// the JSON report, and no other line (source snippets, carets, related locations, the summary) may
// match. A second run compares with a baseline, which adds '(new)' or '(unchanged)' to each
// finding line. Usage: node problem_matcher.js IDLINT ROOT
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const [idlint, root] = process.argv.slice(2).map((p) => path.resolve(p));
const tasks = JSON.parse(fs.readFileSync(path.join(root, 'docs/editors/vscode/tasks.json'), 'utf8')).tasks;
let failures = 0;
function fail(message) {
  console.log(`FAIL: ${message}`);
  ++failures;
}

function run(args, paths) {
  const r = spawnSync(idlint, [...args, ...paths], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 1 && r.status !== 2) throw new Error(`idlint ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}
// --explain-unknown adds IDL901 notes, so all three levels are in the output.
const lint = (args) => run([...args, '--explain-unknown'], ['testdata', 'examples']);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idlint-matcher-'));
const baseline = path.join(tmp, 'examples.sarif');
run(['--format', 'sarif', '--output', baseline], ['examples']);

function checkTask(task, extra, variant) {
  const name = `task '${task.label}'${variant}`;
  const report = JSON.parse(lint(['--format', 'json', ...extra]));
  // Suppressed findings are not printed (and not problems): JSON keeps them, marked.
  if (!report.findings.some((f) => f.suppression)) fail(`${name}: no suppressed finding, so leaving them out is not tested`);
  const expected = report.findings
    .filter((f) => !f.suppression)
    .map((f) => JSON.stringify([f.file, f.start_line, f.start_column, f.level, f.message, f.rule_id]))
    .sort();
  for (const level of ['error', 'warning', 'note']) {
    if (!report.findings.some((f) => f.level === level)) fail(`${name}: no '${level}' finding, so that level is not tested`);
  }
  const pattern = task.problemMatcher.pattern;
  const regexp = new RegExp(pattern.regexp);
  // The task's options, with testdata/ and examples/ for the path it names ('.' or '${file}').
  const lines = lint([...task.args.filter((a) => a !== '.' && !a.includes('${')), ...extra]).split('\n');
  const matched = [];
  let unmatched = 0;
  for (const line of lines) {
    const m = regexp.exec(line);
    if (!m) {
      if (line !== '') ++unmatched;
      continue;
    }
    const file = m[pattern.file];
    if (!fs.existsSync(path.join(root, file))) fail(`${name}: matched file '${file}' does not exist`);
    matched.push(
      JSON.stringify([file, Number(m[pattern.line]), Number(m[pattern.column]), m[pattern.severity], m[pattern.message], m[pattern.code]]),
    );
  }
  matched.sort();
  const missing = expected.filter((e) => !matched.includes(e));
  const extraLines = matched.filter((e) => !expected.includes(e));
  for (const e of missing.slice(0, 5)) fail(`${name}: a finding is not matched as ${e}`);
  for (const e of extraLines.slice(0, 5)) fail(`${name}: a line is matched that is no finding: ${e}`);
  if (matched.length !== expected.length) fail(`${name}: ${matched.length} lines matched, ${expected.length} findings`);
  // The other lines are there and were left alone: snippets, carets, related locations, summary.
  const related = lines.filter((l) => /^\S.*:\d+:\d+: note: /.test(l) && !regexp.test(l)).length;
  const snippets = lines.filter((l) => /^ *\d+ \| /.test(l)).length;
  const summary = lines.some((l) => /^\d+ errors?, \d+ warnings?, \d+ notes? in /.test(l));
  if (related === 0 || snippets === 0 || !summary) {
    fail(`${name}: the output lacks related locations (${related}), snippets (${snippets}) or the summary`);
  }
  if (extra.includes('--show-suppressed') && !lines.some((l) => /\] \(suppressed: .*\)$/.test(l))) {
    fail(`${name}: no suppressed finding is printed`);
  }
  const states = ['new', 'unchanged'].filter((s) => lines.some((l) => l.endsWith(`] (${s})`)));
  if (extra.includes('--baseline') && states.length !== 2) fail(`${name}: finding lines with both '(new)' and '(unchanged)' expected`);
  console.log(
    `${name}: ${matched.length} finding lines matched ` +
      `(levels ${[...new Set(matched.map((e) => JSON.parse(e)[3]))].join(', ')}` +
      `${states.length ? `; states ${states.join(', ')}` : ''}), ` +
      `${unmatched} other lines not matched (${related} related locations, ${snippets} source lines)`,
  );
}

// A template whose value holds a newline that forges a finding line for another file: the value is
// quoted in the text output, so the matcher sees one problem, in the right file.
function checkInjection(task) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idlint-matcher-'));
  const forged = '/etc/passwd:1:1: error: forged [IDL001 identity-type-invalid]';
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [{ type: 'Microsoft.DBforPostgreSQL/flexibleServers', apiVersion: '2024-08-01', name: 'pg',
      identity: { type: `None\n${forged}\r\u001b[2J` } }],
  };
  fs.writeFileSync(path.join(dir, 'inject.json'), JSON.stringify(template, null, 2));
  const r = spawnSync(idlint, [...task.args.filter((a) => a !== '.' && !a.includes('${')), 'inject.json'], { cwd: dir, encoding: 'utf8' });
  const regexp = new RegExp(task.problemMatcher.pattern.regexp);
  const problems = r.stdout.split('\n').filter((l) => regexp.test(l)).map((l) => regexp.exec(l)[task.problemMatcher.pattern.file]);
  if (problems.length !== 1 || problems[0] !== 'inject.json') {
    fail(`task '${task.label}': a value holding a newline gave problems in ${JSON.stringify(problems)}, expected one in inject.json`);
  }
  if (/[\x00-\x08\x0b-\x1f\x7f]/.test(r.stdout)) fail(`task '${task.label}': control characters reach the terminal`);
  console.log(`task '${task.label}': a value with a forged finding line after a newline is one problem`);
  fs.rmSync(dir, { recursive: true });
}

if (tasks.length === 0) fail('tasks.json has no task');
for (const task of tasks) {
  if (task.command !== 'idlint' || !task.args.join(' ').includes('--color never')) {
    fail(`task '${task.label}' must run idlint with --color never`);
  }
  checkTask(task, [], '');
  checkTask(task, ['--baseline', baseline], ' with a baseline');
  // Suppressed findings printed (marked) must still not be matched as problems.
  checkTask(task, ['--show-suppressed'], ' with --show-suppressed');
  checkInjection(task);
}
fs.rmSync(tmp, { recursive: true });
process.exit(failures ? 1 : 0);
