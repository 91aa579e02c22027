#!/bin/sh
# SPDX-License-Identifier: MIT
# Prints one line "N passed, N failed, N skipped" summing every automake
# test-suite.log below the given build directories (and a distcheck.log),
# so CI logs end with a count that is easy to read (and fails when a log
# reports failures).
set -e
pass=0 fail=0 skip=0
for dir in "$@"; do
  # distcheck removes its build tree when it passes: its printed summary
  # (kept by tests/release/distcheck.sh) stands for its test-suite.log.
  for log in $(find "$dir" -name test-suite.log 2>/dev/null) $(ls "$dir/distcheck.log" 2>/dev/null); do
    eval "$(awk '
      /^# PASS: /  { p += $3 } /^# XFAIL: / { p += $3 }
      /^# FAIL: /  { f += $3 } /^# XPASS: / { f += $3 } /^# ERROR: / { f += $3 }
      /^# SKIP: /  { s += $3 }
      END { printf "p=%d f=%d s=%d\n", p, f, s }' "$log")"
    pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s))
  done
done
echo "tests: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
