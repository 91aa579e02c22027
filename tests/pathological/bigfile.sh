#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves a 50 MB Go file (made at test time: realistic functions, all valid)
# parses with `goat ast -n` in reasonable time (bigfile-rewrite.sh: the
# rewriter on the same file).
# Times are printed for information only; bench/linearity.sh measures them.
# GOAT_BIG_MB changes the size (check-valgrind uses 5).
. "$top_srcdir/tests/pathological/lib.sh"

mb=${GOAT_BIG_MB:-50}
# Seconds any one command may take: twenty times what a linear parse and
# rewrite need natively (a few seconds each), enough for ASan, so that only
# a hang or a quadratic algorithm hits it.
command -v timeout >/dev/null 2>&1 && guard="timeout ${GOAT_PATHOLOGICAL_TIMEOUT:-120}"
gen big.go big "$mb"
checked=1
now() { date +%s.%N 2>/dev/null || date +%s; }
since() { echo "$(now) $1" | awk '{ printf "%.2f", $1 - $2 }'; }

start=$(now)
(cd "$scratch" && $guard "$GOAT" ast -n big.go) >"$scratch/out" 2>"$scratch/err"
status=$?
echo "goat ast -n on $mb MiB: exit $status in $(since "$start") s"
[ "$status" -eq 0 ] || fail "goat ast -n big.go: exit $status: $(head -c 300 "$scratch/err")"
[ -s "$scratch/out" ] && fail "goat ast -n big.go printed something"

finish
