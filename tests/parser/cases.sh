#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves goat's parser on hand-written cases the standard library lacks.
# Each folder tests/parser/cases/NAME holds input.go and either
#   expected_error - the one line `goat ast input.go` must print on stderr,
#                    which go/parser's first error must equal, or nothing else -
#                    then `goat ast input.go` must print byte for byte what
#                    go/parser's dumper (tests/goast) prints; a file
#                    `expected` additionally pins that output verbatim.
. "$top_srcdir/tests/parser/lib.sh"
build_goast

fail=0
count=0
for dir in "$top_srcdir"/tests/parser/cases/*/; do
    name=$(basename "$dir")
    [ -f "$dir/input.go" ] || continue
    count=$((count + 1))
    (cd "$dir" && "$GOAT" ast input.go) > "$tmp/goat.out" 2> "$tmp/goat.err"
    goat_status=$?
    (cd "$dir" && "$GOAST" input.go) > "$tmp/go.out" 2> "$tmp/go.err"
    go_status=$?
    if [ -f "$dir/expected_error" ]; then
        if [ $goat_status -ne 1 ] || [ -s "$tmp/goat.out" ] || ! cmp -s "$dir/expected_error" "$tmp/goat.err"; then
            echo "FAIL: $name: goat ast should fail (status 1, no output) with:"
            cat "$dir/expected_error"
            echo "got status $goat_status and:"
            head -5 "$tmp/goat.err"
            fail=1
        fi
        if [ $go_status -eq 0 ]; then
            echo "FAIL: $name: go/parser accepts what the case says is an error"
            fail=1
        elif ! cmp -s "$dir/expected_error" "$tmp/go.err"; then
            echo "FAIL: $name: go/parser's first error is not the expected one:"
            cat "$tmp/go.err"
            fail=1
        fi
        continue
    fi
    if [ $go_status -ne 0 ]; then
        echo "FAIL: $name: go/parser rejects the input:"
        cat "$tmp/go.err"
        fail=1
        continue
    fi
    if [ $goat_status -ne 0 ] || ! cmp -s "$tmp/go.out" "$tmp/goat.out"; then
        echo "FAIL: $name: goat ast differs from go/parser (< go/parser, > goat):"
        cat "$tmp/goat.err"
        diff "$tmp/go.out" "$tmp/goat.out" | head -20
        fail=1
        continue
    fi
    if [ -f "$dir/expected" ] && ! cmp -s "$dir/expected" "$tmp/goat.out"; then
        echo "FAIL: $name: output differs from the pinned expected:"
        diff "$dir/expected" "$tmp/goat.out" | head -20
        fail=1
    fi
done
if [ $count -eq 0 ]; then
    echo "FAIL: no cases found"
    exit 1
fi
[ $fail -eq 0 ] && echo "PASS: $count cases"
exit $fail
