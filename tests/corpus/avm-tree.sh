#!/bin/sh
# Rebuilds, under OUT, the original directory layout of the Azure Verified Modules for PostgreSQL
# and MySQL flexible servers from the flattened corpus files (`/` became `__` in their names), so
# that relative module paths (`module x '../../../main.bicep'`) lead where they lead in the
# bicep-registry-modules repository.
#
# usage: avm-tree.sh BULK_DIR TARGETED_DIR OUT [SEEDS]
#   BULK_DIR      the unpacked bulk corpus (tests/corpus/unpack-bulk.sh)
#   TARGETED_DIR  ../shared/corpus/targeted (may be absent)
#   OUT           rebuilt from scratch: OUT/avm/res/db-for-postgre-sql/..., OUT/utilities/...
#   SEEDS         an awk regular expression the original paths to start from match (default: the
#                 PostgreSQL and MySQL flexible server modules, ^avm/res/db-for-(postgre|my)-sql/)
#
# Which files: every file of Azure__bicep-registry-modules whose original path matches SEEDS, then, repeatedly, every file that one of
# the chosen .bicep files names by a relative path (a module call, `import ... from`, `using`,
# `loadTextContent(...)` and the other load functions) when the corpus has it. Registry references (br:, br/..., ts:, ts/...) are not files and are
# left out. Original paths come from BULK_DIR/Azure__bicep-registry-modules.MANIFEST.tsv (column
# 1) and from TARGETED_DIR/MANIFEST.tsv (columns local_file, repo, path); a path in both must have
# the same content. Prints, for each file, "copied ORIGINAL_PATH", and for each relative reference
# that the corpus does not hold, "missing ORIGINAL_PATH (named by FILE)". POSIX sh and awk only.
set -eu
bulk=$1
targeted=$2
out=$3
seeds=${4:-'^avm/res/db-for-(postgre|my)-sql/'}
repo=Azure__bicep-registry-modules
manifest="$bulk/$repo.MANIFEST.tsv"
if [ ! -f "$manifest" ]; then
  echo "avm-tree: $manifest not found" >&2
  exit 2
fi
tmanifest="$targeted/MANIFEST.tsv"
[ -f "$tmanifest" ] || tmanifest=/dev/null

# Pass 1 (awk): the index of original paths, the seeds and the closure over relative references.
# Output lines: "copy<TAB>LOCAL_FILE<TAB>ORIGINAL_PATH" or "missing<TAB>ORIGINAL_PATH<TAB>NAMED_BY".
plan=$(awk -F '\t' -v bulkdir="$bulk/$repo" -v tdir="$targeted" -v tman="$tmanifest" -v seeds="$seeds" '
  function flatten(p) { gsub("/", "__", p); return p }
  # Folds "a/b/../c/./d" into "a/c/d"; a path that climbs above the repository root gives "".
  function normalize(p,    parts, n, i, k, stack) {
    n = split(p, parts, "/"); k = 0
    for (i = 1; i <= n; i++) {
      if (parts[i] == "" || parts[i] == ".") continue
      if (parts[i] == "..") { if (k == 0) return ""; k--; continue }
      stack[++k] = parts[i]
    }
    p = ""
    for (i = 1; i <= k; i++) p = p (i > 1 ? "/" : "") stack[i]
    return p
  }
  function dirname(p) { return sub("/[^/]*$", "", p) ? p : "" }
  function want(path, by) {
    if (path in chosen) return
    if (!(path in local)) { if (!((path, by) in said)) { said[path, by] = 1; print "missing\t" path "\t" by }; return }
    chosen[path] = 1; queue[++tail] = path
  }
  # The relative paths a .bicep file names: the quoted string after `module NAME`, after `from`,
  # after a bare `import` or `using`, or first in a load function call. Strings with ":" are registry references.
  function refs(path,    file, line, s, ref, d) {
    file = local[path]
    while ((getline line < file) > 0) {
      s = line
      if (match(s, "^[ \t]*module[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]+" str) ||
          match(s, "(^|[ \t}])from[ \t]+" str) ||
          match(s, "^[ \t]*(import|using)[ \t]+" str) ||
          match(s, "load[A-Za-z]*(Content|AsBase64)[ \t]*\\([ \t]*" str)) {
        s = substr(s, RSTART, RLENGTH)
        ref = substr(s, index(s, q) + 1); ref = substr(ref, 1, length(ref) - 1)
        if (ref != "" && index(ref, ":") == 0) {
          d = dirname(path)
          d = normalize((d == "" ? "" : d "/") ref)
          want(d == "" ? ref : d, path)
        }
      }
    }
    close(file)
  }
  BEGIN { q = sprintf("%c", 39); str = q "[^" q "]*" q }
  FILENAME == ARGV[1] {  # bulk manifest: path, blob_sha, bytes, kind
    if (FNR > 1 && $1 != "") local[$1] = bulkdir "/" flatten($1)
    next
  }
  {  # targeted manifest: local_file, repo, path, ...
    if (FNR > 1 && $2 == "Azure/bicep-registry-modules" && !($3 in local)) local[$3] = tdir "/" $1
    else if (FNR > 1 && $2 == "Azure/bicep-registry-modules") also[$3] = tdir "/" $1
  }
  END {
    for (p in also) print "same\t" local[p] "\t" also[p]
    n = 0
    for (p in local) if (p ~ seeds) seed[++n] = p
    # A stable order (insertion sort: a few dozen paths) so the output does not depend on awk.
    for (i = 2; i <= n; i++) { v = seed[i]; for (j = i - 1; j > 0 && seed[j] > v; j--) seed[j + 1] = seed[j]; seed[j + 1] = v }
    for (i = 1; i <= n; i++) want(seed[i], "")
    for (head = 1; head <= tail; head++) {
      p = queue[head]
      print "copy\t" local[p] "\t" p
      if (p ~ /\.bicep(param)?$/) refs(p)
    }
  }
' "$manifest" "$tmanifest")

rm -rf "$out"
mkdir -p "$out"
tab=$(printf '\t')
printf '%s\n' "$plan" | while IFS="$tab" read -r what a b; do
  case $what in
    same)
      if ! cmp -s "$a" "$b"; then
        echo "avm-tree: $a and $b have the same original path but different content" >&2
        exit 1
      fi ;;
    copy)
      mkdir -p "$out/$(dirname "$b")"
      cp "$a" "$out/$b"
      echo "copied $b" ;;
    missing)
      echo "missing $a (named by $b)" ;;
  esac
done
