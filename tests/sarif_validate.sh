#!/usr/bin/env bash
# Validates idlint's SARIF with the official multitool (GitHub and SARIF rule kinds): the report for
# every fixture and example, and one with a read error, must have zero errors and zero warnings,
# with the GitHub rules that the validator ships disabled (GH1001-GH1007) switched on as well.
set -euo pipefail
idlint=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
status=0
"$idlint" testdata examples --format sarif --output "$tmp/all.sarif" || [ $? -le 2 ] || exit 1
"$idlint" examples does-not-exist.json --format sarif --output "$tmp/read-error.sarif" || [ $? -le 2 ] || exit 1
for f in "$tmp/all.sarif" "$tmp/read-error.sarif"; do
  echo "validating $(basename "$f") ($(grep -c '"ruleId"' "$f") results)"
  VALIDATE_SARIF_STRICT=1 scripts/validate-sarif "$f" || status=1
done
# The check itself must be able to fail: a copy with a rule lacking its description is rejected.
node -e '
  const fs = require("fs");
  const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  delete doc.runs[0].tool.driver.rules[0].shortDescription;
  fs.writeFileSync(process.argv[2], JSON.stringify(doc));
' "$tmp/all.sarif" "$tmp/broken.sarif"
if scripts/validate-sarif "$tmp/broken.sarif" >/dev/null 2>&1; then
  echo "the validator accepted a SARIF file with a rule lacking shortDescription"
  status=1
else
  echo "a deliberately broken SARIF file is rejected, as it must be"
fi
exit $status
