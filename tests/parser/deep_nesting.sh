#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves that adversarially deep input (200,000 nested parentheses,
# brackets, braces, unary operators, pointer types, if-else chains, ...)
# gets go/parser's "exceeded max nesting depth" error at the same position,
# never a stack overflow; that 50,000 levels (under the cap) parse; that
# 3,000 levels print (the walk over the tree is iterative) exactly as
# go/parser's do (the printed text grows with the square of the depth); and
# that blocks and if-else chains, under the nesting cap but over the
# resolver's 1,000 scopes, get go/parser's scope depth error (files named
# scope_*).
# With GOAT_CORPUS_SAMPLE > 1 only three of the files are tried.
. "$top_srcdir/tests/parser/lib.sh"
build_goast

N=200000

# gen NAME PREFIX OPEN MIDDLE CLOSE SUFFIX COUNT:
#   PREFIX OPEN^COUNT MIDDLE CLOSE^COUNT SUFFIX
gen() {
    awk -v pre="$2" -v open="$3" -v mid="$4" -v cl="$5" -v suf="$6" -v n="$7" 'BEGIN {
        printf "%s", pre
        for (i = 0; i < n; i++) printf "%s", open
        printf "%s", mid
        for (i = 0; i < n; i++) printf "%s", cl
        printf "%s", suf
    }' > "$tmp/$1.go"
}
gen parens 'package p\nvar x = ' '(' 'y' ')' '\n' $N
gen brackets 'package p\nvar x = ' 'a[' 'i' ']' '\n' $N
gen complit 'package p\nvar x = ' 'T{' '' '}' '\n' $N
gen blocks 'package p\nfunc f() ' '{' '' '}' '\n' $N
gen unary 'package p\nvar x = ' '- ' '1' '' '\n' $N
gen not 'package p\nvar x = ' '!' 'y' '' '\n' $N
gen star 'package p\nvar x ' '*' 'int' '' '\n' $N
gen slices 'package p\nvar x ' '[]' 'int' '' '\n' $N
gen chans 'package p\nvar x ' 'chan ' 'int' '' '\n' $N
gen funcs 'package p\nvar x = ' 'func() {' '' '}' '\n' $N
gen ifelse 'package p\nfunc f() {\n' 'if x {} else ' '{}' '' '\n}\n' $N
gen calls 'package p\nvar x = f' '(' '' ')' '\n' $N
gen selectors 'package p\nvar x = a' '.b' '' '' '\n' $N
gen binary 'package p\nvar x = 1' ' + 1' '' '' '\n' $N
gen ok_parens 'package p\nvar x = ' '(' 'y' ')' '\n' 50000
gen scope_blocks 'package p\nfunc f() ' '{' '' '}' '\n' 50000
gen ok_binary 'package p\nvar x = 1' ' + 1' '' '' '\n' 50000
gen ok_print_parens 'package p\nvar x = ' '(' 'y' ')' '\n' 3000
gen ok_print_ifelse 'package p\nfunc f() {\n' 'if x {} else ' '{}' '' '\n}\n' 997
gen ok_print_complit 'package p\nvar x = ' 'T{' '' '}' '\n' 3000
gen scope_ifelse 'package p\nfunc f() {\n' 'if x {} else ' '{}' '' '\n}\n' 3000
gen ok_print_calls 'package p\nvar x = ' 'f(' '' ')' '\n' 3000

# Sampled runs (sanitizers, valgrind) keep three representative files.
if [ "${GOAT_CORPUS_SAMPLE:-1}" -gt 1 ]; then
    for f in "$tmp"/*.go; do
        case $(basename "$f" .go) in
        parens | ifelse | ok_print_parens) ;;
        *) rm -f "$f" ;;
        esac
    done
fi

fail=0
for f in "$tmp"/*.go; do
    name=$(basename "$f" .go)
    (cd "$tmp" && "$GOAT" ast -n "$name.go") 2> "$tmp/$name.goat"
    status=$?
    (cd "$tmp" && "$GOAST" -n "$name.go") 2> "$tmp/$name.go.err"
    if [ $status -gt 1 ]; then
        echo "FAIL: $name: goat ast crashed (status $status)"
        fail=1
    elif [ "${name#ok_}" != "$name" ] && [ $status -ne 0 ]; then
        echo "FAIL: $name: goat ast rejects nesting under the cap:"
        cat "$tmp/$name.goat"
        fail=1
    elif [ "${name#scope_}" != "$name" ] && ! grep -q 'exceeded max scope depth' "$tmp/$name.goat"; then
        echo "FAIL: $name: expected the scope depth error, got:"
        cat "$tmp/$name.goat"
        fail=1
    elif [ "${name#ok_}" = "$name" ] && [ "${name#scope_}" = "$name" ] &&
        ! grep -q 'exceeded max nesting depth' "$tmp/$name.goat"; then
        echo "FAIL: $name: expected the nesting error, got:"
        cat "$tmp/$name.goat"
        fail=1
    elif [ "${name#ok_print_}" != "$name" ] &&
        ! { (cd "$tmp" && "$GOAT" ast "$name.go") > "$tmp/$name.goat.tree" &&
            (cd "$tmp" && "$GOAST" "$name.go") > "$tmp/$name.go.tree" &&
            cmp -s "$tmp/$name.goat.tree" "$tmp/$name.go.tree"; }; then
        echo "FAIL: $name: goat ast prints a different tree than go/parser"
        fail=1
    elif ! cmp -s "$tmp/$name.goat" "$tmp/$name.go.err"; then
        echo "FAIL: $name: go/parser says:"
        cat "$tmp/$name.go.err"
        echo "goat says:"
        cat "$tmp/$name.goat"
        fail=1
    fi
done
[ $fail -eq 0 ] && echo "PASS: deep nesting handled as go/parser does"
exit $fail
