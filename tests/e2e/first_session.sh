#!/bin/bash
# SPDX-License-Identifier: MIT
# Proves what a first session with goat runs into, each as a new user would
# meet it, on real git repositories:
# - main packages under "_" and "." directories (_examples/hello) are
#   components with their main entry, and build;
. "${top_srcdir:?}/tests/e2e/lib.sh"

# ---- main packages under "_" and "." directories are components
repo=$tmp/examples
mkdir -p "$repo" && cd "$repo" || exit 1
git init -q .
put go.mod <<'EOF'
module example.com/ex

go 1.19
EOF
put lib/lib.go <<'EOF'
// Package lib is shared.
package lib

// Twice doubles n.
func Twice(n int) int {
	return n * 2
}
EOF
put cmd/app/main.go <<'EOF'
package main

import (
	"fmt"

	"example.com/ex/lib"
)

func main() {
	fmt.Println("app", lib.Twice(1))
}
EOF
put _examples/hello/main.go <<'EOF'
package main

import (
	"fmt"
	"os"
	"time"

	"example.com/ex/lib"
)

func main() {
	fmt.Println("server", lib.Twice(2))
	if os.Getenv("SHOP_WAIT") != "" {
		time.Sleep(time.Minute)
	}
}
EOF
put .tools/gen/main.go <<'EOF'
package main

func main() {
	println("gen")
}
EOF
commit v1
"$GOAT" init --old INIT --granularity func --app-name ex --app-version e2e >/dev/null || fail "init (examples)"
out=$("$GOAT" track 2>&1) || fail "track (examples): $out"
expect_contains "track (examples)" "$out" "4 tracking points in 4 files, 3 main entries"
grep -q 'goat.ServeHTTP(goat.COMPONENT_0)' .tools/gen/main.go || fail "no main entry in .tools/gen"
grep -q 'goat.ServeHTTP(goat.COMPONENT_1)' _examples/hello/main.go || fail "no main entry in _examples/hello"
grep -q 'goat.ServeHTTP(goat.COMPONENT_2)' cmd/app/main.go || fail "no main entry in cmd/app"
go_checks "$repo"
"$GO" build -o "$tmp/hello" ./_examples/hello || fail "go build ./_examples/hello"
port=$("$client" freeport)
start_app "$port" "$tmp/hello"
got=$("$client" track "http://127.0.0.1:$port/track?order=2&component=_examples/hello")
expect_eq "/track of the _examples/hello component" "app ex e2e
component 1 _examples/hello total=2 covered=2 rate=100 ids=2:1,4:1" "$got"
stop_apps
"$GOAT" clean >/dev/null || fail "clean (examples)"
expect_eq "git status after clean (examples)" "?? goat.yaml" "$(git status --porcelain)"

finish
