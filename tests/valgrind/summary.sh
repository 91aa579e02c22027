#!/bin/sh
# SPDX-License-Identifier: MIT
# Last step of `make check-valgrind`: fails when any process run under
# valgrind reported an error (invalid access, use of uninitialised memory,
# definite leak, ...), and prints those reports.
logs=${1:?usage: summary.sh LOGDIR}
total=$(ls "$logs" | grep -c '^vg\..*\.log$')
skipped=$(cat "$logs.skipped" 2>/dev/null | wc -l)
bad=0
for log in "$logs"/vg.*.log; do
    [ -f "$log" ] || continue
    if grep -q 'ERROR SUMMARY: [1-9]' "$log"; then
        bad=$((bad + 1))
        echo "==== $log"
        sed -n '1,120p' "$log"
    fi
done
if [ "$bad" -gt 0 ]; then
    echo "check-valgrind: $bad of $total processes had memory errors or leaks" >&2
    exit 1
fi
if [ "$total" -eq 0 ]; then
    echo "check-valgrind: no process ran under valgrind" >&2
    exit 1
fi
if [ "$skipped" -gt 0 ]; then
    echo "check-valgrind: $total processes ran under valgrind without errors or definite leaks" \
        "($skipped processes ran outside valgrind: a sampled run, VALGRIND_EVERY)"
else
    echo "check-valgrind: $total processes ran under valgrind without errors or definite leaks"
fi
