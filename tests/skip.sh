# Sourced by the test scripts: how a test that cannot run ends. CTest reads exit 77 as "Skipped"
# (SKIP_RETURN_CODE), never as "Passed".
#
# missing WHAT: something scripts/test installs (a tool, the pinned npm packages) is not there.
# Outside CI the test is skipped; under CI=true, where scripts/test has installed everything the
# suite needs, that is a failure: CI never passes a test that did not run.
missing() {
  if [ "${CI:-}" = true ]; then
    echo "FAILED: $* (CI=true: scripts/test installs everything the suite needs, so no test may be skipped)"
    exit 1
  fi
  echo "skipped: $*"
  exit 77
}

# no_corpus WHAT: the third-party corpus in ../shared is not beside the checkout, as in a user's
# clone or on GitHub. It is not part of the project and nothing installs it, so the test is
# skipped, under CI=true too.
no_corpus() {
  echo "skipped: $* (../shared is not beside this checkout)"
  exit 77
}
