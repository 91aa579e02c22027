#!/bin/bash
# SPDX-License-Identifier: MIT
# A tour of goat on a tiny Go module: two commits on a git repository, goat
# init and goat track, the instrumented diff, a build, a run, the /metrics
# and /track answers, goat report and its gate, and goat clean restoring
# everything.
#   usage: demo.sh GOAT WORKDIR
set -euo pipefail
goat=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
cd "$work"
export GIT_AUTHOR_NAME=demo GIT_AUTHOR_EMAIL=demo@example.com
export GIT_COMMITTER_NAME=demo GIT_COMMITTER_EMAIL=demo@example.com
export GOCACHE="$work/.gocache" GOFLAGS=-mod=mod GOPROXY=off
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "A Go module with one commit on main"
git -c init.defaultBranch=main init -q .
cat > go.mod <<'GO'
module example.com/shop

go 1.19
GO
cat > main.go <<'GO'
package main

import (
	"fmt"
	"os"
	"time"
)

func price(n int) int {
	return n * 10
}

func main() {
	fmt.Println("total:", price(3))
	if len(os.Args) > 1 {
		time.Sleep(2 * time.Minute) // serving until the demo stops it
	}
}
GO
printf '.gocache/\n' > .gitignore
git add -A && git commit -qm "first release"
cat main.go

step "A feature branch changes price and adds a discount"
git checkout -qb feature
cat > main.go <<'GO'
package main

import (
	"fmt"
	"os"
	"time"
)

func price(n int) int {
	if n >= 10 {
		return discount(n * 10)
	}
	return n * 10
}

func discount(total int) int {
	return total * 9 / 10
}

func refund(total int) int {
	return -total
}

func main() {
	fmt.Println("total:", price(12))
	if len(os.Args) > 1 {
		time.Sleep(2 * time.Minute) // serving until the demo stops it
	}
}
GO
git commit -qam "bulk discount"
git log --oneline

step "goat init --old main"
"$goat" init --old main
grep -v '^ *#' goat.yaml | grep -v '^$'

step "goat track"
"$goat" track
git diff --stat
git diff main.go

step "go build and run it (price(12) runs the discount, refund never runs); ask the tracking server"
go build -o shop .
port=$((20000 + RANDOM % 20000))
GOAT_PORT=$port ./shop wait &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
fetch() {
  for _ in $(seq 50); do
    if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
      sed '1,/^\r$/d' <&3
      exec 3<&-
      return 0
    fi
    sleep 0.1
  done
  echo "no answer on port $port" >&2
  return 1
}
fetch /metrics
echo
fetch '/track?order=1'
echo

step "goat report: which changed code ran, shown against the code, and the gate a pipeline runs"
"$goat" report "http://127.0.0.1:$port"
gate=0
"$goat" report --fail-under 100 "http://127.0.0.1:$port" >/dev/null || gate=$?
echo "goat report --fail-under 100: exit status $gate (3: refund has not run yet, so the release waits)"
kill $pid
wait $pid 2>/dev/null || true
trap - EXIT

step "goat clean: the tree is as it was"
rm -f shop
"$goat" clean
git status --short
git diff --quiet && echo "clean: no difference from the commit"
