#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves that adversarially deep input gets go/parser's error with its exact
# position, never a stack overflow (also under ASan and valgrind): 200,000
# nested parentheses, brackets, index expressions, braces, unary operators,
# function literals and an if/else chain of 200,000 branches; and that depths
# go/parser accepts (90,000 parentheses, ...) parse. (scopes.sh: the other
# cap go/parser has, 1,000 nested scopes.)
. "$top_srcdir/tests/pathological/lib.sh"

# Beyond go/parser's nesting cap of 100,000.
gen parens.go parens 200000;     expect parens.go '3:100009: exceeded max nesting depth'
gen brackets.go brackets 200000; expect brackets.go '3:200007: exceeded max nesting depth'
gen index.go index 200000;       expect index.go '5:100009: exceeded max nesting depth'
gen braces.go braces 200000;     expect braces.go '3:100011: exceeded max nesting depth'
gen unary.go unary 200000;       expect unary.go '3:100009: exceeded max nesting depth'
gen ifelse.go ifelse 200000;     expect ifelse.go '100000:23: exceeded max nesting depth'
gen funclit.go funclit 200000;   expect funclit.go '50003:8: exceeded max nesting depth'

# Deep but accepted: the parser really recurses this far.
gen parens_ok.go parens 90000;     expect parens_ok.go ok
gen brackets_ok.go brackets 90000; expect brackets_ok.go ok
gen index_ok.go index 30000;       expect index_ok.go ok
gen unary_ok.go unary 90000;       expect unary_ok.go ok

finish
