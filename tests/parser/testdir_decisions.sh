#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves that `goat ast` accepts and rejects exactly the files go/parser
# (Go 1.19) accepts and rejects, over every file of Go's test/ directory
# (every Nth with GOAT_CORPUS_SAMPLE=N): hundreds of deliberately broken
# programs; and that the error goat reports is go/parser's, word for word
# and at the same FILE:LINE:COL, mapped by //line directives as go/parser
# maps them.
. "$top_srcdir/tests/parser/lib.sh"
build_goast

if [ ! -d "$GOROOT_SRC/test" ]; then
    echo "SKIP: no Go test tree at $GOROOT_SRC"
    exit 77
fi
(cd "$GOROOT_SRC" && find test -name '*.go' | LC_ALL=C sort | sample) > "$tmp/list"
total=$(wc -l < "$tmp/list")
(cd "$GOROOT_SRC" && "$GOAST" -n --files-from "$tmp/list") 2> "$tmp/go.err"
(cd "$GOROOT_SRC" && "$GOAT" ast -n --files-from "$tmp/list") 2> "$tmp/goat.err"
status=$?
if [ $status -gt 1 ]; then
    echo "FAIL: goat ast exited with status $status"
    tail -5 "$tmp/goat.err"
    exit 1
fi
# The file name is what precedes :LINE[:COL]: on each error line.
files_of() { sed -E 's/(:[0-9]+)+: .*//' "$1" | LC_ALL=C sort -u; }
files_of "$tmp/go.err" > "$tmp/go.rejected"
files_of "$tmp/goat.err" > "$tmp/goat.rejected"
rejected=$(wc -l < "$tmp/go.rejected")
if ! cmp -s "$tmp/go.rejected" "$tmp/goat.rejected"; then
    echo "FAIL: decisions differ (< rejected only by go/parser, > rejected only by goat):"
    diff "$tmp/go.rejected" "$tmp/goat.rejected" | grep '^[<>]' | head -20
    exit 1
fi
# The errors must be go/parser's, word for word, at the same positions
# (those //line directives map to, where a file has them).
if ! cmp -s "$tmp/go.err" "$tmp/goat.err"; then
    echo "FAIL: errors differ (< go/parser, > goat):"
    diff "$tmp/go.err" "$tmp/goat.err" | grep '^[<>]' | head -20
    exit 1
fi
directives=$(cd "$GOROOT_SRC" && grep -lE '^//line |/\*line ' $(cat "$tmp/list") 2>/dev/null | wc -l)
echo "PASS: $total files, same decisions ($rejected rejected), same errors (files with //line directives: $directives)"
exit 0
