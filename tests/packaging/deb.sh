#!/bin/sh
# The Debian package: `cpack -G DEB` from the build folder, installed with dpkg into a scratch root
# (its own database, nothing of the system touched), the installed idlint run, the files checked
# where Debian puts them, and lintian run on it (any E: fails; warnings are printed).
# Usage: deb.sh SOURCE_DIR BUILD_DIR SCRATCH_DIR VERSION
# Skipped when dpkg or lintian is missing (scripts/install-deps --test installs them; under CI=true: failed).
set -eu
src=$1
build=$2
scratch=$3
version=$4
. "$(dirname "$0")/lib.sh"
. "$src/tests/skip.sh"
for tool in dpkg dpkg-deb dpkg-shlibdeps lintian; do
  command -v "$tool" >/dev/null || missing "$tool is not installed (scripts/install-deps --test installs it)"
done

rm -rf "$scratch"
mkdir -p "$scratch/out"
start=$(date +%s)
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 ||
  { cat "$scratch/cpack.log"; fail "cpack"; }
echo "cpack -G DEB: $(($(date +%s) - start)) s"
deb=$scratch/out/idlint_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || { ls "$scratch/out"; fail "no $deb"; }
echo "$(basename "$deb"): $(wc -c <"$deb") bytes"
dpkg-deb --info "$deb"
control=$(dpkg-deb --field "$deb")
for field in "Package: idlint" "Version: $version" "Section: devel" "Depends: libc6" "Homepage: http"; do
  case $control in *"$field"*) ;; *) fail "control has no '$field'" ;; esac
done
echo "contents:"
dpkg-deb --contents "$deb" | awk '{print $1, $2, $6}'

# Installed into a root of its own, with a dpkg database of its own.
root=$scratch/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
: >"$root/var/lib/dpkg/status"
: >"$root/var/lib/dpkg/available"
dpkg --root="$root" --admindir="$root/var/lib/dpkg" --force-not-root --force-depends --log=/dev/null -i "$deb"
dpkg --root="$root" --admindir="$root/var/lib/dpkg" -s idlint | grep -q "^Status: install ok installed$" ||
  fail "dpkg does not list idlint as installed"

bin=$root/usr/bin/idlint
"$bin" --version | grep -q "^idlint $version" || fail "$bin --version: $("$bin" --version)"
if command -v file >/dev/null; then
  case $(file -b "$bin") in *"not stripped"*) fail "the binary is not stripped" ;; esac
fi
cd "$src"
set +e
"$bin" examples/ >"$scratch/installed.out" 2>&1
code=$?
"$build/idlint" examples/ >"$scratch/built.out" 2>&1
built_code=$?
set -e
[ "$code" = 1 ] || fail "the installed idlint on examples/: exit $code (the examples have findings: 1)"
[ "$code" = "$built_code" ] && cmp "$scratch/installed.out" "$scratch/built.out" ||
  fail "the installed idlint does not lint examples/ as the built one does"

for path in usr/share/man/man1/idlint.1.gz usr/share/bash-completion/completions/idlint \
  usr/share/zsh/vendor-completions/_idlint usr/share/fish/vendor_completions.d/idlint.fish \
  usr/share/doc/idlint/copyright usr/share/doc/idlint/changelog.gz usr/share/doc/idlint/README.md \
  usr/share/doc/idlint/THIRD_PARTY_NOTICES.md usr/share/doc/idlint/rules/IDL001.md; do
  [ -f "$root/$path" ] || fail "/$path is not installed"
done
for path in usr/share/man/man1/idlint.1 usr/share/doc/idlint/LICENSE; do
  [ ! -e "$root/$path" ] || fail "/$path is installed (Debian has the compressed page, and copyright)"
done
gzip -dc "$root/usr/share/man/man1/idlint.1.gz" | cmp - "$build/share/idlint.1" || fail "the man page differs"
cmp "$root/usr/share/bash-completion/completions/idlint" "$build/share/idlint.bash" || fail "the bash completion differs"
head -1 "$root/usr/share/doc/idlint/copyright" |
  grep -q "^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/$" ||
  fail "copyright is not in the machine-readable format"
echo "installed into $root: idlint runs, the man page, completions and documentation are in place"

echo "lintian:"
lintian --display-info --pedantic --allow-root "$deb" >"$scratch/lintian.log" 2>&1 || true
cat "$scratch/lintian.log"
if grep -q "^E: " "$scratch/lintian.log"; then
  fail "lintian reports errors"
fi
