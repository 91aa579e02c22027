#!/bin/bash
# SPDX-License-Identifier: MIT
# Proves goat on a real module nobody here wrote: Debian's copy of
# github.com/google/go-cmp (package golang-github-google-go-cmp-dev). With
# oldBranch INIT every line is new; at each granularity goat track
# instruments every function, and then the module is still gofmt-clean,
# go vet says exactly what it says of the original, go build passes and the
# module's own test suite passes; goat clean gives back every byte.
. "$top_srcdir/tests/e2e/lib.sh"

src=${GOCMP_SRC:-/usr/share/gocode/src/github.com/google/go-cmp}
if [ ! -f "$src/go.mod" ]; then
    echo "real_module.sh: no go-cmp source at $src (apt-get install golang-github-google-go-cmp-dev): skipped"
    exit 77
fi

repo=$tmp/go-cmp
cp -R "$src" "$repo" && chmod -R u+w "$repo" && cd "$repo" || exit 1
git init -q . && commit "go-cmp as Debian ships it"
original=$(snapshot "$repo")

vet_report() { "$GO" vet ./... 2>&1 | grep -v '^#' | LC_ALL=C sort; }
vet_before=$(vet_report)
out=$("$GO" test ./... 2>&1) || { echo "go-cmp's own tests fail without goat: skipped"; echo "$out"; exit 77; }
expect_eq "gofmt -l before goat" "" "$("$GOFMT" -l . 2>&1)"

for g in line patch scope func; do
    out=$("$GOAT" init --force --old INIT --granularity "$g" 2>&1) || fail "$g: goat init: $out"
    out=$("$GOAT" track 2>&1) || { fail "$g: goat track: $out"; continue; }
    points=$(echo "$out" | sed -n 's/.*: \([0-9]*\) tracking points.*/\1/p')
    [ "${points:-0}" -gt 100 ] || fail "$g: only '${points:-no}' tracking points: $out"
    expect_eq "$g: gofmt -l" "" "$("$GOFMT" -l . 2>&1)"
    expect_eq "$g: go vet reports what it reports without goat" "$vet_before" "$(vet_report)"
    out=$("$GO" build ./... 2>&1) || fail "$g: go build: $out"
    out=$("$GO" test ./... 2>&1) || fail "$g: go-cmp's tests fail once instrumented: $(echo "$out" | grep -v '^ok\|^?' | head -20)"
    out=$("$GOAT" clean 2>&1) || fail "$g: goat clean: $out"
    rm -f goat.yaml
    expect_eq "$g: goat clean restores every byte" "$original" "$(snapshot "$repo")"
done

finish
