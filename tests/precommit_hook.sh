#!/usr/bin/env bash
# The pre-commit hook of .pre-commit-hooks.yaml (the working copy, not the last commit), installed
# with the real pre-commit in a scratch repository: clean commits pass, and a commit introducing an
# invalid identity type (IDL001), dropping the identity a key used (IDL022, against HEAD) or
# switching off the system identity in a parameter file alone (IDL020) or changing a module so that
# its caller's arguments become invalid (IDL001 at the call site) is refused with the finding printed. No network: the hook repository is a local path.
set -euo pipefail
idlint=$1
root=$(cd "$2" && pwd)
. "$root/tests/skip.sh"
for tool in git pre-commit; do
  command -v "$tool" >/dev/null || missing "'$tool' is not installed (scripts/install-deps --test installs it)"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Only the built idlint, and nobody's git configuration (signing, hooks, templates).
mkdir "$tmp/bin"
ln -s "$(cd "$(dirname "$idlint")" && pwd)/$(basename "$idlint")" "$tmp/bin/idlint"
export PATH="$tmp/bin:$PATH" PRE_COMMIT_HOME="$tmp/pre-commit-home" HOME="$tmp/home"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$tmp/gitconfig"
mkdir "$HOME"
: >"$GIT_CONFIG_GLOBAL"
git_init() {
  git init -q -b main "$1"
  git -C "$1" config user.email test@example.invalid
  git -C "$1" config user.name "idlint test"
}

git_init "$tmp/hooks"
cp "$root/.pre-commit-hooks.yaml" "$tmp/hooks/"
git -C "$tmp/hooks" add .pre-commit-hooks.yaml
git -C "$tmp/hooks" commit -q -m hooks
rev=$(git -C "$tmp/hooks" rev-parse HEAD)

repo=$tmp/repo
git_init "$repo"
cd "$repo"
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $tmp/hooks
    rev: $rev
    hooks:
      - id: idlint
EOF
pre-commit install >/dev/null

status=0
fail() {
  echo "FAIL: $*"
  status=1
}
# commit NAME EXPECTED_EXIT MESSAGE: commits what is staged and checks that the hook ran, and
# that the commit was made (exit 0) or refused (exit 1) with HEAD unchanged.
commit() {
  local name=$1 want=$2 before after got=0
  before=$(git rev-parse --quiet --verify HEAD || true)
  git commit -q -m "$3" >"$tmp/$name.out" 2>&1 || got=$?
  after=$(git rev-parse --quiet --verify HEAD || true)
  echo "== $name: git commit exited $got =="
  cat "$tmp/$name.out"
  grep -Eq '^idlint\.+(Passed|Failed)' "$tmp/$name.out" || fail "$name: the idlint hook did not run"
  if [ "$want" -eq 0 ]; then
    if [ "$got" -ne 0 ] || [ "$after" = "$before" ]; then fail "$name: the commit should have been made"; fi
  else
    if [ "$got" -eq 0 ] || [ "$after" != "$before" ]; then fail "$name: the commit should have been refused"; fi
    grep -q '^- exit code: 1$' "$tmp/$name.out" || fail "$name: idlint should have exited 1 (findings)"
  fi
}

# The templates are in tests/workflows/ (README.md there).
# 1. The first commit (no HEAD yet): a PostgreSQL flexible server whose customer-managed key uses
#    the first of its two user identities, and a JSON file that is not a template.
cp "$root/tests/workflows/server-before.json" pg.json
echo '{ "name": "not-a-template" }' >package.json
git add .pre-commit-config.yaml pg.json package.json
commit first-commit 0 "PostgreSQL server with a customer-managed key"

# 2. A clean change, checked against HEAD: a tag on the server.
sed -i 's/"location": "westeurope",/"location": "westeurope",\n      "tags": { "team": "orders" },/' pg.json
grep -q '"tags"' pg.json || fail "test set-up: the tag was not added"
git add pg.json
commit clean-change 0 "Tag the server"

# 3. A new Bicep file whose server asks for a system identity at an api-version without one: IDL001, refused.
cp "$root/tests/workflows/spaced-identity-type.bicep" reporting.bicep
git add reporting.bicep
commit introduce-idl001 1 "Reporting server"
grep -q "^reporting.bicep:10:11: error: 'SystemAssigned, UserAssigned' is not accepted .*\[IDL001 identity-type-invalid\]$" \
  "$tmp/introduce-idl001.out" || fail "introduce-idl001: the IDL001 finding is not printed"
git rm -q --cached reporting.bicep
rm reporting.bicep

# 4. The key's identity leaves userAssignedIdentities while the key switches to the other one: the
#    new file alone is valid (no IDL010), but the server loses the identity that can still unwrap
#    its data: IDL022 against HEAD, refused.
cp "$root/tests/workflows/server-after.json" pg.json
if ! idlint -q pg.json >"$tmp/head-alone.out" 2>&1; then
  fail "test set-up: the changed pg.json should be clean on its own"
  cat "$tmp/head-alone.out"
fi
git add pg.json
commit remove-key-identity 1 "Use the other identity for the key"
grep -q '^pg.json:[0-9]*:[0-9]*: error: .*\[IDL022 cmk-identity-removed\]$' "$tmp/remove-key-identity.out" ||
  fail "remove-key-identity: the IDL022 finding is not printed"

# 5. A template whose identity type comes from its parameter file: committed clean, then only the
#    parameter file changes, switching off the system identity beside a user one. The hook names
#    the parameter file alone; idlint lints its template with it against HEAD: IDL020, refused.
git checkout -q HEAD -- pg.json  # the refused change (staged) is dropped
cp "$root/tests/workflows/parameterized.bicep" "$root/tests/workflows/parameterized.parameters.json" .
git add parameterized.bicep parameterized.parameters.json
commit parameterized-server 0 "Server with its identity type in a parameter file"
sed -i 's/"SystemAssigned,UserAssigned"/"UserAssigned"/' parameterized.parameters.json
grep -q '"value": "UserAssigned"' parameterized.parameters.json || fail "test set-up: the parameter was not changed"
git add parameterized.parameters.json
commit parameter-file-only 1 "Only user-assigned identities"
grep -q "^parameterized.bicep:12:11: error: .*(with parameter file 'parameterized.parameters.json') \[IDL020 system-identity-disabled-with-user-identities\]$" \
  "$tmp/parameter-file-only.out" || fail "parameter-file-only: the IDL020 finding is not printed"

# 6. A Bicep module and the file calling it, committed clean; then only the module changes: its
#    api-version goes back to one without the system identity, which the caller passes. The hook
#    names the module alone; idlint lints its caller with it: IDL001 at the call site, refused.
git checkout -q HEAD -- parameterized.parameters.json  # the refused change (staged) is dropped
mkdir -p infra/modules
cat >infra/modules/server.bicep <<'BICEP'
param name string
param identityType string

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: resourceGroup().location
  identity: {
    type: identityType
  }
}
BICEP
cat >infra/main.bicep <<'BICEP'
module server 'modules/server.bicep' = {
  name: 'server'
  params: {
    name: 'orders'
    identityType: 'SystemAssigned'
  }
}
BICEP
git add infra
commit module-and-caller 0 "Server module and its caller"
sed -i 's/@2024-08-01/@2023-12-01-preview/' infra/modules/server.bicep
git add infra/modules/server.bicep
commit module-only 1 "Older api-version for the server module"
grep -q "^idlint: note: infra/main.bicep is linted too: it calls infra/modules/server.bicep$" "$tmp/module-only.out" ||
  fail "module-only: the caller is not said to be linted"
grep -q "^infra/main.bicep:5:19: error: 'SystemAssigned' is not accepted by Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview: .*\[IDL001 identity-type-invalid\]$" \
  "$tmp/module-only.out" || fail "module-only: the IDL001 finding at the call site is not printed"

exit $status
