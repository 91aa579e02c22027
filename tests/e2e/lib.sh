# SPDX-License-Identifier: MIT
# Shared by the end-to-end tests (sourced, not run): a scratch directory,
# an isolated Go and git environment, the HTTP client, helpers to check
# results, and the builder of the "shop" repository most tests use.
#
# The shop module (example.com/shop) has two main packages, cmd/client and
# cmd/server, sharing internal/calc, and a package util/strs no program
# imports. Commit "v1" is on branch main; branch feature adds commit "v2",
# which changes (with granularity func, one tracking point per function):
#   cmd/client/main.go   main                 -> TRACK_ID_1
#   cmd/server/main.go   main, subtract       -> TRACK_ID_2, TRACK_ID_3
#   internal/calc/calc.go Add, Sub (new)      -> TRACK_ID_4, TRACK_ID_5
#   util/strs/strs.go    Shout                -> TRACK_ID_6
# so COMPONENT_0 = cmd/client reports 1,4,5 and COMPONENT_1 = cmd/server
# reports 2,3,4,5. The server calls calc.Add three times, and subtract only
# when its first argument is "sub"; with SHOP_WAIT set it stays up a minute.

set -u

if [ -z "${GO:-}" ] || [ -z "${GOFMT:-}" ]; then
    echo "$(basename "$0"): Go is not installed: skipped"
    exit 77
fi
if ! command -v git >/dev/null 2>&1; then
    echo "$(basename "$0"): git is not installed: skipped"
    exit 77
fi
: "${top_srcdir:?}" "${top_builddir:?}" "${GOAT:?}"

tmp=$(mktemp -d) || exit 1
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

export GOCACHE=${GOAT_TEST_GOCACHE:-$top_builddir/.gocache} GOPATH=$tmp/gopath GOFLAGS="-mod=mod -modcacherw" GOPROXY=off \
    GOWORK=off GO111MODULE=on GOTOOLCHAIN=local GOSUMDB=off
export HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=goat GIT_AUTHOR_EMAIL=goat@example.com \
    GIT_COMMITTER_NAME=goat GIT_COMMITTER_EMAIL=goat@example.com
unset GOAT_CONFIG GOAT_PORT GOAT_METRICS_IP GOAT_CURRENT_COMPONENT GOAT_TEST_FAIL_WRITE GOAT_TEST_KILL_AT GOAT_TEST_MAX_POINTS \
    GOAT_TEST_INTERRUPT_AT GOAT_TEST_INTERRUPT_PREPARING
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global core.autocrlf false

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# expect_eq WHAT WANT GOT
expect_eq() {
    if [ "$2" != "$3" ]; then
        fail "$1"
        printf -- '--- want\n%s\n--- got\n%s\n---\n' "$2" "$3"
    fi
}

# expect_contains WHAT TEXT NEEDLE
expect_contains() {
    case $2 in
    *"$3"*) ;;
    *) fail "$1: '$3' not in: $2" ;;
    esac
}

finish() {
    if [ "$failures" -ne 0 ]; then
        echo "$(basename "$0"): $failures failure(s)"
        exit 1
    fi
    echo "$(basename "$0"): all passed"
    exit 0
}

client=$tmp/client
(cd "$top_srcdir/tests/e2e/client" && "$GO" build -o "$client" .) || {
    echo "cannot build the test client"
    exit 1
}

# put FILE: writes stdin to FILE, creating its directory.
put() {
    mkdir -p "$(dirname "$1")"
    cat >"$1"
}

commit() {
    git add -A && git commit -q -m "$1"
}

# Everything in the working tree, with contents, for before/after checks.
snapshot() {
    (cd "$1" && find . -path ./.git -prune -o -type f -print | LC_ALL=C sort | while read -r f; do
        printf '== %s %s\n' "$f" "$(stat -c %a "$f")"
        cat "$f"
    done)
}

# go_checks DIR: gofmt -l is empty, go vet and go build pass.
go_checks() {
    local out
    out=$(cd "$1" && "$GOFMT" -l . 2>&1)
    expect_eq "gofmt -l in $1" "" "$out"
    out=$(cd "$1" && "$GO" vet ./... 2>&1) || fail "go vet in $1: $out"
    out=$(cd "$1" && "$GO" build ./... 2>&1) || fail "go build in $1: $out"
}

# expect_refused WHAT CMD NEEDLE: in the current directory, goat CMD exits 1
# with NEEDLE in its output and modifies no file.
expect_refused() {
    local before out rc
    before=$(snapshot "$PWD")
    out=$("$GOAT" "$2" 2>&1)
    rc=$?
    expect_eq "$1: exit status" 1 "$rc"
    expect_contains "$1: message" "$out" "$3"
    expect_eq "$1: no file modified" "$before" "$(snapshot "$PWD")"
}

# set_yaml KEY VALUE: sets a string key of the goat.yaml goat init wrote.
set_yaml() {
    sed -i "s|^$1: .*\$|$1: \"$2\"|" goat.yaml
    grep -q "^$1: \"$2\"\$" goat.yaml || fail "test setup: $1 not set to $2"
}

# start_app PORT BINARY ARGS...: runs the program with its goat service on
# 127.0.0.1:PORT, in the background, staying up; returns once the program
# has printed its "server N" line, which comes after its tracked code (the
# service answers from the start of main: asked earlier, it would rightly
# report nothing covered yet).
start_app() {
    local port=$1 waited=0
    shift
    : >"$tmp/app.out"
    GOAT_PORT=$port SHOP_WAIT=1 "$@" >"$tmp/app.out" 2>&1 &
    pids+=($!)
    while ! grep -q '^server ' "$tmp/app.out" && [ $waited -lt 600 ]; do
        sleep 0.1
        waited=$((waited + 1))
    done
    grep -q '^server ' "$tmp/app.out" || fail "$* did not print its line within a minute"
}

stop_apps() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    pids=()
}

make_shop_repo() {
    local dir=$1
    mkdir -p "$dir" && cd "$dir" || exit 1
    git init -q .
    put go.mod <<'EOF'
module example.com/shop

go 1.19
EOF
    put internal/calc/calc.go <<'EOF'
// Package calc does the shop's arithmetic.
package calc

// Add returns a+b.
func Add(a, b int) int {
	return a + b
}

// Mul returns a*b.
func Mul(a, b int) int {
	return a * b
}
EOF
    put cmd/server/main.go <<'EOF'
package main

import (
	"fmt"
	"os"
	"time"

	"example.com/shop/internal/calc"
)

func main() {
	total := calc.Add(1, 2)
	fmt.Println("server", total)
	wait()
}

// wait keeps the program up while the tests query its goat service.
func wait() {
	if os.Getenv("SHOP_WAIT") != "" {
		time.Sleep(time.Minute)
	}
}
EOF
    put cmd/client/main.go <<'EOF'
package main

import (
	"fmt"

	"example.com/shop/internal/calc"
)

func main() {
	fmt.Println("client", calc.Mul(2, 3))
}
EOF
    put util/strs/strs.go <<'EOF'
// Package strs is imported by no program.
package strs

import "strings"

// Shout upper-cases s.
func Shout(s string) string {
	return strings.ToUpper(s)
}
EOF
    put README.md <<'EOF'
The shop.
EOF
    commit v1
    git checkout -q -b feature
    put internal/calc/calc.go <<'EOF'
// Package calc does the shop's arithmetic.
package calc

// Add returns a+b.
func Add(a, b int) int {
	sum := a + b
	return sum
}

// Mul returns a*b.
func Mul(a, b int) int {
	return a * b
}

// Sub returns a-b.
func Sub(a, b int) int {
	return a - b
}
EOF
    put cmd/server/main.go <<'EOF'
package main

import (
	"fmt"
	"os"
	"time"

	"example.com/shop/internal/calc"
)

func main() {
	total := 0
	for i := 0; i < 3; i++ {
		total = calc.Add(total, i)
	}
	if len(os.Args) > 1 && os.Args[1] == "sub" {
		total = subtract(total)
	}
	fmt.Println("server", total)
	wait()
}

func subtract(total int) int {
	return calc.Sub(total, 1)
}

// wait keeps the program up while the tests query its goat service.
func wait() {
	if os.Getenv("SHOP_WAIT") != "" {
		time.Sleep(time.Minute)
	}
}
EOF
    put cmd/client/main.go <<'EOF'
package main

import (
	"fmt"

	"example.com/shop/internal/calc"
)

func main() {
	fmt.Println("client", calc.Mul(2, 3), calc.Sub(5, 1))
}
EOF
    put util/strs/strs.go <<'EOF'
// Package strs is imported by no program.
package strs

import "strings"

// Shout upper-cases s.
func Shout(s string) string {
	return strings.ToUpper(s) + "!"
}
EOF
    commit v2
}
