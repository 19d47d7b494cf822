// The doctest runner for idlint's unit, fixture and command-line tests.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
