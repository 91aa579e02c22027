#!/bin/sh
# SPDX-License-Identifier: MIT
# The training run of the profile-guided build (pgo/local.mk): the
# instrumented goat parses, tracks and cleans the Go files of goat's own test
# cases, the work whose speed counts (parsing the files of a module, placing
# and describing points, removing them). The files and their order are fixed
# and nothing depends on the clock, so that two builds of one source get the
# same profile and the same goat.
#
# Usage: train.sh GOAT SRCDIR. Profiles go where the instrumented objects
# were compiled, or under GCOV_PREFIX when that is set (tests/release/pgo.sh).
set -eu
goat=$1
srcdir=$2
case $goat in /*) ;; *) goat=$PWD/$goat ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/goat-pgo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

(cd "$srcdir" && find tests/cases tests/parser tests/placement -name '*.go' -type f | LC_ALL=C sort) > "$tmp/files"
if [ ! -s "$tmp/files" ]; then
    echo "pgo/train.sh: no Go files under $srcdir/tests: the training needs goat's test cases; configure with --disable-pgo to build without them" >&2
    exit 1
fi

# expect_ran STATUS WHAT: some test cases are meant not to parse, so exit
# status 1 (a file refused) is part of the training; anything else is goat
# failing, which must stop the build.
expect_ran() {
    if [ "$1" -gt 1 ]; then
        echo "pgo/train.sh: the instrumented goat failed (exit $1) while $2; see the messages above" >&2
        exit 1
    fi
}

cd "$srcdir"
status=0
"$goat" ast -n --files-from "$tmp/files" 2>/dev/null || status=$?
expect_ran $status "parsing the test cases"
for granularity in line scope func; do
    status=0
    # shellcheck disable=SC2046 # one argument per file; the names hold no spaces
    "$goat" rewrite --lines all --granularity $granularity --out-dir "$tmp/$granularity" \
        $(cat "$tmp/files") >/dev/null 2>&1 || status=$?
    expect_ran $status "tracking the test cases at granularity $granularity"
done
status=0
# shellcheck disable=SC2046
"$goat" rewrite --points --lines all --granularity patch $(cat "$tmp/files") >/dev/null 2>&1 || status=$?
expect_ran $status "describing the points of the test cases"
status=0
"$goat" rewrite --clean --out-dir "$tmp/clean" "$tmp"/line/* >/dev/null 2>&1 || status=$?
expect_ran $status "cleaning the tracked test cases"
