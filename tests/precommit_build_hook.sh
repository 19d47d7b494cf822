#!/usr/bin/env bash
# The idlint-build pre-commit hook (.pre-commit-hooks.yaml, scripts/pre-commit-build), run by the
# real pre-commit as a project uses it: `repo:` a clone of this repository, `rev:` a tag in it.
#
# Only committed code is tested: the hook repository is a clone of this repository's HEAD commit
# (a `repo: local` hook cannot be pinned to a rev), so uncommitted changes to the hook, its script
# or the sources are not seen here. The test says so when the working tree has such changes.
#
# 1. The script's failure paths, on small stand-in checkouts (a copy of the script beside a
#    CMakeLists.txt of a few lines): missing build tools, a configuration that fails (missing
#    libraries) and a build that fails each stop with a message naming the packages or the log, and
#    leave no binary behind; a binary built for one commit is not run for the next.
# 2. The real hook: the first commit of a template with a finding builds idlint once under
#    PRE_COMMIT_HOME (two pre-commit processes start at once; one builds, the other waits) and is
#    refused with the finding; a second commit reuses the binary; a clean commit passes. The time of
#    the first and the second run is printed.
set -euo pipefail
root=$(cd "$1" && pwd)
. "$root/tests/skip.sh"
for tool in git pre-commit cmake; do
  command -v "$tool" >/dev/null || missing "'$tool' is not installed (scripts/install-deps --test installs it)"
done
# safe.directory: in a CI container the checkout may belong to another user than the tests.
if ! git -c safe.directory='*' -C "$root" rev-parse --verify -q HEAD >/dev/null; then
  missing "$root is not a git repository with a commit (the hook repository is a clone of it)"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

export PRE_COMMIT_HOME="$tmp/pre-commit-home" HOME="$tmp/home"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$tmp/gitconfig"
mkdir "$HOME"
printf '[user]\n\temail = test@example.invalid\n\tname = idlint test\n[advice]\n\tdetachedHead = false\n' >"$GIT_CONFIG_GLOBAL"

status=0
fail() {
  echo "FAIL: $*"
  status=1
}
# expect NAME EXPECTED_EXIT COMMAND...: runs the command, its output in $tmp/NAME.out.
expect() {
  local name=$1 want=$2 got=0
  shift 2
  "$@" >"$tmp/$name.out" 2>&1 || got=$?
  echo "== $name: exited $got =="
  cat "$tmp/$name.out"
  [ "$got" -eq "$want" ] || fail "$name: exit code $got, expected $want"
}
has() { grep -qF -- "$2" "$tmp/$1.out" || fail "$1: the output does not say '$2'"; }
binaries() { find "$1" -path '*/.idlint-build/*/idlint' -type f | sort; }

if [ -n "$(git -c safe.directory='*' -C "$root" status --porcelain -- scripts/pre-commit-build .pre-commit-hooks.yaml src CMakeLists.txt)" ]; then
  echo "note: the working tree has uncommitted changes; this test runs the last commit ($(git -c safe.directory='*' -C "$root" rev-parse --short HEAD))"
fi

# --- 1. Failure paths on stand-in checkouts ---------------------------------------------------
# standin NAME CMAKELISTS [MAIN_CPP]: a git repository with the hook's script, this CMakeLists.txt
# and main.cpp.
standin() {
  local dir=$tmp/$1
  mkdir -p "$dir/scripts"
  cp "$root/scripts/pre-commit-build" "$dir/scripts/"
  printf '%s\n' "$2" >"$dir/CMakeLists.txt"
  local broken='int main() { return not_declared; }'
  printf '%s\n' "${3:-$broken}" >"$dir/main.cpp"
  git init -q "$dir"
  git -C "$dir" add .
  git -C "$dir" commit -q -m "$1"
}
packages="sudo apt-get install cmake g++ make nlohmann-json3-dev libfmt-dev libcli11-dev"

# No cmake on PATH: only the tools the script needs before it builds.
standin no-tools 'cmake_minimum_required(VERSION 3.25)'
mkdir "$tmp/no-cmake-bin"
for tool in bash env dirname git mkdir flock; do
  ln -s "$(command -v "$tool")" "$tmp/no-cmake-bin/$tool"
done
expect no-tools 3 env PATH="$tmp/no-cmake-bin" "$tmp/no-tools/scripts/pre-commit-build" a.json
has no-tools "idlint-build: 'cmake' is not installed."
has no-tools "$packages"
has no-tools "scripts/install-deps"

# A library that is not installed: the configuration fails.
standin no-library 'cmake_minimum_required(VERSION 3.25)
project(standin LANGUAGES CXX)
find_package(idlint_test_absent_library REQUIRED)'
expect no-library 3 "$tmp/no-library/scripts/pre-commit-build" a.json
has no-library "idlint-build: configuring the build failed"
has no-library "$packages"
[ -z "$(binaries "$tmp/no-library")" ] || fail "no-library: a binary was left behind"

# A compile error: the build fails, nothing is kept to be run later, and the next run builds again.
standin broken 'cmake_minimum_required(VERSION 3.25)
project(standin LANGUAGES CXX)
add_executable(idlint main.cpp)'
expect broken 3 "$tmp/broken/scripts/pre-commit-build" a.json
has broken "idlint-build: building idlint failed"
[ -z "$(binaries "$tmp/broken")" ] || fail "broken: a binary was left behind"
expect broken-again 3 "$tmp/broken/scripts/pre-commit-build" a.json
has broken-again "idlint-build: building idlint once"

# A stand-in idlint that prints its arguments: built once per commit, then reused; a new commit
# of the checkout gets a binary of its own.
standin fake 'cmake_minimum_required(VERSION 3.25)
project(standin LANGUAGES CXX)
add_executable(idlint main.cpp)' '#include <cstdio>
int main(int argc, char** argv) {
  std::printf("stand-in");
  for (int i = 1; i < argc; ++i) std::printf(" %s", argv[i]);
  std::printf("\n");
}'
expect fake-first 0 "$tmp/fake/scripts/pre-commit-build" a.json b.bicep
has fake-first "idlint-build: building idlint once"
has fake-first "stand-in --base HEAD -- a.json b.bicep"
commit1=$(git -C "$tmp/fake" rev-parse HEAD)
[ "$(binaries "$tmp/fake")" = "$tmp/fake/.idlint-build/$commit1/idlint" ] || fail "fake: the binary is not in the commit's folder"
expect fake-second 0 "$tmp/fake/scripts/pre-commit-build" c.json
grep -q "building" "$tmp/fake-second.out" && fail "fake-second: built again"
has fake-second "stand-in --base HEAD -- c.json"
git -C "$tmp/fake" commit -q --allow-empty -m "another revision"
expect fake-next-commit 0 "$tmp/fake/scripts/pre-commit-build" c.json
has fake-next-commit "idlint-build: building idlint once"
[ "$(binaries "$tmp/fake" | wc -l)" -eq 2 ] || fail "fake-next-commit: the second commit has no binary of its own"

# --- 2. The real hook -----------------------------------------------------------------------------
hooks=$tmp/idlint-clone
git -c safe.directory='*' clone -q "$root" "$hooks"
git -C "$hooks" tag v0.0.0-test

repo=$tmp/repo
git init -q -b main "$repo"
cd "$repo"
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: v0.0.0-test
    hooks:
      - id: idlint-build
        verbose: true # the hook's messages on a passing run too: building or not
EOF
pre-commit install >/dev/null
# The templates are in tests/workflows/ (README.md there): a Bicep server asking for a system
# identity at an api-version without one (IDL001), and a PostgreSQL server that is clean.
cp "$root/tests/workflows/spaced-identity-type.bicep" reporting.bicep
cp "$root/tests/workflows/server-before.json" pg.json
git add .pre-commit-config.yaml reporting.bicep pg.json
finding="reporting.bicep:10:11: error: 'SystemAssigned, UserAssigned' is not accepted"

start=$(date +%s)
pre-commit run --files reporting.bicep >"$tmp/parallel-run.out" 2>&1 &
parallel=$!
expect first-commit 1 git commit -q -m "Reporting server"
parallel_status=0
wait "$parallel" || parallel_status=$?
first=$(($(date +%s) - start))
echo "== pre-commit run beside it: exited $parallel_status =="
cat "$tmp/parallel-run.out"
[ "$parallel_status" -eq 1 ] || fail "parallel-run: exit code $parallel_status, expected 1"
has first-commit "$finding"
has parallel-run "$finding"
builds=$(cat "$tmp/first-commit.out" "$tmp/parallel-run.out" | grep -c "idlint-build: building idlint once" || true)
[ "$builds" -eq 1 ] || fail "first run: idlint was built $builds times by the two processes, expected once"
git rev-parse --verify -q HEAD >/dev/null && fail "first-commit: the commit was made"
built=$(binaries "$PRE_COMMIT_HOME")
[ "$(echo "$built" | grep -c .)" -eq 1 ] || fail "first run: expected one binary under PRE_COMMIT_HOME, found: $built"
[ "$(basename "$(dirname "$built")")" = "$(git -C "$hooks" rev-parse v0.0.0-test)" ] ||
  fail "first run: the binary's folder is not the pinned commit"
before=$(stat -c '%i %Y' "$built")

start=$(date +%s)
expect second-commit 1 git commit -q -m "Reporting server"
second=$(($(date +%s) - start))
has second-commit "$finding"
grep -q "building" "$tmp/second-commit.out" && fail "second-commit: idlint was built again"
[ "$(stat -c '%i %Y' "$built")" = "$before" ] || fail "second-commit: the binary was replaced"

git rm -q --cached reporting.bicep
expect clean-commit 0 git commit -q -m "PostgreSQL server"
grep -q "building" "$tmp/clean-commit.out" && fail "clean-commit: idlint was built again"
grep -Eq '^idlint \(built from the pinned rev\)\.+Passed' "$tmp/clean-commit.out" || fail "clean-commit: the hook did not pass"
[ "$(binaries "$PRE_COMMIT_HOME")" = "$built" ] || fail "clean-commit: another binary appeared"

echo "first run (building idlint): ${first} s; second run (reusing it): ${second} s"
exit $status
