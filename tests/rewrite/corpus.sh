#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves, over the Go standard library ($GOROOT_SRC/src outside testdata;
# every Nth file with GOAT_CORPUS_SAMPLE=N), with every line new at each
# granularity, and (on every fifth of those files) with every third line
# new at line granularity: every
# output parses (gofmt reads it), every output of a gofmt-clean input is
# gofmt-clean, and `goat rewrite --clean` of every output gives the input
# back byte for byte.
: "${GOAT:=./goat}"
: "${GOROOT_SRC:=/usr/share/go-1.19}"
[ -n "$GOFMT" ] || { echo "gofmt not installed: skipped"; exit 77; }
[ -d "$GOROOT_SRC/src" ] || { echo "no Go source tree at $GOROOT_SRC: skipped"; exit 77; }
sample=${GOAT_CORPUS_SAMPLE:-1}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

find "$GOROOT_SRC/src" -name '*.go' -type f ! -path '*/testdata/*' | LC_ALL=C sort |
    awk -v n="$sample" '(NR - 1) % n == 0' >"$tmp/files"
nfiles=$(wc -l <"$tmp/files")
echo "corpus: $nfiles files (sample 1/$sample)"

# The inputs, copied under goat's --out-dir names (clean leaves a file
# without goat blocks as it is).
tr '\n' '\0' <"$tmp/files" | xargs -0 "$GOAT" rewrite --clean --out-dir "$tmp/in" 2>"$tmp/in.err"
if [ -s "$tmp/in.err" ]; then
    echo "FAIL: goat cannot read some inputs:"; head -20 "$tmp/in.err"; exit 1
fi

every_third=$(awk 'BEGIN { for (i = 1; i <= 40000; i += 3) printf "%s%d", (i > 1 ? "," : ""), i }')
runs="line patch scope func third"
fail=0
for run in $runs; do
    case $run in
    third) opts="--granularity line --lines $every_third" ;;
    *) opts="--granularity $run --lines all" ;;
    esac
    mkdir -p "$tmp/$run"
    if [ "$run" = third ]; then
        ( cd "$tmp/in" && ls | awk 'NR % 5 == 1' ) >"$tmp/list"
    else
        ( cd "$tmp/in" && ls ) >"$tmp/list"
    fi
    # shellcheck disable=SC2086
    ( cd "$tmp/in" && xargs "$GOAT" rewrite $opts --out-dir "$tmp/$run" <"$tmp/list" ) 2>"$tmp/$run.err"
    if [ -s "$tmp/$run.err" ]; then
        echo "FAIL $run: goat failed on $(wc -l <"$tmp/$run.err") files:"; head -10 "$tmp/$run.err"; fail=1
    fi
done

# One gofmt run over inputs and all outputs (gofmt works in parallel).
( cd "$tmp" && "$GOFMT" -l in $runs 2>"$tmp/gofmt.err" | LC_ALL=C sort ) >"$tmp/unclean"
if [ -s "$tmp/gofmt.err" ]; then
    echo "FAIL: outputs that do not parse: $(grep -c . "$tmp/gofmt.err")"; head -10 "$tmp/gofmt.err"; fail=1
fi
sed -n 's|^in/||p' "$tmp/unclean" >"$tmp/unclean.in"
echo "inputs not gofmt-clean (outputs not checked with gofmt): $(wc -l <"$tmp/unclean.in")"

for run in $runs; do
    nout=$(ls "$tmp/$run" | wc -l)
    sed -n "s|^$run/||p" "$tmp/unclean" | LC_ALL=C comm -23 - "$tmp/unclean.in" >"$tmp/$run.bad"
    nbad=$(wc -l <"$tmp/$run.bad")
    if [ "$nbad" -ne 0 ]; then
        echo "FAIL $run: $nbad outputs of gofmt-clean inputs are not gofmt-clean, e.g.:"
        f=$(head -1 "$tmp/$run.bad")
        ( cd "$tmp/$run" && "$GOFMT" -d "$f" | head -30 )
        fail=1
    fi
    mkdir -p "$tmp/$run.clean"
    ( cd "$tmp/$run" && ls | xargs "$GOAT" rewrite --clean --out-dir "$tmp/$run.clean" ) 2>"$tmp/$run.cerr"
    if [ -s "$tmp/$run.cerr" ]; then
        echo "FAIL $run: clean failed:"; head -10 "$tmp/$run.cerr"; fail=1
    fi
    diff -rq "$tmp/in" "$tmp/$run.clean" | grep -v "^Only in $tmp/in:" >"$tmp/$run.diff"
    ndiff=$(grep -c . "$tmp/$run.diff")
    if [ "$ndiff" -ne 0 ]; then
        echo "FAIL $run: $ndiff files do not round-trip, e.g.:"; head -5 "$tmp/$run.diff"
        fail=1
    fi
    clean_in=$(ls "$tmp/$run" | LC_ALL=C comm -23 - "$tmp/unclean.in" | wc -l)
    echo "$run: $nout outputs; $((clean_in - nbad))/$clean_in outputs of gofmt-clean inputs gofmt-clean; $((nout - ndiff))/$nout exact round-trips"
done
exit $fail
