#!/bin/sh
# SPDX-License-Identifier: MIT
# `make fuzz-smoke` in a fuzzing build: runs each libFuzzer harness for
# $FUZZ_SECONDS seconds (default 30) from its seed corpus in
# SRCDIR/fuzz/corpus/<harness>/ with its dictionary (the Go tokens, or the
# JSON ones for fuzz_track). New inputs go to
# WORKDIR/<harness>/corpus (the seed corpus in the source tree is only read);
# a crash, leak, timeout or broken property leaves the input in
# WORKDIR/<harness>/ and fails. Prints each harness's executions per second.
#
# usage: smoke.sh SRCDIR WORKDIR HARNESS...
srcdir=$1 workdir=$2
shift 2
seconds=${FUZZ_SECONDS:-30}
# configure's fuzzing flags leave UBSan recoverable: make every report fatal
# so that undefined behaviour fails like a crash.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export UBSAN_OPTIONS
failed=0
for harness in "$@"; do
    name=$(basename "$harness")
    work=$workdir/$name
    mkdir -p "$work/corpus"
    log=$work/fuzz.log
    dict=$srcdir/fuzz/go.dict
    [ "$name" = fuzz_track ] && dict=$srcdir/fuzz/json.dict
    echo "fuzz-smoke: $name for ${seconds}s"
    "$harness" -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
        -dict="$dict" -artifact_prefix="$work/" -print_final_stats=1 \
        "$work/corpus" "$srcdir/fuzz/corpus/$name" >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    done_line=$(grep '^Done [0-9]* runs in' "$log" | tail -n 1)
    secs=$(echo "$done_line" | sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
    if [ -n "$runs" ] && [ -n "$secs" ] && [ "$secs" -gt 0 ]; then
        echo "fuzz-smoke: $name: $runs runs in ${secs}s = $((runs / secs)) execs/s, $cov"
    fi
    if [ "$status" -ne 0 ]; then
        failed=1
        echo "fuzz-smoke: $name FAILED (exit $status); input and log in $work/" >&2
        grep -n -A 40 'ERROR: \|fuzz: \|==ERROR\|runtime error' "$log" | head -n 80 >&2
        ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null >&2
    fi
done
exit $failed
