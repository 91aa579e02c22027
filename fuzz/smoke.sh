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
# A libFuzzer run uses one core, so $GOAT_JOBS harnesses (default 2) run at
# a time, each in its own WORKDIR/<harness>/. What each prints is printed in
# the order of the command line, each harness's lines once it has finished.
#
# usage: smoke.sh SRCDIR WORKDIR HARNESS...
srcdir=$1 workdir=$2
shift 2
seconds=${FUZZ_SECONDS:-30}
jobs=${GOAT_JOBS:-2}
case $jobs in '' | *[!0-9]* | 0) jobs=1 ;; esac
# configure's fuzzing flags leave UBSan recoverable: make every report fatal
# so that undefined behaviour fails like a crash.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export UBSAN_OPTIONS

# The harnesses started and not reported yet, oldest first: "PID:NAME ...".
running=
trap 'for job in $running; do kill "${job%%:*}" 2>/dev/null; done; exit 130' INT TERM HUP

start() {
    harness=$1
    name=$(basename "$harness")
    work=$workdir/$name
    mkdir -p "$work/corpus"
    dict=$srcdir/fuzz/go.dict
    [ "$name" = fuzz_track ] && dict=$srcdir/fuzz/json.dict
    "$harness" -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
        -dict="$dict" -artifact_prefix="$work/" -print_final_stats=1 \
        "$work/corpus" "$srcdir/fuzz/corpus/$name" >"$work/fuzz.log" 2>&1 &
    running="$running $!:$name"
}

# Waits for the oldest harness still running and reports it.
report_oldest() {
    set -- $running
    pid=${1%%:*} name=${1#*:}
    wait "$pid"
    status=$?
    shift
    running=$*
    work=$workdir/$name
    log=$work/fuzz.log
    echo "fuzz-smoke: $name for ${seconds}s"
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
        ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* >&2 2>/dev/null
    fi
}

echo "fuzz-smoke: $# harnesses, ${seconds}s each, $jobs at a time"
failed=0
started=0
for harness in "$@"; do
    start "$harness"
    started=$((started + 1))
    [ "$started" -lt "$jobs" ] || report_oldest
done
while [ -n "$running" ]; do
    report_oldest
done
exit $failed
