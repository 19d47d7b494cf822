#!/bin/sh
# The build with clang: idlint and its unit tests compiled by clang++ with warnings as errors, the
# unit tests run against the clang-built binary, and its reports over examples/ and testdata/
# compared with the gcc build's, byte for byte (a difference is undefined or compiler-dependent
# behaviour). Usage: clang_build.sh GCC_IDLINT SOURCE_DIR BUILD_DIR
set -eu
gcc_idlint=$1
src=$2
build=$3
. "$src/tests/skip.sh"
command -v clang++ >/dev/null 2>&1 || missing "clang++ is not installed (scripts/install-deps --test installs it)"
clang++ --version | head -n 1
CC=clang CXX=clang++ cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DIDLINT_WERROR=ON >/dev/null
jobs=$(nproc 2>/dev/null || echo 2)
cmake --build "$build" --target idlint idlint_tests -j"$jobs"
"$build/tests/idlint_tests"

status=0
for dir in examples testdata; do
  for format in json sarif text; do
    # Same working directory and arguments for both: the reports must be identical.
    (cd "$src" && "$gcc_idlint" --no-config -j 1 --format "$format" --color never "$dir" >"$build/gcc.$dir.$format" 2>&1) || true
    (cd "$src" && "$build/idlint" --no-config -j 1 --format "$format" --color never "$dir" >"$build/clang.$dir.$format" 2>&1) || true
    if ! grep -q 'IDL0[0-9][0-9]' "$build/gcc.$dir.$format"; then
      echo "FAIL: the gcc build's $format report over $dir/ has no finding to compare:"
      head -n 20 "$build/gcc.$dir.$format"
      status=1
    elif ! cmp -s "$build/gcc.$dir.$format" "$build/clang.$dir.$format"; then
      echo "FAIL: the clang build's $format report over $dir/ differs from the gcc build's:"
      diff "$build/gcc.$dir.$format" "$build/clang.$dir.$format" | head -n 40
      status=1
    fi
  done
done
[ $status -eq 0 ] && echo "clang build: unit tests passed; reports over examples/ and testdata/ equal the gcc build's"
exit $status
