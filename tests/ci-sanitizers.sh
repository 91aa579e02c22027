#!/bin/sh
# SPDX-License-Identifier: MIT
# CI step: configures a second build of goat with --enable-sanitizers
# (AddressSanitizer + UndefinedBehaviorSanitizer, LeakSanitizer included) in
# a build subdirectory and runs the whole test suite there on a sample of the
# corpora (GOAT_CORPUS_SAMPLE, default 10). Exits non-zero when any test
# fails; the failing tests' logs are printed. The tests' Go build cache is
# that build's own unless GOAT_TEST_GOCACHE names one (check-all names its
# build's, so the standard library is not compiled again).
#
# usage: tests/ci-sanitizers.sh [BUILDDIR]   (default: ./build-sanitizers)
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-$PWD/build-sanitizers}
jobs=${GOAT_JOBS:-2}

dir=$("$here/tests/subbuild.sh" "$here" "$builddir" --enable-sanitizers)
cd "$dir"
make -j"$jobs"

GOAT_CORPUS_SAMPLE=${GOAT_CORPUS_SAMPLE:-10}
export GOAT_CORPUS_SAMPLE
# Fail on the first report, with a stack; leaks are reported at exit.
ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1:check_initialization_order=1:strict_string_checks=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS

if make -j"$jobs" check; then
    echo "ci-sanitizers: the test suite passes under ASan+UBSan in $dir"
else
    status=$?
    sh "$here/tests/show-failures.sh" .
    echo "ci-sanitizers: test failures under ASan+UBSan in $dir" >&2
    exit "$status"
fi
