#!/bin/sh
# SPDX-License-Identifier: MIT
# Lexing speed of goat's lexer and of go/scanner (Go 1.19) on the .go files
# of the Go standard library, in MB/s (files read before the clock starts,
# comments returned as tokens, best of three runs each); goat's both one
# token at a time and in runs scanned ahead (goat_lexer_scan_ahead), the
# way the parser takes them.
: "${top_builddir:?}" "${top_srcdir:?}"
root=${GOROOT_SRC:-/usr/share/go-1.19}
[ -d "$root/src" ] || { echo "no Go source tree at $root: skipped"; exit 0; }
make -s -C "$top_builddir" tests/lexer/lexdump || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
find "$root/src" -type f -name '*.go' | LC_ALL=C sort > "$tmp/files"
cat $(cat "$tmp/files") > "$tmp/all.go"

best() { # prints the best MB/s of three runs of "$@" (each prints "... N MB/s" on stderr)
    for _ in 1 2 3; do "$@" 2>&1 >/dev/null | sed -n 's/.* \([0-9][0-9]*\) MB\/s$/\1/p'; done |
        sort -n | tail -1
}
goat=$(best "$top_builddir/tests/lexer/lexdump" -q "$tmp/all.go")
echo "goat lexer:  $goat MB/s ($(wc -c < "$tmp/all.go") bytes, $(wc -l < "$tmp/files") files concatenated)"
ahead=$(best "$top_builddir/tests/lexer/lexdump" -q -b "$tmp/all.go")
echo "goat lexer, tokens scanned ahead as the parser takes them: $ahead MB/s"
if [ -n "$GO" ]; then
    mkdir "$tmp/scandump"
    cp "$top_srcdir/tests/lexer/scandump.go" "$tmp/scandump/main.go"
    GOCACHE="$tmp/gocache" GO111MODULE=off GOPATH="$tmp/gopath" \
        "$GO" build -o "$tmp/scandump/scandump" "$tmp/scandump/main.go" || exit 1
    go=$(best "$tmp/scandump/scandump" -q "$tmp/all.go")
    echo "go/scanner:  $go MB/s"
    awk -v a="$goat" -v b="$go" 'BEGIN { if (b > 0) printf "ratio:       %.1fx\n", a / b }'
fi
