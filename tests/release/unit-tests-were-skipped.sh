#!/bin/sh
# SPDX-License-Identifier: MIT
# Reads the output of a make check (or distcheck) configured without
# Criterion and checks that its summary reports the unit tests as skipped and
# that no unit test ran; says what is wrong otherwise.
#
# usage: unit-tests-were-skipped.sh LOG
log=$1
if ! grep -q '^SKIP: tests/release/unit-tests-skipped.sh' "$log"; then
  echo "unit-tests-were-skipped.sh: $log does not report the unit tests as skipped" >&2
  exit 1
fi
if grep -q '^[A-Z]*: tests/unit/' "$log"; then
  echo "unit-tests-were-skipped.sh: $log shows unit tests that ran without Criterion" >&2
  exit 1
fi
exit 0
