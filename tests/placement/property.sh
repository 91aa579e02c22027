#!/bin/sh
# SPDX-License-Identifier: MIT
# The placement property, checked from go/ast's side by tests/placement
# (placecheck, which shares no code with goat's placement): over the Go
# standard library ($GOROOT_SRC/src outside testdata; every Nth file with
# GOAT_CORPUS_SAMPLE=N) and the golden cases' inputs, with every line new,
# at each granularity, every function, scope and statement line that
# counts has its block, and no block stands where it cannot run. See
# tests/placement/main.go for the rules, and src/rewrite/place.h for where
# goat puts blocks and why.
: "${top_srcdir:?}" "${top_builddir:?}" "${GOAT:?}"
: "${GOROOT_SRC:=/usr/share/go-1.19}"
if [ -z "$GO" ] || ! command -v "$GO" >/dev/null 2>&1; then
    echo "SKIP: Go is not installed"
    exit 77
fi
[ -d "$GOROOT_SRC/src" ] || { echo "SKIP: no Go source tree at $GOROOT_SRC"; exit 77; }
sample=${GOAT_CORPUS_SAMPLE:-1}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# Built like tests/goast: into the build tree, with the shared build cache,
# under a private name renamed into place.
check=$top_builddir/tests/placement/placecheck
mkdir -p "$top_builddir/tests/placement"
(cd "$top_srcdir/tests/placement" &&
    GOCACHE="${GOAT_TEST_GOCACHE:-$top_builddir/.gocache}" GOPATH="$tmp/gopath" GO111MODULE=on GOFLAGS= GOPROXY=off \
    "$GO" build -o "$check.$$" .) && mv -f "$check.$$" "$check" || {
    echo "FAIL: cannot build tests/placement"
    rm -f "$check.$$"
    exit 1
}

find "$GOROOT_SRC/src" -name '*.go' -type f ! -path '*/testdata/*' | LC_ALL=C sort |
    awk -v n="$sample" '(NR - 1) % n == 0' >"$tmp/files"
echo "corpus: $(wc -l <"$tmp/files") files (sample 1/$sample)"
# The inputs under goat's --out-dir names (clean leaves them as they are).
tr '\n' '\0' <"$tmp/files" | xargs -0 "$GOAT" rewrite --clean --out-dir "$tmp/in" 2>"$tmp/in.err"
if [ -s "$tmp/in.err" ]; then
    echo "FAIL: goat cannot read some inputs:"; head -20 "$tmp/in.err"; exit 1
fi

# And the inputs of the golden tracking cases (the reproductions of past
# placement bugs among them), whatever the sample.
for dir in "$top_srcdir"/tests/cases/*/; do
    name=${dir%/}
    name=${name##*/}
    grep -q -- '--lines all' "$dir/args" 2>/dev/null && [ -f "$dir/expected.go" ] &&
        cp "$dir/input.go" "$tmp/in/case__$name.go"
done

fail=0
# The checker itself first: on the outputs of an older goat that got the
# reproductions of testdata/known-bad/in wrong, it reports exactly what
# expected-GRANULARITY.txt says (and fails).
known=$top_srcdir/tests/placement/testdata/known-bad
for granularity in line scope func; do
    "$check" -show 1000 "$granularity" "$known/in" "$known/$granularity" >"$tmp/known.out"
    status=$?
    if [ "$status" -ne 1 ] || ! cmp -s "$tmp/known.out" "$known/expected-$granularity.txt"; then
        echo "FAIL: placecheck on known-bad/$granularity (exit $status) differs from expected-$granularity.txt:"
        diff "$known/expected-$granularity.txt" "$tmp/known.out" | head -10
        fail=1
    fi
done

for granularity in line patch scope func; do
    mkdir -p "$tmp/$granularity"
    ( cd "$tmp/in" && ls | xargs "$GOAT" rewrite --granularity "$granularity" --lines all \
        --out-dir "$tmp/$granularity" ) 2>"$tmp/$granularity.err"
    if [ -s "$tmp/$granularity.err" ]; then
        echo "FAIL $granularity: goat failed:"; head -10 "$tmp/$granularity.err"; fail=1
        continue
    fi
    "$check" "$granularity" "$tmp/in" "$tmp/$granularity" || fail=1
done
exit $fail
