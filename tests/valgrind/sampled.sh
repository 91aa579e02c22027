#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs PROGRAM ARGS... under valgrind (vg.sh), or, when GOAT_VALGRIND_EVERY is
# N > 1, only about one process in N of each test (goat, the git driver, the
# fuzz harness replays) and the others as they are: CI's sampled
# `make check-valgrind`. The Criterion programs always run under valgrind.
# Which ones is decided by a checksum of the test's name and the process's
# number within the test, so that a run is repeatable and a test that
# alternates two commands has both checked.
# Each process left out adds a line to $GOAT_VALGRIND_LOGS.skipped, so that
# the summary can say how many there were.
: "${GOAT_VALGRIND_LOGS:?set by make check-valgrind}"
every=${GOAT_VALGRIND_EVERY:-1}
counter=${GOAT_VALGRIND_COUNTER-}
if [ "$every" -gt 1 ] && [ -n "$counter" ]; then
    # Processes of one test may run at once (servers in the background).
    n=$(flock "$counter.lock" sh -c 'n=$(( $(cat "$1" 2>/dev/null || echo 0) + 1 )); echo "$n" >"$1"; echo "$n"' \
        sh "$counter")
    sum=$(printf '%s %s' "$(basename "$counter")" "$n" | cksum | cut -d' ' -f1)
    if [ $((sum % every)) -ne 0 ]; then
        echo "$1" >>"$GOAT_VALGRIND_LOGS.skipped"
        exec "$@"
    fi
fi
exec "$(dirname "$0")/vg.sh" "$@"
