# Sourced by the packaging tests: fail with a message.
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
