#!/bin/sh
# Runs the differential test over testdata/ and, when ../shared is there, over the targeted corpus
# and the bulk corpus (unpacked once into BUILD_DIR/bench-corpus, where bench/run also looks).
# usage: bicep_differential.sh BICEP_DIFFERENTIAL SOURCE_DIR BUILD_DIR
set -eu
exe=$1
src=$2
build=$3
shared="$src/../shared/corpus"
set -- --defects "$src/tests/oracle/grammar-defects.tsv" --known-invalid "$src/tests/corpus/bicep-known-invalid.tsv" \
  "$src/testdata"
if [ -f "$shared/bulk.tar.xz" ]; then
  corpus=$(sh "$src/tests/corpus/unpack-bulk.sh" "$shared" "$build/bench-corpus")
  set -- "$@" --coverage "$shared/targeted" --coverage "$corpus"
else
  echo "note: ../shared/corpus is not there: only testdata/ is compared"
fi
exec "$exe" "$@"
