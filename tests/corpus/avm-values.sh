#!/bin/sh
# CTest corpus-avm-values and corpus-avm-identity: idlint on real Azure Verified Modules
# (Azure/bicep-registry-modules, from ../shared/corpus), in their original directory layout so
# that the e2e tests' `module testDeployment '../../../main.bicep'` calls are followed with the
# arguments the tests pass. Two suites (the fifth argument):
#
#   flexible-servers (default, corpus-avm-values): the PostgreSQL and MySQL flexible server
#     modules, with --explain-unknown, and the largest compiled template of the corpus;
#     expectations in tests/corpus/avm-values-expected.tsv.
#   identity (corpus-avm-identity): the modules of the resource types whose identity rules the
#     issue tracker names (storage accounts, web apps, Cosmos DB accounts, container registries,
#     AKS clusters, Recovery Services vaults, application gateways, firewall policies, Logic
#     workflows, App Configuration stores, Cognitive Services accounts, API Management);
#     expectations in tests/corpus/avm-identity-expected.tsv. These modules deploy in the
#     repository's CI with both identities, so their identity.type values must give no error.
#
#   1. unpacks the bulk corpus once into BUILD_DIR/bench-corpus (unpack-bulk.sh);
#   2. rebuilds BUILD_DIR/avm-tree/ from the flattened files and the manifests (avm-tree.sh);
#   3. lints each module's main.bicep and main.json and every tests/e2e/*/main.test.bicep in one
#      `idlint --format json --explain-unknown` run (IDL901 notes included), with an empty module
#      cache in the build tree (registry modules are unknown; the user's ~/.bicep is never read);
#   4. compares the findings with tests/corpus/avm-values-expected.tsv, exactly, and prints a diff;
#   5. fails on an error-level finding unless its line in the expectations file gives a reason;
#   6. prints (does not check) the lint time of the modules' main.json and of the largest compiled
#      main.json in the bulk corpus.
#
# Exits 77 (skipped) when ../shared/corpus/bulk.tar.xz is not there.
#
# After an intended change in what idlint reports, rewrite the expectations file and review it:
#   UPDATE_EXPECTED=1 ctest --test-dir build -R corpus-avm-values   (or corpus-avm-identity)
# Reasons already written for findings that are still reported are kept. The update run itself
# always fails ("golden file rewritten: review the diff"); run it again without UPDATE_EXPECTED.
#
# usage: avm-values.sh IDLINT CORPUS_REPORT SOURCE_DIR BUILD_DIR [SUITE]
set -eu
idlint=$1
report_tool=$2
src=$3
build=$4
suite=${5:-flexible-servers}
shared="$src/../shared/corpus"
case $suite in
  flexible-servers)
    expected="$src/tests/corpus/avm-values-expected.tsv"
    seeds='^avm/res/db-for-(postgre|my)-sql/'
    modules='avm/res/*/flexible-server'
    explain=--explain-unknown
    work="$build/avm-values"
    tree="$build/avm-tree"
    ;;
  identity)
    expected="$src/tests/corpus/avm-identity-expected.tsv"
    types='storage/storage-account|web/site|document-db/database-account|container-registry/registry'
    types="$types|container-service/managed-cluster|recovery-services/vault|network/application-gateway"
    types="$types|network/firewall-policy|logic/workflow|app-configuration/configuration-store"
    types="$types|cognitive-services/account|api-management/service"
    seeds="^avm/res/($types)/"
    modules=$(echo "$types" | tr '|' '\n' | sed 's,^,avm/res/,' | tr '\n' ' ')
    explain=
    work="$build/avm-identity"
    tree="$build/avm-identity-tree"
    ;;
  *)
    echo "avm-values.sh: unknown suite '$suite'" >&2
    exit 2
    ;;
esac
here="$src/tests/corpus"
tab=$(printf '\t')
export LC_ALL=C

if [ ! -f "$shared/bulk.tar.xz" ]; then
  . "$src/tests/skip.sh"
  no_corpus "$shared/bulk.tar.xz is not there"
fi
bulk=$(sh "$here/unpack-bulk.sh" "$shared" "$build/bench-corpus")

cache="$work/empty-module-cache"
rm -rf "$work"
mkdir -p "$work" "$cache"

# 2. The tree. Scripts and other non-template files that tests load are not in the corpus; a
# missing template would change what is followed, so that fails the test.
sh "$here/avm-tree.sh" "$bulk" "$shared/targeted" "$tree" "$seeds" >"$work/tree.log"
echo "avm-tree: $(grep -c '^copied ' "$work/tree.log") files rebuilt under $tree"
grep '^missing ' "$work/tree.log" | sed 's/^/  not in the corpus (not a template): /' | sed 's/: missing /: /' || true
if grep -E '^missing .*\.(bicep|bicepparam|json) ' "$work/tree.log"; then
  echo "FAIL: a template named by a relative path is not in the corpus"
  exit 1
fi

# 3. One idlint run over the entry points, in a stable order. With them, the largest compiled
# template of the corpus (3 MB, languageVersion 2.0, a PostgreSQL server with a customer-managed key
# several nested deployments down, its identities passed as other deployments' outputs): it is
# self-contained, so it is copied in beside the modules under its original path.
largest_compiled="$bulk/Azure__bicep-registry-modules/avm__ptn__sa__chat-with-your-data__main.json"
extra=
if [ "$suite" = flexible-servers ] && [ -f "$largest_compiled" ]; then
  mkdir -p "$tree/avm/ptn/sa/chat-with-your-data"
  cp "$largest_compiled" "$tree/avm/ptn/sa/chat-with-your-data/main.json"
  extra='avm/ptn/*/*/main.json'
fi
globs=
for m in $modules; do globs="$globs $m/main.bicep $m/main.json $m/tests/e2e/*/main.test.bicep"; done
# shellcheck disable=SC2086 # the globs are meant to expand
targets=$(cd "$tree" && ls -d $globs $extra 2>/dev/null | sort)
count=$(printf '%s\n' "$targets" | wc -l | tr -d ' ')
echo "linting $count files:"
printf '%s\n' "$targets" | sed 's/^/  /'
set --
for t in $targets; do set -- "$@" "$tree/$t"; done
# Registry modules come from an empty cache, never from ~/.bicep. --explain-unknown adds the IDL901
# notes: with them the list shows that each e2e test reaches the module through its relative path
# and what stays undetermined there; without them a module that is not followed would only show
# as fewer findings, or none.
code=0
# shellcheck disable=SC2086 # $explain is one flag or none
"$idlint" --format json --fail-level none --module-cache "$cache" $explain --output "$work/report.json" \
  "$@" 2>"$work/stderr" || code=$?
if [ -s "$work/stderr" ]; then sed 's/^/  stderr: /' "$work/stderr"; fi
if [ "$code" -gt 2 ] || [ ! -f "$work/report.json" ]; then
  echo "FAIL: idlint crashed or failed (exit status $code)"
  exit 1
fi
"$report_tool" tsv "$tree" "$work/report.json" "$cache=EMPTY_MODULE_CACHE" >"$work/findings.tsv"
checked=$(grep -o '"files_checked": *[0-9]*' "$work/report.json" | grep -o '[0-9]*$')
if [ "$checked" != "$count" ]; then
  echo "FAIL: idlint checked $checked files, $count were named"
  exit 1
fi

# 4. The exact list, sorted; the expectations file without its comments and reasons.
sortrows() { sort -t "$tab" -k1,1 -k2,2n -k3,3n -k4,4 -k5; }
cut -f 1-4,6 "$work/findings.tsv" | sortrows >"$work/actual.tsv"
if [ -f "$expected" ]; then grep -v '^#' "$expected" | grep -v '^$' || true; fi >"$work/expected-full.tsv"
cut -f 1-5 "$work/expected-full.tsv" | sortrows >"$work/expected.tsv"
echo "findings: $(wc -l <"$work/actual.tsv" | tr -d ' ') reported, $(wc -l <"$work/expected.tsv" | tr -d ' ') expected"
sed 's/^/  /' "$work/actual.tsv"

status=0
if [ "$code" -ne 0 ]; then
  echo "FAIL: idlint exited with status $code: a file could not be read or parsed"
  status=1
fi
if [ "${UPDATE_EXPECTED:-}" = 1 ]; then
  {
    # The comment lines at the top of the file stay as they are.
    if [ -f "$expected" ]; then
      sed -n '/^#/!q; p' "$expected"
    else
      echo "# Expected idlint findings on the Azure Verified Modules for PostgreSQL and MySQL flexible servers"
      echo "# (tests/corpus/avm-values.sh). Rewrite after an intended change with"
      echo "#   UPDATE_EXPECTED=1 ctest --test-dir build -R corpus-avm-values"
    fi
    # Keep the reason of each finding that is still reported (a reason is column 6).
    awk -F '\t' -v OFS='\t' 'FILENAME == ARGV[1] { key = $1 FS $2 FS $3 FS $4 FS $5; if ($6 != "") why[key] = $6; next }
      { key = $0; print (key in why) ? key OFS why[key] : key }' "$work/expected-full.tsv" "$work/actual.tsv"
  } >"$work/expected-new.tsv"
  . "$src/tests/skip.sh"
  rewrite_expectations "$work/expected-new.tsv" "$expected"
elif ! diff -u "$work/expected.tsv" "$work/actual.tsv" >"$work/diff"; then
  echo "FAIL: the findings differ from $expected"
  echo "(- expected, not reported; + reported, not expected)"
  tail -n +3 "$work/diff" | grep '^[-+]' || true
  echo "If the change is intended: UPDATE_EXPECTED=1 ctest --test-dir build -R corpus-avm-values, then review the file."
  status=1
fi

# 5. An error-level finding needs a reason in the expectations file.
awk -F '\t' 'FILENAME == ARGV[1] { key = $1 FS $2 FS $3 FS $4 FS $5; if ($6 != "") why[key] = 1; next }
  $5 == "error" { key = $1 FS $2 FS $3 FS $4 FS $6; if (!(key in why)) print }' \
  "$work/expected-full.tsv" "$work/findings.tsv" >"$work/unexplained.tsv"
if [ -s "$work/unexplained.tsv" ]; then
  echo "FAIL: error-level findings without a reason in $expected (column 6):"
  sed 's/^/  /' "$work/unexplained.tsv"
  status=1
fi

# 6. The values really are followed: a copy of the tree with one deliberate mistake in what an e2e
# test passes or a module computes must give the finding at the e2e test's module call.
# mutant_check RULE E2E_TEST WHAT: lints the e2e test of the mutated copy (made by the caller
# under $work/mutant) and fails unless RULE is reported in it.
mutant_tree() {
  rm -rf "$work/mutant"
  mkdir -p "$work/mutant"
  cp -R "$tree/avm" "$work/mutant/"
  if [ -d "$tree/utilities" ]; then cp -R "$tree/utilities" "$work/mutant/"; fi
}
mutant_check() {
  "$idlint" --format json --fail-level none --module-cache "$cache" --output "$work/mutant.json" \
    "$work/mutant/$2" || true
  "$report_tool" tsv "$work/mutant" "$work/mutant.json" >"$work/mutant.tsv"
  if ! awk -F '\t' -v rule="$1" -v file="$2" '$4 == rule && $1 == file { found = 1 } END { exit !found }' \
    "$work/mutant.tsv"; then
    echo "FAIL: $3 is not followed through the e2e module call: no $1. idlint reported:"
    sed 's/^/  /' "$work/mutant.tsv"
    status=1
  else
    echo "mutation check: $1 reported at the e2e test's argument when $3"
  fi
}
# another_user_identity E2E_TEST: the first identity the test passes in userAssignedResourceIds
# becomes another one, so the identity its customer-managed key names is no longer assigned.
another_user_identity() {
  awk '/userAssignedResourceIds: \[/ { print; getline;
         print "          resourceId('"'"'Microsoft.ManagedIdentity/userAssignedIdentities'"'"', '"'"'another-identity'"'"')"; next }
       { print }' "$work/mutant/$1" >"$work/mutant/$1.new" && mv "$work/mutant/$1.new" "$work/mutant/$1"
}
if [ "$suite" = flexible-servers ]; then
  # The PostgreSQL cmk-hsm-uami e2e test's server is given another user-assigned identity than the
  # CMK one (the output of its dependencies module): IDL010 at its customerManagedKey argument.
  mutant_tree
  e2e=avm/res/db-for-postgre-sql/flexible-server/tests/e2e/cmk-hsm-uami/main.test.bicep
  another_user_identity "$e2e"
  mutant_check IDL010 "$e2e" "the CMK identity is not assigned"
else
  # The API Management module computes its combined identity type in the other order: IDL007 at the
  # max e2e test's managedIdentities argument (the module's own spelling is a known acceptance).
  mutant_tree
  module=avm/res/api-management/service/main.bicep
  sed "s/'SystemAssigned,UserAssigned'/'UserAssigned,SystemAssigned'/" "$work/mutant/$module" >"$work/mutant/$module.new" &&
    mv "$work/mutant/$module.new" "$work/mutant/$module"
  mutant_check IDL007 avm/res/api-management/service/tests/e2e/max/main.test.bicep \
    "the API Management module spells the combined type otherwise"
  # The storage account cmk-uami e2e test assigns another user-assigned identity than the one its
  # customer-managed key uses: IDL014 at the test's customerManagedKey argument.
  mutant_tree
  e2e=avm/res/storage/storage-account/tests/e2e/cmk-uami/main.test.bicep
  another_user_identity "$e2e"
  mutant_check IDL014 "$e2e" "the storage account's key identity is not assigned"
fi

# 7. Timings, for information (the target, < 100 ms for the largest compiled template, is checked
# by bench/run). The largest main.json that Bicep compiled (it carries "_generator" metadata).
if [ "$suite" != flexible-servers ]; then exit $status; fi
echo "lint time, one idlint process per file, start to exit:"
largest=$(find "$bulk" -type f -name '*main.json' -exec grep -l '"_generator"' {} + | xargs wc -c | grep -v ' total$' |
  sort -n | tail -n 1 | sed 's/^ *[0-9]* //')
for f in "$tree/avm/res/db-for-postgre-sql/flexible-server/main.json" \
         "$tree/avm/res/db-for-my-sql/flexible-server/main.json" "$largest"; do
  bytes=$(wc -c <"$f" | tr -d ' ')
  t=$("$report_tool" time 7 "$idlint" -q --format json --module-cache "$cache" --output /dev/null "$f")
  echo "  ${f#"$build/"} ($bytes bytes): $t"
done
exit $status
