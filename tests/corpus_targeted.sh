#!/usr/bin/env bash
# Lints every ARM template of ../shared/corpus/targeted (real third-party files): no crash, no IDL900.
# Exits 77 (skipped) when the corpus is not present, as in a user's fresh clone.
set -uo pipefail
idlint=$1
corpus=$2
if [ ! -d "$corpus" ]; then
  echo "skipped: $corpus not present"
  exit 77
fi
out=$(mktemp --suffix=.json)
trap 'rm -f "$out"' EXIT
"$idlint" "$corpus" --format json --output "$out"
code=$?
if [ $code -gt 2 ]; then
  echo "idlint crashed or failed (exit $code) on $corpus"
  exit 1
fi
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const syntax = r.findings.filter(f => f.rule_id === "IDL900");
  for (const f of syntax) console.log(`${f.file}:${f.start_line}:${f.start_column}: ${f.message}`);
  console.log(`${r.summary.files_checked} templates linted; ${r.findings.length} findings; ${syntax.length} syntax errors; ${r.errors.length} read errors`);
  for (const f of r.findings) console.log(`  ${f.rule_id} ${f.file.split("/").pop()}:${f.start_line}: ${f.message.slice(0, 160)}`);
  process.exit(syntax.length || r.errors.length || r.summary.files_checked === 0 ? 1 : 0);
' "$out"
