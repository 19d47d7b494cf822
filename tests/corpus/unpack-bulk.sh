#!/bin/sh
# Unpacks the bulk corpus (SHARED_CORPUS/bulk.tar.xz) once into DIR and prints DIR; exits 77 when
# the archive is not there. DIR/.unpacked marks a complete unpack: later calls return at once.
# Shared by bench/run, tests/oracle/bicep_differential.sh and tests/corpus/avm_values.sh, which
# all use BUILD_DIR/bench-corpus. Tests running in parallel may call it together: each unpacks
# into its own temporary folder and only a complete folder is renamed into place.
# usage: unpack-bulk.sh SHARED_CORPUS DIR
set -eu
shared=$1
dir=$2
[ -f "$shared/bulk.tar.xz" ] || exit 77
if [ ! -f "$dir/.unpacked" ]; then
  mkdir -p "$(dirname "$dir")"
  tmp=$(mktemp -d "$dir.tmp.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  sh "$shared/unpack.sh" "$tmp" >/dev/null
  touch "$tmp/.unpacked"
  if [ ! -f "$dir/.unpacked" ]; then
    rm -rf "$dir"  # an unpack that was interrupted
    # -T: never move into a folder that another caller has just put in place.
    mv -T "$tmp" "$dir" 2>/dev/null || [ -f "$dir/.unpacked" ]
  fi
fi
echo "$dir"
