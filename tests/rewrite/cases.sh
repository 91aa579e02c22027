#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves the rewriter's golden cases: for every folder tests/cases/NAME/,
# `goat rewrite ARGS input.go` prints exactly expected.go (or fails with
# exactly expected.err), `goat rewrite ARGS --points input.go` prints
# exactly expected.points (the point table) when the folder has one, and
# for every tracking case (ARGS with --lines, not --patch) and every main
# entry case whose input holds no goat block yet, `goat rewrite --clean` of
# expected.go gives input.go back byte for byte.
# When gofmt is available, a gofmt-clean input must give a gofmt-clean
# output (but for clean cases: clean gives back what was tracked).
: "${top_srcdir:=.}"
: "${GOAT:=./goat}"
cases="$top_srcdir/tests/cases"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
total=0
for dir in "$cases"/*/; do
    dir=${dir%/}
    name=${dir##*/}
    [ -f "$dir/args" ] || continue
    total=$((total + 1))
    args=$(cat "$dir/args")
    # shellcheck disable=SC2086
    "$GOAT" rewrite $args "$dir/input.go" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ -f "$dir/expected.err" ]; then
        sed "s|$dir/||g" "$tmp/err" >"$tmp/err2"
        if [ $rc -eq 0 ] || ! cmp -s "$tmp/err2" "$dir/expected.err"; then
            echo "FAIL $name: expected an error exactly like expected.err (exit $rc)"
            diff "$dir/expected.err" "$tmp/err2" | head -20
            fail=1
        fi
        continue
    fi
    if [ $rc -ne 0 ] || ! cmp -s "$tmp/out" "$dir/expected.go"; then
        echo "FAIL $name: output differs from expected.go (exit $rc)"
        cat "$tmp/err"
        diff "$dir/expected.go" "$tmp/out" | head -40
        fail=1
        continue
    fi
    if [ -f "$dir/expected.points" ]; then
        # shellcheck disable=SC2086
        if ! "$GOAT" rewrite $args --points "$dir/input.go" >"$tmp/points" 2>"$tmp/err" ||
            ! cmp -s "$tmp/points" "$dir/expected.points"; then
            echo "FAIL $name: the point table differs from expected.points"
            cat "$tmp/err"
            diff "$dir/expected.points" "$tmp/points" | head -20
            fail=1
        fi
    fi
    case " $args " in
    *" --patch "*) ;;
    *" --lines "* | *" --main-entry "*)
        if grep -q -- '--main-entry' "$dir/args" && grep -q '+goat:' "$dir/input.go"; then
            : # func main's block added to a tracked file: clean removes them all
        else
            # The options clean needs: everything but the tracking ones.
            rest=$(printf '%s\n' "$args" | sed -e 's/--granularity [^ ]*//' -e 's/--lines [^ ]*//' -e 's/--first-id [^ ]*//' -e 's/--main-entry [^ ]*//')
            # shellcheck disable=SC2086
            if ! "$GOAT" rewrite --clean $rest "$dir/expected.go" >"$tmp/clean" 2>"$tmp/err" ||
                ! cmp -s "$tmp/clean" "$dir/input.go"; then
                echo "FAIL $name: clean(expected.go) is not input.go"
                cat "$tmp/err"
                diff "$dir/input.go" "$tmp/clean" | head -20
                fail=1
            fi
        fi
        ;;
    esac
    # (clean gives back what was tracked, gofmt-clean or not)
    if [ -n "$GOFMT" ] && [ "$args" != "${args#--clean}" ]; then
        :
    elif [ -n "$GOFMT" ] && [ -z "$("$GOFMT" -l "$dir/input.go" 2>&1)" ]; then
        if [ -n "$("$GOFMT" -l "$dir/expected.go" 2>&1)" ]; then
            echo "FAIL $name: input.go is gofmt-clean but expected.go is not"
            "$GOFMT" -d "$dir/expected.go" | head -20
            fail=1
        fi
    fi
done
echo "$total golden cases checked"
[ $total -gt 0 ] || exit 1
exit $fail
