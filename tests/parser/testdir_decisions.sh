#!/bin/sh
# Proves that `goat ast` accepts and rejects exactly the files go/parser
# (Go 1.19) accepts and rejects, over every file of Go's test/ directory
# (every Nth with GOAT_CORPUS_SAMPLE=N): hundreds of deliberately broken
# programs. Error lines are compared too and differences counted, but only
# the decisions must agree (go/parser's positions follow //line directives).
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
differ=$(diff "$tmp/go.err" "$tmp/goat.err" | grep -c '^>')
echo "PASS: $total files, same decisions ($rejected rejected); $differ error lines worded or placed differently"
exit 0
