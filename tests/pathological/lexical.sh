#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves the edges of the text itself get go/parser's exact outcome from
# `goat ast -n` and `goat rewrite`: files without a trailing newline (after
# every kind of token), empty files, `/*` never closed, and very long lines
# (a megabyte-long statement, comment, string, identifier and number).
. "$top_srcdir/tests/pathological/lib.sh"

# No trailing newline.
put eof_func.go 'package p\n\nfunc f() { g() }';           expect eof_func.go ok
put eof_stmt.go 'package p\n\nfunc f() {\n\tg()\n}';        expect eof_stmt.go ok
put eof_ident.go 'package p\n\nvar x = y';                 expect eof_ident.go ok
put eof_line_comment.go 'package p\n\nvar x = 1 // done';  expect eof_line_comment.go ok
put eof_block_comment.go 'package p\n\nvar x = 1 /* done */'; expect eof_block_comment.go ok
put eof_package.go 'package p';                            expect eof_package.go ok
put crlf_no_newline.go 'package p\r\n\r\nvar x = 1';       expect crlf_no_newline.go ok
put eof_string.go 'package p\n\nvar s = "abc';             expect eof_string.go '3:9: string literal not terminated'
put eof_raw.go 'package p\n\nvar s = `abc';                expect eof_raw.go '3:9: raw string literal not terminated'
put eof_char.go "package p\n\nvar c = 'a";                expect eof_char.go '3:9: rune literal not terminated'
put eof_open_brace.go 'package p\n\nfunc f() {';           expect eof_open_brace.go "3:11: expected '}', found 'EOF'"
put eof_package_kw.go 'package';                           expect eof_package_kw.go "1:8: expected 'IDENT', found 'EOF'"
put empty.go '';                                           expect empty.go "1:1: expected 'package', found 'EOF'"
put only_newlines.go '\n\n\n';                             expect only_newlines.go "3:2: expected 'package', found 'EOF'"

# Comments never closed.
put unclosed.go 'package p\n\n/* never closed\nvar x = 1\n'; expect unclosed.go '3:1: comment not terminated'
put unclosed_eof.go 'package p\n\nvar x = 1 /*';           expect unclosed_eof.go '3:11: comment not terminated'
put unclosed_star.go 'package p\n\n/* almost *';           expect unclosed_star.go '3:1: comment not terminated'
put unclosed_first.go '/* package p\n';                    expect unclosed_first.go '1:1: comment not terminated'
put nested_comment.go 'package p\n\n/* a /* b */ c */\n';  expect nested_comment.go '3:14: expected declaration, found c'

# Very long lines (about 1 MB each).
megabyte() { head -c 1000000 /dev/zero | tr '\0' "$1"; }
gen longline.go longline 1000000; expect longline.go ok
{ printf 'package p\n\n// '; megabyte c; printf '\nvar x = 1\n'; } >"$scratch/long_comment.go"
expect long_comment.go ok
{ printf 'package p\n\nvar s = "'; megabyte s; printf '"\n'; } >"$scratch/long_string.go"
expect long_string.go ok
{ printf 'package p\n\nvar '; megabyte i; printf ' = 1\n'; } >"$scratch/long_ident.go"
expect long_ident.go ok
{ printf 'package p\n\nvar x = '; megabyte 1; printf '\n'; } >"$scratch/long_number.go"
expect long_number.go ok
{ printf 'package p\n\nvar s = "'; megabyte s; printf '\n"\n'; } >"$scratch/long_string_broken.go"
expect long_string_broken.go '3:9: string literal not terminated'
{ printf 'package p\n\nfunc f() {\n\tg('; i=0; while [ $i -lt 20000 ]; do printf 'x, '; i=$((i + 1)); done; printf ')\n}\n'; } >"$scratch/long_call.go"
expect long_call.go ok

finish
