#!/bin/sh
# SPDX-License-Identifier: MIT
# Prints the last lines of the log of every test that failed below the given
# directories (automake's .trs files say which), so that a CI run, whose build
# trees are gone with its machine, shows why a test failed and not only that
# it did. Always exits 0: the caller has its own failure to report.
#
# usage: tests/show-failures.sh DIR...
for dir in "$@"; do
  find "$dir" -name '*.trs' 2>/dev/null | LC_ALL=C sort | while IFS= read -r trs; do
    grep -q '^:test-result: \(FAIL\|ERROR\|XPASS\)' "$trs" || continue
    log=${trs%.trs}.log
    echo "==== $log (last 80 lines)"
    tail -n 80 "$log" 2>/dev/null || echo "(no log)"
  done
done
exit 0
