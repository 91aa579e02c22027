# SPDX-License-Identifier: MIT
# Shared by the parser's test scripts: skip without Go, and build the
# go/parser reference dumper (tests/goast) into a temporary directory.
# Sourced, not run.

if [ -z "$GO" ] || ! command -v "$GO" >/dev/null 2>&1; then
    echo "SKIP: Go is not installed"
    exit 77
fi
: "${top_srcdir:?}" "${top_builddir:?}" "${GOAT:?}"
GOROOT_SRC=${GOROOT_SRC:-/usr/share/go-1.19}

# Every script works in its own temporary directory (removed on exit). The
# dumper is built into $top_builddir/tests/goast/goast with the Go build
# cache in $top_builddir/.gocache (both removed by make clean) or in
# $GOAT_TEST_GOCACHE when that is set (check-all shares one); each script
# (re)builds it to a private name and renames it into place, so scripts
# running in parallel never see a half-written binary.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
GOAST=$top_builddir/tests/goast/goast

build_goast() {
    mkdir -p "$top_builddir/tests/goast"
    (cd "$top_srcdir/tests/goast" &&
        GOCACHE="${GOAT_TEST_GOCACHE:-$top_builddir/.gocache}" GOPATH="$tmp/gopath" GO111MODULE=on GOFLAGS= GOPROXY=off \
        "$GO" build -o "$GOAST.$$" .) && mv -f "$GOAST.$$" "$GOAST" || {
        echo "FAIL: cannot build tests/goast"
        rm -f "$GOAST.$$"
        exit 1
    }
}

# Prints every Nth line of stdin (N = GOAT_CORPUS_SAMPLE, default 1).
sample() {
    awk -v n="${GOAT_CORPUS_SAMPLE:-1}" 'n <= 1 || (NR - 1) % n == 0'
}
