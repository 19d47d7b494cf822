# Sourced by the test scripts: how a test that cannot run ends, and how an update run ends. CTest reads exit 77 as "Skipped"
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

# rewrite_expectations NEW FILE: the UPDATE_EXPECTED=1 mode of the corpus tests. FILE gets NEW's
# content, and the test fails all the same: what the program printed becomes an expectation only
# once a person has reviewed the diff and run the test again without UPDATE_EXPECTED.
rewrite_expectations() {
  if cmp -s "$1" "$2"; then
    echo "FAIL: UPDATE_EXPECTED=1 left $2 unchanged; run the test without UPDATE_EXPECTED"
  else
    cp "$1" "$2"
    echo "FAIL: golden file rewritten: review the diff (git diff $2), then run the test without UPDATE_EXPECTED"
  fi
  exit 1
}
