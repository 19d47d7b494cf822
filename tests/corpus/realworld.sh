#!/bin/sh
# CTest corpus-realworld: idlint as a new user runs it on a real repository's template tree
# (../shared/corpus/realworld/: an azd sample with its layout, modules and parameter files).
#
#   1. lints the whole folder once, `idlint --format json`, with an empty module cache, and the
#      azd container-app module on its own (its parameter contract, which every call in the folder
#      keeps, is reported only then);
#   2. compares the findings with tests/corpus/realworld-expected.tsv, exactly (path, line,
#      column, rule, level, message), and prints a diff;
#   3. fails on an error-level finding that holds only because a parameter keeps an empty default
#      (its message says "is not given": such a finding is a warning) or that quotes a placeholder
#      ('<…>'): neither is a failure of the template.
#
# Exits 77 (skipped) when ../shared/corpus/realworld is not there.
#
# After an intended change in what idlint reports, rewrite the expectations and review them:
#   UPDATE_EXPECTED=1 ctest --test-dir build -R corpus-realworld
# The update run itself always fails ("golden file rewritten: review the diff"); run the test again
# without UPDATE_EXPECTED once the diff is reviewed.
#
# Each line starts with the run: "folder" or "module-alone".
#
# usage: realworld.sh IDLINT CORPUS_REPORT SOURCE_DIR BUILD_DIR
set -eu
idlint=$1
report_tool=$2
src=$3
build=$4
corpus="$src/../shared/corpus/realworld"
expected="$src/tests/corpus/realworld-expected.tsv"
export LC_ALL=C

if [ ! -d "$corpus" ]; then
  . "$src/tests/skip.sh"
  no_corpus "$corpus is not there"
fi
work="$build/corpus-realworld"
rm -rf "$work"
mkdir -p "$work/empty-module-cache"
# lint RUN TARGET: one idlint run, its findings as lines "RUN<TAB>PATH<TAB>LINE…".
lint() {
  code=0
  "$idlint" --format json --module-cache "$work/empty-module-cache" --output "$work/$1.json" "$2" \
    2>"$work/$1.stderr" || code=$?
  if [ -s "$work/$1.stderr" ]; then sed "s/^/  $1 stderr: /" "$work/$1.stderr"; fi
  if [ "$code" -gt 1 ]; then
    echo "FAIL: idlint exited $code on $2"
    exit 1
  fi
  "$report_tool" tsv "$corpus" "$work/$1.json" | sed "s/^/$1$(printf '\t')/" >>"$work/unsorted.tsv"
}
: >"$work/unsorted.tsv"
lint folder "$corpus"
lint module-alone "$corpus/Azure-Samples__rag-postgres-openai-python/infra/core/host/container-app.bicep"
sort "$work/unsorted.tsv" >"$work/actual.tsv"

echo "$(wc -l <"$work/actual.tsv" | tr -d ' ') findings:"
sed 's/^/  /' "$work/actual.tsv"

status=0
if [ "${UPDATE_EXPECTED:-}" = 1 ]; then
  . "$src/tests/skip.sh"
  rewrite_expectations "$work/actual.tsv" "$expected"
fi
if ! diff -u "$expected" "$work/actual.tsv" >"$work/diff"; then
  echo "FAIL: the findings differ from $expected (- expected, + actual):"
  cat "$work/diff"
  status=1
fi
tab=$(printf '\t')
if grep -E "^[^$tab]*$tab[^$tab]*$tab[0-9]+$tab[0-9]+$tab[A-Z0-9]+${tab}error$tab.*(is not given|are not given|'<[^'>]+>')" \
  "$work/actual.tsv"; then
  echo "FAIL: an error above depends on an empty default or a placeholder"
  status=1
fi
exit $status
