#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves goat rejects what go/parser rejects for deep scopes: besides its
# nesting cap (nesting.sh), go/parser's ParseFile resolves identifiers
# (unless SkipObjectResolution) and gives up past 1,000 nested scopes with
# "exceeded max scope depth during object resolution" at the position of the
# scope that went too deep (go/parser/resolver.go, maxScopeDepth). The
# cases sit on both sides of that line for every construct that opens a
# scope.
. "$top_srcdir/tests/pathological/lib.sh"

# go/parser's resolver: at most 1,000 nested scopes.
gen braces_999.go braces 999;     expect braces_999.go ok
gen braces_1000.go braces 1000;   expect braces_1000.go '3:1009: exceeded max scope depth during object resolution'
gen ifelse_997.go ifelse 997;     expect ifelse_997.go ok
gen ifelse_998.go ifelse 998;     expect ifelse_998.go '1001:21: exceeded max scope depth during object resolution'
gen funclit_998.go funclit 998;   expect funclit_998.go ok
gen funclit_999.go funclit 999;   expect funclit_999.go '1002:1: exceeded max scope depth during object resolution'
gen braces_90000.go braces 90000; expect braces_90000.go '3:1009: exceeded max scope depth during object resolution'

# Constructs that open scopes at other rates per level of nesting: three
# (switches with init and tag, type switches with init), two (interfaces
# with their methods, for loops with their bodies), one (function types,
# structs, select cases), and type specs with type parameters, whose scopes
# stay open to the end of their declaration. Parsing skips the resolver's
# walk when its nesting proves the cap out of reach: these sit on the line.
gen switch3_332.go switch3 332;         expect switch3_332.go ok
gen switch3_333.go switch3 333;         expect switch3_333.go '669:1: exceeded max scope depth during object resolution'
gen typeswitch3_332.go typeswitch3 332; expect typeswitch3_332.go ok
gen typeswitch3_333.go typeswitch3 333; expect typeswitch3_333.go '1001:1: exceeded max scope depth during object resolution'
gen iface_499.go iface 499;             expect iface_499.go ok
gen iface_500.go iface 500;             expect iface_500.go '3:6506: exceeded max scope depth during object resolution'
gen forrange_499.go forrange 499;       expect forrange_499.go ok
gen forrange_500.go forrange 500;       expect forrange_500.go '503:1: exceeded max scope depth during object resolution'
gen functype_999.go functype 999;       expect functype_999.go ok
gen functype_1000.go functype 1000;     expect functype_1000.go '3:5002: exceeded max scope depth during object resolution'
gen struct_999.go struct 999;           expect struct_999.go ok
gen struct_1000.go struct 1000;         expect struct_1000.go '3:9997: exceeded max scope depth during object resolution'
gen select_998.go select 998;           expect select_998.go ok
gen select_999.go select 999;           expect select_999.go '2001:1: exceeded max scope depth during object resolution'
gen generic_999.go generic 999;         expect generic_999.go ok
gen generic_1000.go generic 1000;       expect generic_1000.go '1003:2: exceeded max scope depth during object resolution'

# Resolution runs after a syntax error too, and errors are sorted by position.
gen deep_then_bad.go braces 1000; printf 'var = 1\n' >>"$scratch/deep_then_bad.go"
expect deep_then_bad.go '3:1009: exceeded max scope depth during object resolution'
{ printf 'package p\n\nvar = 1\n\nfunc f() '; "$genpath" braces 1000 | sed -n 's/^func f() //p'; } >"$scratch/bad_then_deep.go"
expect bad_then_deep.go "3:5: expected 'IDENT', found '='"

finish
