#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves the point table is computed in time linear in the input, whatever
# its nesting, and never crashes: `goat rewrite --points` at every
# granularity with every line new, on the deepest nesting go/parser
# accepts (999 nested blocks, an else-if chain, function literals,
# switches, selects and range loops) and on a big file of realistic
# functions; each gives one row per block. (nesting.sh and scopes.sh: what
# goat accepts; bigfile-rewrite.sh: the rewrite without the table.)
. "$top_srcdir/tests/pathological/lib.sh"

points() { # points NAME: the table at every granularity, a row per block
    name=$1
    checked=$((checked + 1))
    for g in line patch scope func; do
        (cd "$scratch" && $guard "$GOAT" rewrite --granularity $g --lines all --points "$name") \
            >"$scratch/points" 2>"$scratch/err" ||
            { fail "goat rewrite --points $name ($g): exit $?: $(head -c 300 "$scratch/err")"; continue; }
        (cd "$scratch" && $guard "$GOAT" rewrite --granularity $g --lines all "$name") >"$scratch/tracked.go" ||
            fail "goat rewrite $name ($g)"
        rows=$(grep -c '^TRACK_ID_' "$scratch/points")
        blocks=$(grep -c 'goat\.Track(goat\.TRACK_ID_' "$scratch/tracked.go")
        [ "$rows" -eq "$blocks" ] || fail "$name ($g): $rows rows for $blocks blocks"
    done
}

gen braces.go braces 999 && points braces.go
gen ifelse.go ifelse 997 && points ifelse.go
gen funclit.go funclit 998 && points funclit.go
gen switch3.go switch3 332 && points switch3.go
gen select.go select 998 && points select.go
gen forrange.go forrange 499 && points forrange.go
gen big.go big "${GOAT_POINTS_BIG_MB:-8}" && points big.go

# A function of 400,000 comment-only lines, every one changed: each line's
# search for its first token stops at the line's end. When it ran on to the
# next token, over all the comments after it, the table took time
# quadratic in the lines (80,000 lines: 7 s; these: about three minutes,
# past the guard), with 0.1 s for the rewrite alone.
checked=$((checked + 1))
lines=${GOAT_POINTS_COMMENT_LINES:-400000}
{
    printf 'package p\n\nfunc f() {\n'
    awk -v n="$lines" 'BEGIN { for (i = 0; i < n; i++) print (i % 2 ? "\t/* c */" : "\t// c") }'
    printf '\tx := 1\n\t_ = x\n}\n'
} >"$scratch/comments.go"
guard_comments=
command -v timeout >/dev/null 2>&1 && guard_comments="timeout ${GOAT_PATHOLOGICAL_TIMEOUT:-120}"
for g in line func; do
    if (cd "$scratch" && $guard_comments "$GOAT" rewrite --granularity $g --lines all --points comments.go) \
        >"$scratch/points" 2>"$scratch/err"; then
        grep -q "^TRACK_ID_1$(printf '\t')" "$scratch/points" || fail "comments.go ($g): no row for its block: $(head -c 300 "$scratch/points")"
    else
        fail "goat rewrite --points comments.go ($g): exit $? (124: the guard's timeout): $(head -c 300 "$scratch/err")"
    fi
done

finish
