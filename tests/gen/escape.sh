#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves with Go's own reader that the strings of the generated point table
# (file, function, lines: text taken from the repository, so untrusted) are
# written as the inside of Go string literals, fields of one raw string,
# that read back as exactly the bytes goat was given, and that no control,
# invalid byte or bidi control is left raw: every byte alone, escapes
# between long plain runs, valid and invalid UTF-8, and 3 x 2,000 random
# strings (fixed seeds). tests/gen/unquote renders the package with
# gen_render, parses it with go/parser, splits the raw string into rows of
# five fields and unquotes every text field with strconv.Unquote; then it
# builds the package with a test that dumps what its own reader, points(),
# makes of the table, and compares that too.
if [ -z "${GO:-}" ]; then
    echo "escape.sh: Go is not installed: skipped"
    exit 77
fi
: "${top_srcdir:?}" "${top_builddir:?}"
render=$top_builddir/tests/gen/gen_render
[ -x "$render" ] || { echo "escape.sh: $render not built"; exit 1; }
case $render in /*) ;; *) render=$PWD/$render ;; esac

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
GOCACHE=${GOAT_TEST_GOCACHE:-${GOCACHE:-$top_builddir/.gocache}}
case $GOCACHE in /*) ;; *) GOCACHE=$PWD/$GOCACHE ;; esac
export GOCACHE GOPATH=$tmp/gopath GOFLAGS=-modcacherw GOPROXY=off GOWORK=off GO111MODULE=on GOTOOLCHAIN=local

(cd "$top_srcdir/tests/gen/unquote" && timeout 300 "$GO" build -o "$tmp/unquote" .) ||
    { echo "escape.sh: cannot build tests/gen/unquote"; exit 1; }
status=0
for seed in 1 2 3; do
    GO=$GO "$tmp/unquote" "$render" "$seed" 2000 || { echo "FAIL: seed $seed"; status=1; }
done
exit $status
