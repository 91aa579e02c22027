# SPDX-License-Identifier: MIT
# Shared by tests/pathological/*.sh (sourced, POSIX sh).
#
# expect NAME WANT: runs `goat ast -n NAME` and `goat rewrite` on the file
# NAME in the scratch directory and checks the exact outcome. WANT is "ok"
# (exit 0, silent) or "LINE:COL: message" (exit 1, nothing on stdout, exactly
# "NAME:LINE:COL: message" on stderr). When Go is installed, WANT itself is
# first checked against go/parser (tests/pathological/goparse), so the
# expectations written in the scripts cannot drift from the reference.
# A file goat accepts must also survive the rewrite round trip: tracked at
# every line it still parses, and cleaning gives back the input byte for byte.

set -u
: "${GOAT:?}" "${top_builddir:?}" "${top_srcdir:?}"

genpath=$top_builddir/tests/pathological/genpath
scratch=$(mktemp -d "${TMPDIR:-/tmp}/goat-pathological.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
failures=0
checked=0

# A guard against hangs, not a timing test: generous on purpose (valgrind).
guard=
command -v timeout >/dev/null 2>&1 && guard="timeout ${GOAT_PATHOLOGICAL_TIMEOUT:-900}"

goparse=
if [ -n "${GO:-}" ]; then
    GOCACHE=${GOAT_TEST_GOCACHE:-$top_builddir/.gocache} GOPATH=$top_builddir/.gopath GOFLAGS= GO111MODULE=on \
        GOTOOLCHAIN=local GOPROXY=off \
        sh -c 'cd "$1" && "$2" build -o "$3" .' sh \
        "$top_srcdir/tests/pathological/goparse" "$GO" "$scratch/goparse" ||
        { echo "FAIL: cannot build tests/pathological/goparse"; exit 1; }
    goparse=$scratch/goparse
fi

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

gen() { # gen NAME KIND N [SEED]: writes a generated input into the scratch dir
    name=$1
    shift
    "$genpath" "$@" >"$scratch/$name" || { echo "FAIL: genpath $*"; exit 1; }
}

put() { # put NAME FORMAT: writes printf FORMAT (octal escapes) into the scratch dir
    printf "$2" >"$scratch/$1"
}

# The rewriter's command line: every line new, line granularity, to stdout.
goat_track() { $guard "$GOAT" rewrite --granularity line --lines all "$1"; }
goat_clean() { $guard "$GOAT" rewrite --clean "$1"; }

expect() {
    name=$1 want=$2
    checked=$((checked + 1))
    if [ "$want" = ok ]; then want_line=ok; else want_line="$name:$want"; fi

    if [ -n "$goparse" ] && [ "${3:-}" != no-oracle ]; then
        oracle=$(cd "$scratch" && "$goparse" "$name")
        [ "$oracle" = "$want_line" ] ||
            fail "$name: the test expects '$want_line' but go/parser says '$oracle'"
    fi

    (cd "$scratch" && $guard "$GOAT" ast -n "$name") >"$scratch/out" 2>"$scratch/err"
    status=$?
    check_outcome "goat ast -n $name" "$status"

    (cd "$scratch" && goat_track "$name") >"$scratch/tracked.go" 2>"$scratch/err"
    status=$?
    cp "$scratch/tracked.go" "$scratch/out"
    if [ "$want" = ok ]; then
        [ "$status" -eq 0 ] || { fail "goat rewrite $name: exit $status: $(head -c 300 "$scratch/err")"; return; }
        (cd "$scratch" && $guard "$GOAT" ast -n tracked.go) 2>"$scratch/err" ||
            fail "goat rewrite $name: the output does not parse: $(head -c 300 "$scratch/err")"
        (cd "$scratch" && goat_clean tracked.go) >"$scratch/cleaned.go" 2>"$scratch/err" ||
            fail "goat rewrite --clean of $name's output: exit $?: $(head -c 300 "$scratch/err")"
        cmp -s "$scratch/$name" "$scratch/cleaned.go" ||
            fail "goat rewrite --clean of $name's output differs from $name: $(cmp "$scratch/$name" "$scratch/cleaned.go" 2>&1 | head -c 200)"
    else
        check_outcome "goat rewrite $name" "$status"
    fi
}

check_outcome() { # what status: compares with want / want_line
    what=$1 status=$2
    if [ "$want" = ok ]; then
        [ "$status" -eq 0 ] || fail "$what: exit $status, want 0 (above 128: killed by a signal); stderr: $(head -c 300 "$scratch/err")"
        [ -s "$scratch/err" ] && fail "$what: unexpected stderr: $(head -c 300 "$scratch/err")"
    else
        got=$(head -c 300 "$scratch/err")
        if [ "$status" -ne 1 ]; then
            crash=; [ "$status" -gt 128 ] && crash=" (killed by signal $((status - 128)))"
            fail "$what: exit $status$crash, want 1 and '$want_line'; stderr: '$got'"
        elif [ "$(cat "$scratch/err")" != "$want_line" ]; then
            fail "$what: stderr is '$got', want '$want_line'"
        elif [ -s "$scratch/out" ]; then
            fail "$what: unexpected stdout on error"
        fi
    fi
    return 0
}

finish() {
    if [ "$failures" -gt 0 ]; then
        echo "$failures failure(s) in $checked case(s)"
        exit 1
    fi
    echo "all $checked case(s) as expected"
    exit 0
}
