#!/bin/sh
# SPDX-License-Identifier: MIT
# Replays every seed input (fuzz/corpus/<harness>/) and every input a fuzzer
# ever failed on (tests/regressions/<harness>/, each named after the bug it
# found) through the harness that found it, in whatever build this is
# (plain, --enable-sanitizers, --enable-fuzzing, or under valgrind through
# $FUZZ_WRAPPER). A harness aborts on a broken property, and the sanitizers
# abort on memory errors and leaks, so a non-zero exit is a failure.
#
# With REPLAY_OPEN=1 (replay-open.sh) it replays tests/regressions/open/
# <harness>/ instead: bugs found and not fixed yet.
: "${top_srcdir:?}" "${top_builddir:?}"
failures=0 runs=0
wrapper=${FUZZ_WRAPPER:-}
# The open bugs abort their harness by design: under valgrind that would be
# counted as the run's memory errors.
[ "${REPLAY_OPEN:-}" = 1 ] && wrapper=
for harness in fuzz_parse fuzz_roundtrip fuzz_markers fuzz_track; do
    program=$top_builddir/fuzz/$harness
    [ -x "$program" ] || { echo "FAIL: $program not built"; failures=$((failures + 1)); continue; }
    dirs="$top_srcdir/fuzz/corpus/$harness $top_srcdir/tests/regressions/$harness"
    [ "${REPLAY_OPEN:-}" = 1 ] && dirs=$top_srcdir/tests/regressions/open/$harness
    for dir in $dirs; do
        for input in "$dir"/*; do
            [ -f "$input" ] || continue
            runs=$((runs + 1))
            if ! $wrapper "$program" "$input" >"${TMPDIR:-/tmp}/replay.$$" 2>&1; then
                failures=$((failures + 1))
                echo "FAIL: $harness on ${input#"$top_srcdir"/}:"
                tail -n 40 "${TMPDIR:-/tmp}/replay.$$"
            fi
        done
    done
done
rm -f "${TMPDIR:-/tmp}/replay.$$"
echo "$runs inputs replayed, $failures failed"
[ "$failures" -eq 0 ]
