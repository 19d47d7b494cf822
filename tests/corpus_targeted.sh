#!/bin/sh
# CTest corpus-targeted: every ARM template and Bicep file of ../shared/corpus/targeted (real
# third-party files chosen for their identity blocks) linted in one run. It asserts
#   - the number of files linted (the "# files:" line of the expectations file);
#   - no read error and no syntax error (IDL900): these are templates Azure deploys;
#   - the exact findings, with messages and help lines, in tests/corpus/targeted-expected.tsv
#     (each reviewed by hand: the comment above it says why it is right).
# Skipped when ../shared is not beside the checkout (tests/skip.sh).
#
# After an intended change: UPDATE_EXPECTED=1 ctest --test-dir build -R corpus-targeted rewrites
# the findings (the comments at the top stay) and fails, so that the diff is reviewed first.
# usage: corpus_targeted.sh IDLINT CORPUS_REPORT SOURCE_DIR
set -eu
idlint=$1
report_tool=$2
src=$3
corpus="$src/../shared/corpus/targeted"
expected="$src/tests/corpus/targeted-expected.tsv"
. "$src/tests/skip.sh"
[ -d "$corpus" ] || no_corpus "$corpus is not there"
export LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

code=0
"$idlint" "$corpus" --format json --fail-level none --module-cache "$tmp/empty-cache" --output "$tmp/report.json" \
  2>"$tmp/stderr" || code=$?
if [ "$code" -ne 0 ] || [ -s "$tmp/stderr" ]; then
  echo "FAIL: idlint exited $code (a file could not be read, or idlint failed):"
  cat "$tmp/stderr"
  exit 1
fi
"$report_tool" tsv "$corpus" "$tmp/report.json" | sort >"$tmp/actual.tsv"
checked=$(grep -o '"files_checked": *[0-9]*' "$tmp/report.json" | grep -o '[0-9]*$')
want=$(sed -n 's/^# files: \([0-9]*\)$/\1/p' "$expected")
echo "$checked files linted, $(wc -l <"$tmp/actual.tsv" | tr -d ' ') findings:"
sed 's/^/  /' "$tmp/actual.tsv"

if [ "${UPDATE_EXPECTED:-}" = 1 ]; then
  { sed -n '/^# files: /!{/^#/p}' "$expected"; echo "# files: $checked"; cat "$tmp/actual.tsv"; } >"$tmp/new.tsv"
  rewrite_expectations "$tmp/new.tsv" "$expected"
fi

status=0
if [ -z "$want" ] || [ "$checked" != "$want" ]; then
  echo "FAIL: $checked files linted, $expected says ${want:-nothing} (# files: N)"
  status=1
fi
if grep -q "$(printf '\t')IDL900$(printf '\t')" "$tmp/actual.tsv"; then
  echo "FAIL: a syntax error (IDL900) in a template of the corpus"
  status=1
fi
grep -v '^#' "$expected" | sort >"$tmp/expected.tsv"
if ! diff -u "$tmp/expected.tsv" "$tmp/actual.tsv" >"$tmp/diff"; then
  echo "FAIL: the findings differ from $expected (- expected, not reported; + reported, not expected):"
  tail -n +3 "$tmp/diff" | grep '^[-+]' || true
  status=1
fi
exit $status
