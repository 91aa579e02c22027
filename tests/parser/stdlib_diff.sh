#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves that `goat ast` prints exactly the tree go/parser (Go 1.19) builds,
# node for node and offset for offset, for every .go file of the Go standard
# library outside testdata directories (every Nth with GOAT_CORPUS_SAMPLE=N).
. "$top_srcdir/tests/parser/lib.sh"
build_goast

if [ ! -d "$GOROOT_SRC/src" ]; then
    echo "SKIP: no Go source tree at $GOROOT_SRC"
    exit 77
fi
(cd "$GOROOT_SRC" && find src -name '*.go' -not -path '*/testdata/*' | LC_ALL=C sort | sample) > "$tmp/list"
total=$(wc -l < "$tmp/list")
(cd "$GOROOT_SRC" && "$GOAST" --files-from "$tmp/list") > "$tmp/go.out" 2> "$tmp/go.err"
(cd "$GOROOT_SRC" && "$GOAT" ast --files-from "$tmp/list") > "$tmp/goat.out" 2> "$tmp/goat.err"
status=$?
if [ $status -gt 1 ]; then
    echo "FAIL: goat ast exited with status $status"
    tail -5 "$tmp/goat.err"
    exit 1
fi
if cmp -s "$tmp/go.out" "$tmp/goat.out" && cmp -s "$tmp/go.err" "$tmp/goat.err"; then
    echo "PASS: $total files, identical trees"
    exit 0
fi
# Name the first file whose tree differs, with a diff excerpt.
awk -v dir="$tmp/go" '/^== /{f=sprintf("%s.%06d", dir, ++n)} {print > f}' "$tmp/go.out"
awk -v dir="$tmp/goat" '/^== /{f=sprintf("%s.%06d", dir, ++n)} {print > f}' "$tmp/goat.out"
for g in "$tmp"/go.0*; do
    t="$tmp/goat.${g##*.}"
    if ! cmp -s "$g" "$t"; then
        echo "FAIL: first differing file: $(head -1 "$g" | cut -c4-)"
        diff "$g" "$t" | head -20
        break
    fi
done
if ! cmp -s "$tmp/go.err" "$tmp/goat.err"; then
    echo "FAIL: errors differ (go/parser < > goat):"
    diff "$tmp/go.err" "$tmp/goat.err" | head -10
fi
same=0
for g in "$tmp"/go.0*; do
    t="$tmp/goat.${g##*.}"
    cmp -s "$g" "$t" && same=$((same + 1))
done
echo "identical: $same of $total files"
exit 1
