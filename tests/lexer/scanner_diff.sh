#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves that goat's lexer produces exactly go/scanner's tokens (offset, kind,
# literal), error count and first error (offset, message) on every .go file
# of the Go source tree ($GOROOT_SRC/src and $GOROOT_SRC/test, which include
# many deliberately broken files), both returning comments and skipping them
# (go/parser's two modes), and taking tokens the parser's way (-b: runs of
# tokens scanned ahead, the rest one by one). GOAT_CORPUS_SAMPLE=N checks
# every Nth file.
: "${top_builddir:?}" "${top_srcdir:?}"
if [ -z "$GO" ] || [ ! -d "${GOROOT_SRC:-/usr/share/go-1.19}/src" ]; then
    echo "Go or its source tree is missing: skipped"
    exit 77
fi
root=${GOROOT_SRC:-/usr/share/go-1.19}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

mkdir "$tmp/scandump"
cp "$top_srcdir/tests/lexer/scandump.go" "$tmp/scandump/main.go"
GOCACHE="${GOAT_TEST_GOCACHE:-$tmp/gocache}" GO111MODULE=off GOPATH="$tmp/gopath" \
    "$GO" build -o "$tmp/scandump/scandump" "$tmp/scandump/main.go" || exit 1

find "$root/src" "$root/test" -type f -name '*.go' | LC_ALL=C sort |
    awk -v n="${GOAT_CORPUS_SAMPLE:-1}" '(NR - 1) % n == 0' > "$tmp/files"
count=$(wc -l < "$tmp/files")

status=0
for flags in "" -n -b "-b -n"; do
    # shellcheck disable=SC2086
    xargs "$tmp/scandump/scandump" ${flags#-b} < "$tmp/files" > "$tmp/go.out" || exit 1
    # shellcheck disable=SC2086
    xargs "$top_builddir/tests/lexer/lexdump" $flags < "$tmp/files" > "$tmp/goat.out" || exit 1
    if ! cmp -s "$tmp/go.out" "$tmp/goat.out"; then
        echo "goat's lexer ${flags:+($flags) }differs from go/scanner (< go/scanner, > goat):"
        diff "$tmp/go.out" "$tmp/goat.out" | head -40
        status=1
    fi
done
[ $status -eq 0 ] && echo "same tokens and errors as go/scanner on $count files"
exit $status
