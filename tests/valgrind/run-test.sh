#!/bin/sh
# SPDX-License-Identifier: MIT
# LOG_COMPILER of `make check-valgrind`: a test script runs as it is (it
# reaches goat through $GOAT, which points at goat.sh); a compiled test runs
# under valgrind, and a Criterion program with one job at a time so that its
# forked test processes do not compete for the machine.
test=$1
shift
# The count of this test's processes, for a sampled run (sampled.sh).
GOAT_VALGRIND_COUNTER=$GOAT_VALGRIND_LOGS.count/$(echo "$test" | sed 's|^.*tests/||; s|/|_|g')
export GOAT_VALGRIND_COUNTER
mkdir -p "$GOAT_VALGRIND_LOGS.count"
rm -f "$GOAT_VALGRIND_COUNTER"
if head -c 2 "$test" | grep -q '^#!'; then
    exec "$test" "$@"
fi
if grep -q 'libcriterion' "$test" 2>/dev/null; then
    exec "$(dirname "$0")/vg.sh" "$test" --jobs 1 "$@"
fi
exec "$(dirname "$0")/vg.sh" "$test" "$@"
