#!/bin/sh
# CTest ts-bicep-dump: the tool end to end on tests/oracle/sample.bicep (a byte order mark is
# stripped before the offsets are counted): exit status 0 and the exact outline; a file it cannot
# read is exit status 2 with a message.
# usage: ts_bicep_dump_test.sh TS_BICEP_DUMP SAMPLE
set -eu
dump=$1
sample=$2
status=0
code=0
out=$("$dump" --time --runs 1 "$sample") || code=$?
expected="$sample: ok, 2 resources
  3 server Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01 identity [227,259)
  8 admin administrators@2024-08-01 -
files: 1, 1 without a parse error, 2 resources"
printf '%s\n' "$out"
if [ "$code" -ne 0 ]; then
  echo "FAIL: exit status $code on $sample"
  status=1
fi
if [ "$(printf '%s\n' "$out" | head -n 4)" != "$expected" ]; then
  echo "FAIL: the outline differs; expected:"
  printf '%s\n' "$expected"
  status=1
fi
printf '%s\n' "$out" | grep -q "^slowest file: $sample (329 bytes, no parse error, " || {
  echo "FAIL: no 'slowest file' line for $sample"
  status=1
}
code=0
err=$("$dump" "$sample.missing" 2>&1) || code=$?
if [ "$code" -ne 2 ] || [ "$err" != "ts-bicep-dump: cannot read $sample.missing" ]; then
  echo "FAIL: a missing file gave exit status $code and '$err' (expected 2 and 'ts-bicep-dump: cannot read …')"
  status=1
fi
exit $status
