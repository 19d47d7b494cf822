#!/bin/sh
# The static binary (-DIDLINT_STATIC=ON) as a release ships it: configured and built in a folder of
# its own (the idlint target only, no tests), then checked as a user on any Linux would run it.
# Usage: static.sh SOURCE_DIR BUILD_DIR DYNAMIC_IDLINT CXX_COMPILER
set -eu
src=$1
out=$2
dynamic=$3
cxx=$4
. "$(dirname "$0")/lib.sh"

start=$(date +%s)
cmake -S "$src" -B "$out" -DCMAKE_BUILD_TYPE=Release -DIDLINT_STATIC=ON -DIDLINT_BUILD_TESTS=OFF \
  -DCMAKE_CXX_COMPILER="$cxx" >"$out.configure.log" 2>&1 || { cat "$out.configure.log"; fail "configure"; }
cmake --build "$out" --target idlint -j"$(nproc)" >"$out.build.log" 2>&1 || { cat "$out.build.log"; fail "build"; }
echo "static build (configure and build, incremental when $out exists): $(($(date +%s) - start)) s"
# glibc warns at link time of each function that would load NSS or other shared libraries at run time.
if grep -i "statically linked applications requires at runtime" "$out.build.log"; then
  fail "the static binary uses a glibc function that needs shared libraries at run time"
fi

bin=$out/idlint
echo "static binary: $(wc -c <"$bin") bytes ($bin)"
if command -v strip >/dev/null; then
  strip -o "$out/idlint.stripped" "$bin"
  echo "static binary, stripped: $(wc -c <"$out/idlint.stripped") bytes"
fi
ldd_out=$(ldd "$bin" 2>&1 || true)
echo "ldd: $ldd_out"
case $ldd_out in *"not a dynamic executable"*) ;; *) fail "ldd: $ldd_out" ;; esac
if command -v file >/dev/null; then
  kind=$(file -b "$bin")
  echo "file: $kind"
  case $kind in *"statically linked"*) ;; *) fail "file does not say statically linked" ;; esac
fi

# From an empty folder with an empty environment (no PATH, no HOME).
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT
version=$(cd "$empty" && env -i "$bin" --version) || fail "--version failed"
echo "$version"
case $version in "idlint "*) ;; *) fail "--version printed: $version" ;; esac
help=$(cd "$empty" && env -i "$bin" --help) || fail "--help failed"
[ "$help" = "$(env -i "$dynamic" --help)" ] || fail "--help differs from the dynamic build's"

# The same findings, exit code and messages as the ordinary build, in each format.
for format in text json sarif; do
  cd "$src"
  set +e
  env -i "$bin" --format "$format" examples/ >"$empty/static.out" 2>"$empty/static.err"
  static_code=$?
  env -i "$dynamic" --format "$format" examples/ >"$empty/dynamic.out" 2>"$empty/dynamic.err"
  dynamic_code=$?
  set -e
  [ "$static_code" = 1 ] || fail "--format $format examples/: exit $static_code (the examples have findings: 1)"
  [ "$static_code" = "$dynamic_code" ] || fail "--format $format: exit $static_code, the dynamic build $dynamic_code"
  cmp "$empty/static.out" "$empty/dynamic.out" || fail "--format $format: the report differs from the dynamic build's"
  cmp "$empty/static.err" "$empty/dynamic.err" || fail "--format $format: standard error differs"
done
echo "examples/: the same report in text, json and sarif as the dynamic build"

# '~' from HOME (no NSS): the registry module is read from HOME/cache.
modules=$src/testdata/values/registry-module
set +e
found=$(cd "$modules" && env -i HOME="$modules" "$bin" --module-cache '~/cache' --fail-level warning main.bicep)
code=$?
set -e
[ "$code" = 1 ] || fail "--module-cache '~/cache' with HOME set: exit $code"
case $found in *"'systemAssigned' is spelled 'SystemAssigned'"*"(in module 'pg') [IDL007"*) ;;
  *) fail "the cached module's finding: $found" ;;
esac
set +e
unset_err=$(cd "$modules" && env -i "$bin" --module-cache '~/cache' main.bicep 2>&1)
code=$?
set -e
[ "$code" = 2 ] || fail "--module-cache '~/cache' without HOME: exit $code"
case $unset_err in *"starts with '~' and HOME is not set"*) ;; *) fail "without HOME: $unset_err" ;; esac
echo "--module-cache '~/cache': read from HOME; an error without HOME"
