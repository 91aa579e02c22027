#!/bin/sh
# Proves goat rejects what go/parser rejects for deep scopes: besides its
# nesting cap (nesting.sh), go/parser's ParseFile resolves identifiers
# (unless SkipObjectResolution) and gives up past 1,000 nested scopes with
# "exceeded max scope depth during object resolution" at the position of the
# scope that went too deep (go/parser/resolver.go, maxScopeDepth). The
# cases sit on both sides of that line for blocks, if/else chains and
# function literals.
. "$top_srcdir/tests/pathological/lib.sh"

# go/parser's resolver: at most 1,000 nested scopes.
gen braces_999.go braces 999;     expect braces_999.go ok
gen braces_1000.go braces 1000;   expect braces_1000.go '3:1009: exceeded max scope depth during object resolution'
gen ifelse_997.go ifelse 997;     expect ifelse_997.go ok
gen ifelse_998.go ifelse 998;     expect ifelse_998.go '1001:21: exceeded max scope depth during object resolution'
gen funclit_998.go funclit 998;   expect funclit_998.go ok
gen funclit_999.go funclit 999;   expect funclit_999.go '1002:1: exceeded max scope depth during object resolution'
gen braces_90000.go braces 90000; expect braces_90000.go '3:1009: exceeded max scope depth during object resolution'

# Resolution runs after a syntax error too, and errors are sorted by position.
gen deep_then_bad.go braces 1000; printf 'var = 1\n' >>"$scratch/deep_then_bad.go"
expect deep_then_bad.go '3:1009: exceeded max scope depth during object resolution'
{ printf 'package p\n\nvar = 1\n\nfunc f() '; "$genpath" braces 1000 | sed -n 's/^func f() //p'; } >"$scratch/bad_then_deep.go"
expect bad_then_deep.go "3:5: expected 'IDENT', found '='"

finish
