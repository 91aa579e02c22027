#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves `goat rewrite` tracks a 50 MB Go file (made at test time: realistic
# functions, all valid; one block per function) in reasonable time, into
# text that parses and cleans back to the input byte for byte.
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
(cd "$scratch" && $guard "$GOAT" rewrite --granularity func --lines all big.go) \
    >"$scratch/tracked.go" 2>"$scratch/err"
status=$?
echo "goat rewrite --granularity func on $mb MiB: exit $status in $(since "$start") s"
if [ "$status" -ne 0 ]; then
    fail "goat rewrite big.go: exit $status: $(head -c 300 "$scratch/err")"
else
    # func granularity: one block per function body, function literals included
    functions=$(( $(grep -c '^func ' "$scratch/big.go") + $(grep -c 'func() {' "$scratch/big.go") ))
    blocks=$(grep -c '+goat:generate' "$scratch/tracked.go")
    [ "$blocks" -eq "$functions" ] || fail "goat rewrite big.go: $blocks blocks for $functions functions"
    (cd "$scratch" && $guard "$GOAT" ast -n tracked.go) 2>"$scratch/err" ||
        fail "goat rewrite big.go: the output does not parse: $(head -c 300 "$scratch/err")"
    start=$(now)
    (cd "$scratch" && $guard "$GOAT" rewrite --clean tracked.go) >"$scratch/cleaned.go" 2>"$scratch/err" ||
        fail "goat rewrite --clean: exit $?: $(head -c 300 "$scratch/err")"
    echo "goat rewrite --clean: $(since "$start") s"
    cmp -s "$scratch/big.go" "$scratch/cleaned.go" || fail "clean(track(big.go)) differs from big.go"
fi
finish
