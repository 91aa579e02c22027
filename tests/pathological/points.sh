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

finish
