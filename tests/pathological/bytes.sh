#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves that hostile bytes get go/parser's first error with its exact
# position and message, on stderr with exit status 1, from both `goat ast -n`
# and `goat rewrite`, and never a crash: random bytes, random token soup, NUL
# bytes anywhere, invalid UTF-8 in identifiers, strings, runes and comments,
# and byte order marks anywhere but at the start.
. "$top_srcdir/tests/pathological/lib.sh"

# Random bytes (fixed seeds: the same bytes every run).
gen random_1.go random 4096 1;        expect random_1.go '1:1: illegal UTF-8 encoding'
gen random_big.go random 65536 7;     expect random_big.go '1:1: illegal UTF-8 encoding'
put random_pkg.go 'package p\n\n'; "$genpath" random 4096 11 >>"$scratch/random_pkg.go"
expect random_pkg.go '3:1: illegal character U+0015'
gen soup_1.go soup 4096 1; expect soup_1.go "5:4: expected operand, found 'range'"
gen soup_2.go soup 4096 2; expect soup_2.go "4:4: expected operand, found ')'"
gen soup_3.go soup 4096 3; expect soup_3.go "4:7: expected operand, found '.'"
gen soup_4.go soup 4096 4; expect soup_4.go "4:1: expected '}', found 'default'"
gen soup_5.go soup 4096 5; expect soup_5.go "4:8: expected operand, found ':'"
gen soup_6.go soup 4096 6; expect soup_6.go "4:15: expected ';', found 'default'"
gen soup_7.go soup 4096 7; expect soup_7.go "4:11: expected '{', found 'break'"
gen soup_8.go soup 4096 8; expect soup_8.go "5:2: expected statement, found ':='"

# NUL bytes.
put nul_code.go 'package p\n\nvar x = 1\000\n';              expect nul_code.go '3:10: illegal character NUL'
put nul_string.go 'package p\n\nvar s = "a\000b"\n';        expect nul_string.go '3:11: illegal character NUL'
put nul_raw.go 'package p\n\nvar s = `a\000b`\n';           expect nul_raw.go '3:11: illegal character NUL'
put nul_char.go "package p\n\nvar c = '\\000'\n";          expect nul_char.go '3:10: illegal character NUL'
put nul_comment.go 'package p\n\n// a\000b\nvar x = 1\n';   expect nul_comment.go '3:5: illegal character NUL'
put nul_block.go 'package p\n\n/* a\000b */\nvar x = 1\n';  expect nul_block.go '3:5: illegal character NUL'
put nul_first.go '\000package p\n';                         expect nul_first.go '1:1: illegal character NUL'
put nul_only.go '\000\000\000';                             expect nul_only.go '1:1: illegal character NUL'

# Invalid UTF-8.
put utf8_ident.go 'package p\n\nvar a\377b = 1\n';              expect utf8_ident.go '3:6: illegal UTF-8 encoding'
put utf8_ident_start.go 'package p\n\nvar \377b = 1\n';         expect utf8_ident_start.go '3:5: illegal UTF-8 encoding'
put utf8_ident_trunc.go 'package p\n\nvar a\303 = 1\n';         expect utf8_ident_trunc.go '3:6: illegal UTF-8 encoding'
put utf8_overlong.go 'package p\n\nvar a\300\257 = 1\n';        expect utf8_overlong.go '3:6: illegal UTF-8 encoding'
put utf8_surrogate.go 'package p\n\nvar a\355\240\200 = 1\n';   expect utf8_surrogate.go '3:6: illegal UTF-8 encoding'
put utf8_string.go 'package p\n\nvar s = "a\377b"\n';           expect utf8_string.go '3:11: illegal UTF-8 encoding'
put utf8_raw.go 'package p\n\nvar s = `a\377b`\n';              expect utf8_raw.go '3:11: illegal UTF-8 encoding'
put utf8_char.go "package p\n\nvar c = '\\377'\n";             expect utf8_char.go '3:10: illegal UTF-8 encoding'
put utf8_line_comment.go 'package p\n\n// a\377b\nvar x = 1\n';   expect utf8_line_comment.go '3:5: illegal UTF-8 encoding'
put utf8_block_comment.go 'package p\n\n/* a\377b */\nvar x = 1\n'; expect utf8_block_comment.go '3:5: illegal UTF-8 encoding'
put utf8_eof_trunc.go 'package p\n\nvar s = "\342\202';            expect utf8_eof_trunc.go '3:9: string literal not terminated'
put utf8_valid.go 'package p\n\nvar \303\251t\303\251, \344\270\226 = "\360\237\230\200", 1\n'
expect utf8_valid.go ok

# Byte order marks: skipped at offset 0 only.
put bom_start.go '\357\273\277package p\n\nfunc f() {\n\tf()\n}\n'; expect bom_start.go ok
put bom_middle.go 'package p\n\nvar x\357\273\277 = 1\n';  expect bom_middle.go '3:6: illegal byte order mark'
put bom_ident.go 'package p\n\nvar a\357\273\277b = 1\n';  expect bom_ident.go '3:6: illegal byte order mark'
put bom_string.go 'package p\n\nvar s = "\357\273\277"\n'; expect bom_string.go '3:10: illegal byte order mark'
put bom_comment.go 'package p\n\n// \357\273\277\nvar x = 1\n'; expect bom_comment.go '3:4: illegal byte order mark'
put bom_twice.go '\357\273\277\357\273\277package p\n';     expect bom_twice.go '1:4: illegal byte order mark'
put bom_line2.go 'package p\n\357\273\277\nvar x = 1\n';   expect bom_line2.go '2:1: illegal byte order mark'

finish
