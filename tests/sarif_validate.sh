#!/usr/bin/env bash
# Validates idlint's SARIF with the official multitool (GitHub and SARIF rule kinds): the report for
# every fixture and example (suppressed results included), one with a read error, one written with --baseline (every
# baselineState, absent results included) and one with a transition finding (--base-file: a related
# location in the base version) must have zero errors and zero warnings,
# with the GitHub rules that the validator ships disabled (GH1001-GH1007) switched on as well.
set -euo pipefail
idlint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
status=0
"$idlint" testdata examples --format sarif --output "$tmp/all.sarif" || [ $? -le 2 ] || exit 1
"$idlint" examples does-not-exist.json --format sarif --output "$tmp/read-error.sarif" || [ $? -le 2 ] || exit 1
"$idlint" --list-rules --format sarif >"$tmp/rules.sarif" || exit 1
"$idlint" --base-file examples/key-identity-change/deployed.json examples/key-identity-change/server.bicep \
  --format sarif --output "$tmp/transition.sarif" || [ $? -eq 1 ] || exit 1
grep -q '"ruleId": "IDL022"' "$tmp/transition.sarif" || { echo "the --base-file report has no IDL022 result"; status=1; }
# The fixtures of IDL902 and testdata/values/suppressions hold suppressed findings (inSource).
grep -q '"kind": "inSource"' "$tmp/all.sarif" || { echo "the fixtures' report has no suppressed result"; status=1; }
# A report written with --baseline: a copy of examples/ linted, then changed so that its results are
# new (a copied file), unchanged, updated (an older api-version changes a message) and absent (a
# deleted file), plus an absent result of a rule this version does not have (no ruleIndex).
mkdir "$tmp/work"
cp -r examples "$tmp/work/"
(
  cd "$tmp/work/examples"
  "$idlint" . --format sarif --output "$tmp/before.sarif" || [ $? -eq 1 ] || exit 1
  node -e '
    const fs = require("fs");
    const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    const results = doc.runs[0].results;
    const retired = JSON.parse(JSON.stringify(results.find((r) => r.locations[0].physicalLocation.artifactLocation.uri === "mysql-cmk-identity-not-assigned.json")));
    retired.ruleId = "IDL099";
    delete retired.ruleIndex;
    results.push(retired);
    fs.writeFileSync(process.argv[1], JSON.stringify(doc));
  ' "$tmp/before.sarif"
  sed -i 's/2023-12-01-preview/2022-12-01/' postgres-system-identity-old-api.json
  rm mysql-cmk-identity-not-assigned.json
  cp postgres-spaced-identity-type.json spaced-copy.json
  "$idlint" . --baseline "$tmp/before.sarif" --format sarif --output "$tmp/baseline.sarif" || [ $? -eq 1 ] || exit 1
) || exit 1
for state in new unchanged updated absent; do
  if ! grep -q "\"baselineState\": \"$state\"" "$tmp/baseline.sarif"; then
    echo "the report written with --baseline has no $state result"
    status=1
  fi
done
grep -q '"ruleId": "IDL099"' "$tmp/baseline.sarif" || { echo "the absent result of a retired rule is missing"; status=1; }
for f in "$tmp/all.sarif" "$tmp/read-error.sarif" "$tmp/baseline.sarif" "$tmp/transition.sarif"; do
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
