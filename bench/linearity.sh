#!/bin/sh
# SPDX-License-Identifier: MIT
# Parse time must grow linearly with input: for each input shape, times
# `goat ast -n` (best of 3 runs) on a file and on one 10 times larger, and
# prints the ratio; more than 30 times the time for 10 times the input is
# flagged NOT LINEAR (and counted in the last line; the script still exits 0
# so that the other benchmarks run). Shapes: realistic functions (5 and 50 MiB), one long line, and
# deep nesting (9,000 and 90,000 parentheses; 20,000 and 200,000, which
# ends in an error at depth 100,000). The same for `goat rewrite` (tracking
# every line at func and at line granularity, 1 and 10 MiB, one run each).
set -u
: "${GOAT:?}" "${top_builddir:?}"
genpath=$top_builddir/tests/pathological/genpath
[ -x "$genpath" ] || make -C "$top_builddir" tests/pathological/genpath >/dev/null || exit 1
scratch=$(mktemp -d "${TMPDIR:-/tmp}/goat-linearity.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM

now() { date +%s.%N; }
runs=3
best_time() { # prints the best wall time of $command FILE over $runs runs, in seconds
    best=
    for run in $(seq "$runs"); do
        start=$(now)
        $command "$1" >/dev/null 2>&1
        t=$(echo "$(now) $start" | awk '{ printf "%.4f", $1 - $2 }')
        best=$(echo "$t ${best:-$t}" | awk '{ print ($1 < $2) ? $1 : $2 }')
    done
    echo "$best"
}

verdict=0
measure() { # measure LABEL KIND SMALL LARGE
    label=$1 kind=$2
    "$genpath" "$kind" "$3" >"$scratch/small.go"
    "$genpath" "$kind" "$4" >"$scratch/large.go"
    small_bytes=$(wc -c <"$scratch/small.go") large_bytes=$(wc -c <"$scratch/large.go")
    small=$(best_time "$scratch/small.go")
    large=$(best_time "$scratch/large.go")
    echo "$label $small_bytes $small $large_bytes $large" | awk '{
        size = $4 / $2; ratio = ($3 > 0) ? $5 / $3 : 0;
        printf "%-22s %10d B %8.3f s | %10d B %8.3f s | size x%.1f time x%.1f | %.1f MB/s %s\n",
            $1, $2, $3, $4, $5, size, ratio, ($5 > 0) ? $4 / $5 / 1e6 : 0,
            (ratio < 3 * size) ? "linear" : "NOT LINEAR (limit: 3x the size ratio)" }'
    echo "$small_bytes $small $large_bytes $large" |
        awk '{ exit !($3 / $1 * 3 > (($2 > 0) ? $4 / $2 : 0)) }' || verdict=$((verdict + 1))
}

command="$GOAT ast -n" runs=3
echo "goat ast -n, best of 3 runs:"
measure functions big 5 50
measure long-line longline 1000000 10000000
measure nested-parens parens 9000 90000
measure nested-too-deep parens 20000 200000

command="$GOAT rewrite --granularity func --lines all" runs=1
echo "goat rewrite --granularity func --lines all, one run:"
measure functions big 1 10
command="$GOAT rewrite --granularity line --lines all"
echo "goat rewrite --granularity line --lines all, one run:"
measure functions big 1 10
if [ "$verdict" -eq 0 ]; then echo "linearity: every shape linear"
else echo "linearity: $verdict shape(s) NOT LINEAR"; fi
