#!/bin/sh
# CTest unit-git and unit-shared: the doctest cases of one test suite, which need something outside
# the program (support.h: NEEDS_GIT, NEEDS_SHARED). When it is missing the test reports Skipped (or
# Failed under CI=true for git, which scripts/test installs; ../shared is never installed, tests/skip.sh).
# A suite that runs no case fails: a filter matching nothing must not pass.
# usage: unit_suite.sh IDLINT_TESTS SOURCE_DIR SUITE
set -eu
tests=$1
src=$2
suite=$3
. "$src/tests/skip.sh"
case $suite in
  needs-git) command -v git >/dev/null 2>&1 || missing "git is not installed (scripts/install-deps --test installs it)" ;;
  needs-shared)
    [ -f "$src/../shared/specs/identity-catalog/references.tsv" ] ||
      no_corpus "../shared/specs/identity-catalog/references.tsv is not there"
    ;;
  *)
    echo "unit_suite.sh: unknown suite '$suite'"
    exit 2
    ;;
esac
code=0
out=$("$tests" --test-suite="$suite" 2>&1) || code=$?
printf '%s\n' "$out"
[ "$code" -eq 0 ] || exit "$code"
if ! printf '%s\n' "$out" | grep -Eq 'test cases: *[1-9][0-9]* *\| *[1-9][0-9]* passed'; then
  echo "FAILED: no test case of the doctest suite '$suite' ran"
  exit 1
fi
