# Shared by the parser's test scripts: skip without Go, and build the
# go/parser reference dumper (tests/goast) into a temporary directory.
# Sourced, not run.

if [ -z "$GO" ] || ! command -v "$GO" >/dev/null 2>&1; then
    echo "SKIP: Go is not installed"
    exit 77
fi
: "${top_srcdir:?}" "${top_builddir:?}" "${GOAT:?}"
GOROOT_SRC=${GOROOT_SRC:-/usr/share/go-1.19}

# Every script works in its own temporary directory (removed on exit) and
# builds its own copy of the dumper there (half a second), so parallel
# tests never race and nothing is left in the build tree.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
GOAST=$tmp/goast

build_goast() {
    (cd "$top_srcdir/tests/goast" &&
        GOCACHE="$tmp/gocache" GOPATH="$tmp/gopath" GO111MODULE=on GOFLAGS= GOPROXY=off \
        "$GO" build -o "$GOAST" .) || {
        echo "FAIL: cannot build tests/goast"
        exit 1
    }
}

# Prints every Nth line of stdin (N = GOAT_CORPUS_SAMPLE, default 1).
sample() {
    awk -v n="${GOAT_CORPUS_SAMPLE:-1}" 'n <= 1 || (NR - 1) % n == 0'
}
