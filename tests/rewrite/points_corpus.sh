#!/bin/sh
# SPDX-License-Identifier: MIT
# Proves, over the Go standard library ($GOROOT_SRC/src outside testdata;
# every 4th file, every (4*N)th with GOAT_CORPUS_SAMPLE=N), with every line
# new at line and at func granularity, that a point keeps its row of the
# point table across goat patch: `goat rewrite --points` of each file and
# `goat rewrite --patch --points` of its tracked output (which describes
# the blocks in the text clean restores) print the same table, and that
# the table has a row per block. Then, at line, scope and func
# granularity (patch granularity places what scope does when every line is
# new: each scope is one run of new lines), with each Track call taken out
# of the tracked files, patch must write every one back (it writes one
# only where a statement may stand, so this proves that placement and
# patch's check agree on each block) and print the same table again.
: "${GOAT:=./goat}"
: "${GOROOT_SRC:=/usr/share/go-1.19}"
[ -d "$GOROOT_SRC/src" ] || { echo "no Go source tree at $GOROOT_SRC: skipped"; exit 77; }
sample=$((4 * ${GOAT_CORPUS_SAMPLE:-1}))
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

find "$GOROOT_SRC/src" -name '*.go' -type f ! -path '*/testdata/*' | LC_ALL=C sort |
    awk -v n="$sample" '(NR - 1) % n == 0' >"$tmp/files"
echo "corpus: $(wc -l <"$tmp/files") files (sample 1/$sample)"
tr '\n' '\0' <"$tmp/files" | xargs -0 "$GOAT" rewrite --clean --out-dir "$tmp/in" 2>"$tmp/in.err"
if [ -s "$tmp/in.err" ]; then
    echo "FAIL: goat cannot read some inputs:"; head -20 "$tmp/in.err"; exit 1
fi
( cd "$tmp/in" && ls ) >"$tmp/list"

fail=0
for g in line func; do
    ( cd "$tmp/in" && xargs "$GOAT" rewrite --granularity $g --lines all --points <"$tmp/list" ) \
        >"$tmp/$g.track" 2>"$tmp/$g.err"
    ( cd "$tmp/in" && xargs "$GOAT" rewrite --granularity $g --lines all --out-dir "$tmp/$g" <"$tmp/list" ) \
        2>>"$tmp/$g.err"
    ( cd "$tmp/$g" && xargs "$GOAT" rewrite --patch --lines all --points <"$tmp/list" ) \
        >"$tmp/$g.patch" 2>>"$tmp/$g.err"
    if [ -s "$tmp/$g.err" ]; then
        echo "FAIL $g: goat failed:"; head -10 "$tmp/$g.err"; fail=1
    fi
    if ! cmp -s "$tmp/$g.track" "$tmp/$g.patch"; then
        echo "FAIL $g: the tables of track and of patch differ:"
        diff "$tmp/$g.track" "$tmp/$g.patch" | head -20
        fail=1
    fi
    rows=$(grep -c '^TRACK_ID_' "$tmp/$g.track")
    blocks=$(cat "$tmp/$g"/* | grep -c 'goat\.Track(goat\.TRACK_ID_')
    if [ "$rows" -ne "$blocks" ]; then
        echo "FAIL $g: $rows rows for $blocks blocks"; fail=1
    fi
    echo "$g: $rows points, the same rows from track and patch"
done

for g in line scope func; do
    [ -d "$tmp/$g" ] ||
        ( cd "$tmp/in" && xargs "$GOAT" rewrite --granularity $g --lines all --out-dir "$tmp/$g" <"$tmp/list" ) \
            2>"$tmp/$g.err"
    [ -f "$tmp/$g.track" ] ||
        ( cd "$tmp/in" && xargs "$GOAT" rewrite --granularity $g --lines all --points <"$tmp/list" ) \
            >"$tmp/$g.track" 2>>"$tmp/$g.err"
    cp -R "$tmp/$g" "$tmp/$g-nocall"
    ( cd "$tmp/$g-nocall" && xargs sed -i '/^[[:space:]]*goat\.Track(goat\.TRACK_ID_[0-9]*)$/d' <"$tmp/list" )
    if grep -rq 'goat\.Track(goat\.TRACK_ID_' "$tmp/$g-nocall"; then
        echo "FAIL $g: Track calls left after taking them out:"
        grep -rn 'goat\.Track(goat\.TRACK_ID_' "$tmp/$g-nocall" | head -5
        fail=1
        continue
    fi
    ( cd "$tmp/$g-nocall" && xargs "$GOAT" rewrite --patch --lines all --points <"$tmp/list" ) \
        >"$tmp/$g.refill" 2>>"$tmp/$g.err"
    if [ -s "$tmp/$g.err" ]; then
        echo "FAIL $g: patch refused to write a Track call back into a block goat placed:"
        head -10 "$tmp/$g.err"; fail=1
    elif ! cmp -s "$tmp/$g.track" "$tmp/$g.refill"; then
        echo "FAIL $g: the tables of track and of patch refilling the calls differ:"
        diff "$tmp/$g.track" "$tmp/$g.refill" | head -20
        fail=1
    else
        echo "$g: patch wrote back all $(grep -c '^TRACK_ID_' "$tmp/$g.refill") Track calls"
    fi
done
exit $fail
