#!/bin/sh
# CTest bicep-differential: idlint's Bicep parser against tree-sitter-bicep, in two runs.
#   1. testdata/: both parsers must agree on every file tree-sitter parses (at least the floors
#      below: a folder or filter that finds nothing must not pass);
#   2. ../shared/corpus: the targeted corpus and the bulk corpus (unpacked once into
#      BUILD_DIR/bench-corpus, where bench/run also looks), compared the same way, and every valid
#      file must parse without a syntax error. Of the files named *Invalid* (broken on purpose in
#      the Bicep repository's tests), exactly the number below give IDL900: the others are invalid
#      for reasons other than syntax (types, scopes), which a parser does not see.
# Without ../shared the test reports Skipped after run 1 (it fails if run 1 fails).
# usage: bicep_differential.sh BICEP_DIFFERENTIAL SOURCE_DIR BUILD_DIR
set -eu
exe=$1
src=$2
build=$3
shared="$src/../shared/corpus"
. "$src/tests/skip.sh"
lists="--defects $src/tests/oracle/grammar-defects.tsv --known-invalid $src/tests/corpus/bicep-known-invalid.tsv"
echo "testdata/:"
# shellcheck disable=SC2086 # $lists is options and paths without spaces
"$exe" $lists --expect 'files>=290' --expect 'compared>=275' "$src/testdata"
[ -f "$shared/bulk.tar.xz" ] || no_corpus "$shared/bulk.tar.xz is not there: only testdata/ was compared"
corpus=$(sh "$src/tests/corpus/unpack-bulk.sh" "$shared" "$build/bench-corpus")
echo "../shared/corpus:"
# shellcheck disable=SC2086
exec "$exe" $lists --expect 'files>=5100' --expect 'compared>=4200' --expect 'valid>=4850' \
  --expect 'invalid=223' --expect 'invalid-idl900=131' --coverage "$shared/targeted" --coverage "$corpus"
