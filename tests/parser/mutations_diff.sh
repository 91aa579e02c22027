#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves that on broken input goat ast reports exactly go/parser's first
# error (same FILE:LINE:COL, same words) and on input that still parses
# prints the same tree: 4,000 variants of standard-library and generic
# code with bytes deleted, Go tokens inserted, text cut or duplicated,
# //line directives (valid and not) inserted, generated deterministically
# by tests/goast (GOAT_MUTATION_SEED picks
# another set; GOAT_CORPUS_SAMPLE=N makes N times fewer).
. "$top_srcdir/tests/parser/lib.sh"
build_goast
if [ ! -d "$GOROOT_SRC/src" ] || [ ! -d "$GOROOT_SRC/test/typeparam" ]; then
    echo "SKIP: no Go source tree at $GOROOT_SRC"
    exit 77
fi

count=$((4000 / ${GOAT_CORPUS_SAMPLE:-1}))
[ $count -lt 100 ] && count=100
seed=${GOAT_MUTATION_SEED:-1}
mkdir "$tmp/m"
(cd "$GOROOT_SRC" && find src -name '*.go' -not -path '*/testdata/*' | LC_ALL=C sort | awk 'NR % 40 == 0';
    find test/typeparam -name '*.go' | LC_ALL=C sort) > "$tmp/seeds"
(cd "$GOROOT_SRC" && tr '\n' '\0' < "$tmp/seeds" | xargs -0 "$GOAST" -mutate "$tmp/m" "$count" "$seed") || {
    echo "FAIL: cannot generate the mutations"
    exit 1
}
(cd "$tmp/m" && ls | LC_ALL=C sort) > "$tmp/list"
(cd "$tmp/m" && "$GOAST" --files-from "$tmp/list") > "$tmp/go.out" 2> "$tmp/go.err"
(cd "$tmp/m" && "$GOAT" ast --files-from "$tmp/list") > "$tmp/goat.out" 2> "$tmp/goat.err"
status=$?
if [ $status -gt 1 ]; then
    echo "FAIL: goat ast exited with status $status (seed $seed)"
    tail -5 "$tmp/goat.err"
    exit 1
fi
# go/parser echoes the text of a bad //line directive in its message, NUL
# bytes included; goat's messages are C strings and end at the NUL. Those
# files (a NUL a mutation put inside a directive) are left out, and counted.
LC_ALL=C grep -aP '\x00' "$tmp/go.err" | sed 's/:.*//' | LC_ALL=C sort -u > "$tmp/nul_files"
nul=$(wc -l < "$tmp/nul_files")
if [ "$nul" -gt 0 ]; then
    for f in go goat; do
        LC_ALL=C awk -F: 'NR == FNR { skip[$0] = 1; next } !($1 in skip)' "$tmp/nul_files" "$tmp/$f.err" \
            > "$tmp/$f.err.kept" && mv "$tmp/$f.err.kept" "$tmp/$f.err"
    done
fi
fail=0
if ! cmp -s "$tmp/go.err" "$tmp/goat.err"; then
    echo "FAIL: errors differ (seed $seed; < go/parser, > goat):"
    diff "$tmp/go.err" "$tmp/goat.err" | head -10
    fail=1
fi
if ! cmp -s "$tmp/go.out" "$tmp/goat.out"; then
    echo "FAIL: trees differ (seed $seed; < go/parser, > goat):"
    diff "$tmp/go.out" "$tmp/goat.out" | head -10
    fail=1
fi
rejected=$(grep -c '^m[0-9]*\.go:[0-9]' "$tmp/go.err")
[ $fail -eq 0 ] && echo "PASS: $count broken variants (seed $seed), $rejected rejected, same errors and trees" \
    "($nul left out: a NUL byte in go/parser's message)"
exit $fail
