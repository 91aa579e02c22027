#!/bin/sh
# Proves, over the Go standard library ($GOROOT_SRC/src outside testdata;
# every Nth file with GOAT_CORPUS_SAMPLE=N), with every line new and at each
# granularity: every output parses (gofmt reads it), every output of a
# gofmt-clean input is gofmt-clean, and `goat rewrite --clean` of every
# output gives the input back byte for byte.
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
tr '\n' '\0' <"$tmp/files" | xargs -0 "$GOAT" rewrite --clean --out-dir "$tmp/orig" 2>"$tmp/orig.err"
if [ -s "$tmp/orig.err" ]; then
    echo "FAIL: goat cannot read some inputs:"; head -20 "$tmp/orig.err"; exit 1
fi
( cd "$tmp/orig" && "$GOFMT" -l . 2>/dev/null | sed 's|^\./||' | LC_ALL=C sort ) >"$tmp/unclean.in"
echo "inputs not gofmt-clean (excluded from the gofmt check): $(wc -l <"$tmp/unclean.in")"

fail=0
for g in line patch scope func; do
    mkdir -p "$tmp/$g"
    ( cd "$tmp/orig" && ls | xargs "$GOAT" rewrite --granularity "$g" --lines all --out-dir "$tmp/$g" ) 2>"$tmp/$g.err"
    if [ -s "$tmp/$g.err" ]; then
        echo "FAIL $g: goat failed on $(wc -l <"$tmp/$g.err") files:"; head -10 "$tmp/$g.err"; fail=1
    fi
    nout=$(ls "$tmp/$g" | wc -l)
    ( cd "$tmp/$g" && "$GOFMT" -l . 2>"$tmp/$g.parse" | sed 's|^\./||' | LC_ALL=C sort ) >"$tmp/$g.unclean"
    if [ -s "$tmp/$g.parse" ]; then
        echo "FAIL $g: outputs that do not parse: $(grep -c . "$tmp/$g.parse")"; head -10 "$tmp/$g.parse"; fail=1
    fi
    LC_ALL=C comm -23 "$tmp/$g.unclean" "$tmp/unclean.in" >"$tmp/$g.bad"
    nbad=$(wc -l <"$tmp/$g.bad")
    if [ "$nbad" -ne 0 ]; then
        echo "FAIL $g: $nbad outputs of gofmt-clean inputs are not gofmt-clean, e.g.:"
        head -5 "$tmp/$g.bad"
        f=$(head -1 "$tmp/$g.bad")
        ( cd "$tmp/$g" && "$GOFMT" -d "$f" | head -30 )
        fail=1
    fi
    mkdir -p "$tmp/$g.clean"
    ( cd "$tmp/$g" && ls | xargs "$GOAT" rewrite --clean --out-dir "$tmp/$g.clean" ) 2>"$tmp/$g.cerr"
    if [ -s "$tmp/$g.cerr" ]; then
        echo "FAIL $g: clean failed:"; head -10 "$tmp/$g.cerr"; fail=1
    fi
    diff -rq "$tmp/orig" "$tmp/$g.clean" >"$tmp/$g.diff"
    ndiff=$(grep -c . "$tmp/$g.diff")
    if [ "$ndiff" -ne 0 ]; then
        echo "FAIL $g: $ndiff files do not round-trip, e.g.:"; head -5 "$tmp/$g.diff"
        f=$(head -1 "$tmp/$g.diff" | awk '{print $2}')
        diff "$f" "$tmp/$g.clean/${f##*/}" | head -20
        fail=1
    fi
    echo "$g: $nout outputs, $((nout - nbad - $(wc -l <"$tmp/unclean.in"))) gofmt-clean of clean inputs, $((nout - ndiff)) exact round-trips"
done
exit $fail
