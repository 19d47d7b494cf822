#!/usr/bin/env bash
# Validates idlint's SARIF with the official multitool (GitHub and SARIF rule kinds): the report for
# every fixture and example, and one with a read error, must have zero errors and zero warnings.
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
  scripts/validate-sarif "$f" || status=1
done
exit $status
