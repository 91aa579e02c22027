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
LC_ALL=C
export LC_ALL
goat=$1
srcdir=$2
case $goat in /*) ;; *) goat=$PWD/$goat ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/goat-pgo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
ln -s "$(cd "$srcdir" && pwd)" "$tmp/source"

(cd "$srcdir" && find tests/cases tests/parser tests/placement -name '*.go' -type f | sort | sed 's|^|source/|') > "$tmp/files"
if [ ! -s "$tmp/files" ]; then
    echo "pgo/train.sh: no Go files under $srcdir/tests: the training needs goat's test cases; configure with --disable-pgo to build without them" >&2
    exit 1
fi

# step WHAT CMD...: runs CMD, its output kept aside. Some test cases are
# meant not to parse, so exit status 1 (a file refused) is part of the
# training; anything else is goat failing, which must stop the build.
step() {
    what=$1
    shift
    status=0
    "$@" >/dev/null 2>err || status=$?
    if [ "$status" -gt 1 ]; then
        tail -n 5 err >&2
        echo "pgo/train.sh: the instrumented goat failed (exit $status) while $what (its last messages are above); configure with --disable-pgo to build without the training" >&2
        exit 1
    fi
}

cd "$tmp"
# shellcheck disable=SC2046 # one argument per file; the names hold no spaces
set -- $(cat files)
step "parsing the test cases" "$goat" ast -n --files-from files
for granularity in line scope func; do
    step "tracking the test cases at granularity $granularity" \
        "$goat" rewrite --lines all --granularity $granularity --out-dir $granularity "$@"
done
step "describing the points of the test cases" "$goat" rewrite --points --lines all --granularity patch "$@"
step "cleaning the tracked test cases" "$goat" rewrite --clean --out-dir clean line/*
