#!/bin/sh
# SPDX-License-Identifier: MIT
# The README's first command ends with `make demo` (scripts/demo.sh): a
# newcomer's first sight of goat. This runs the same script with the goat
# under test and checks that every step shows what it promises: the
# tracking blocks in the diff, the program's answer, the /metrics and /track
# answers, goat report's table and the code that did not run, its gate's
# exit status 3, and goat clean leaving no difference from the commit.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
if [ -z "${GO:-}" ] || ! command -v git >/dev/null 2>&1; then
  echo "demo.sh: Go or git is not installed: skipped"
  exit 77
fi
# the demo runs `go` from PATH: the Go make check was configured with
PATH=$(dirname "$GO"):$PATH
export PATH
unset GOAT_CONFIG GOAT_PORT GOAT_METRICS_IP GOAT_CURRENT_COMPONENT
HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1
export HOME GIT_CONFIG_NOSYSTEM
mkdir -p "$HOME"

out=$tmp/demo.out
if ! bash "$top_srcdir/scripts/demo.sh" "$GOAT" "$tmp/demo" >"$out" 2>&1; then
  cat "$out"
  echo "FAIL: scripts/demo.sh failed"
  exit 1
fi

# expect WHAT TEXT: the demo's output holds the line TEXT (fixed string)
expect() {
  grep -qxF -- "$2" "$out" || fail "$1: no line '$2'"
}
# expect_match WHAT REGEX: some line of the output matches REGEX
expect_match() {
  grep -qE -- "$2" "$out" || fail "$1: no line matching '$2'"
}

expect_match "track: blocks in the diff" '^\+	goat\.Track\(goat\.TRACK_ID_3\)$'
expect "the program ran" "total: 108"
expect_match "/metrics: refund did not run" \
  '^goat_point_covered\{.*id="3",file="main\.go",line="21",func="refund"\} 0$'
expect_match "/metrics: discount ran" \
  '^goat_point_covered\{.*id="2",file="main\.go",line="17",func="discount"\} 1$'
expect_match "/track: JSON with the points" '^\{"name":"demo",.*"points":4,'
expect "report: the total" "4 tracking points, 3 ran (75.0%)"
expect "report: what did not run" "did not run: 1 point"
expect "report: the point" "  main.go:21: refund (TRACK_ID_3)"
expect_match "report: its code" '^ +21  	return -total$'
expect_match "report: the gate's message" 'below --fail-under 100$'
expect_match "report: the gate's status" '^goat report --fail-under 100: exit status 3 '
expect "clean: the tree as committed" "clean: no difference from the commit"
finish "demo check(s)"
