#!/bin/sh
# SPDX-License-Identifier: MIT
# `goat report --help` and the man page's goat report section name the same
# options, the same defaults (--since 1w, --timeout 30) and exit status 3.
: "${top_srcdir:?}" "${GOAT:?}"
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
help=$("$GOAT" report --help) || fail "goat report --help"
section=$(sed -n '/^\.SS goat report/,/^\.SS goat version/p' "$top_srcdir/doc/goat.1.in" | sed 's/\\-/-/g')
[ -n "$section" ] || fail "no goat report section in doc/goat.1.in"
options() { grep -o -- '--[a-z][a-z-]*' | sort -u; }
from_help=$(printf '%s\n' "$help" | options)
from_man=$(printf '%s\n' "$section" | options)
if [ "$from_help" != "$from_man" ]; then
    fail "options differ between goat report --help and goat(1)"
    printf -- '--- help\n%s\n--- man\n%s\n' "$from_help" "$from_man"
fi
case $help in *"1w (default)"*) ;; *) fail "--help does not give --since's default 1w" ;; esac
case $help in *"(default 30)"*) ;; *) fail "--help does not give --timeout's default 30" ;; esac
printf '%s\n' "$section" | grep -q '^\.BR 1w \.$' || fail "goat(1) does not give --since's default 1w"
printf '%s\n' "$section" | grep -q '^Default: 30\.$' || fail "goat(1) does not give --timeout's default 30"
case $help in *"3 below"*) ;; *) fail "--help does not document exit status 3" ;; esac
sed -n '/^\.SH EXIT STATUS/,/^\.SH FILES/p' "$top_srcdir/doc/goat.1.in" | grep -q '^\.B 3$' ||
    fail "goat(1) does not document exit status 3"
"$GOAT" --help | grep -q '^  report ' || fail "goat --help does not list report"
if [ "$failures" -ne 0 ]; then
    echo "help.sh: $failures failure(s)"
    exit 1
fi
echo "help.sh: all passed"
