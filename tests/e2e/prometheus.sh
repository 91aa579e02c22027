#!/bin/bash
# SPDX-License-Identifier: MIT
# A real Prometheus adds up the tracking points of several replicas. A module
# whose program runs the functions named on its command line is tracked
# (oldBranch INIT, one point per function); three instances run different
# functions; Prometheus, started here on a loopback port with a temporary
# storage directory and a 1 s scrape interval, scrapes them. The union query
# of goat(1) counts every point that ran on any instance, and still does after
# one instance is restarted and has lost its counters, while the same count
# over the current samples shows the loss; the per-file and per-function
# queries count what ran where. promtool accepts the instances' /metrics.
if ! command -v prometheus >/dev/null 2>&1; then
    echo "prometheus.sh: prometheus is not installed: skipped"
    exit 77
fi
. "${top_srcdir:?}/tests/e2e/lib.sh"

promql=$tmp/promql
(cd "$top_srcdir/tests/e2e/promql" && "$GO" build -o "$promql" .) || {
    echo "cannot build the PromQL client"
    exit 1
}

repo=$tmp/fleet
mkdir -p "$repo" && cd "$repo" || exit 1
git init -q .
put go.mod <<'EOF'
module example.com/fleet

go 1.19
EOF
put main.go <<'EOF'
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	for _, name := range os.Args[1:] {
		switch name {
		case "a":
			a()
		case "b":
			b()
		case "c":
			c()
		case "d":
			d()
		}
	}
	fmt.Println("fleet ready")
	time.Sleep(10 * time.Minute)
}

func a() { fmt.Println("a ran") }

func b() { fmt.Println("b ran") }

func c() { fmt.Println("c ran") }

func d() { fmt.Println("d ran") }
EOF
commit v1
out=$("$GOAT" init --old INIT --granularity func --app-name fleet --app-version v1 2>&1) || fail "goat init: $out"
out=$("$GOAT" track 2>&1) || fail "goat track: $out"
expect_contains "track summary" "$out" "5 tracking points in 1 file"
"$GO" build -o "$tmp/fleet-server" . || fail "go build of the tracked fleet"
# The ID of the point in function NAME.
point_of() {
    sed -n "/^func $1() {/,/^}/p" main.go | grep -o 'TRACK_ID_[0-9]*' | cut -d_ -f3
}
id_a=$(point_of a)
[ -n "$id_a" ] || fail "no tracking point in func a"

# start N FUNCTIONS...: instance N on port ${port[N]}, pid in ${pid[N]}.
declare -a port pid
start() {
    local n=$1 waited=0 out=$tmp/fleet$1.out
    shift
    : >"$out"
    GOAT_PORT=${port[$n]} "$tmp/fleet-server" "$@" >"$out" 2>&1 &
    pid[$n]=$!
    pids+=("${pid[$n]}")
    # Ready once main has run and the tracking service (which starts in the
    # background) has its port or has said why not.
    until grep -q '^fleet ready' "$out" && grep -q 'goat: tracking service' "$out" || [ $waited -ge 600 ]; do
        sleep 0.1
        waited=$((waited + 1))
    done
    grep -q '^fleet ready' "$out" || fail "instance $n did not start: $(cat "$out")"
    # A scrape of another program on that port would fail every query below
    # with no word of why.
    grep -q "goat: tracking service of component .* on http://127.0.0.1:${port[$n]}/metrics" "$out"
}
# first_start N FUNCTIONS...: start on a free port; the port was free when
# chosen, but a test running beside this one may take it first, so another
# is tried then.
first_start() {
    local n=$1 try
    for try in 1 2 3; do
        port[$n]=$("$client" freeport)
        start "$@" && return 0
        kill "${pid[$n]}" 2>/dev/null
        wait "${pid[$n]}" 2>/dev/null
    done
    fail "instance $n serves no tracking on port ${port[$n]}: $(cat "$tmp/fleet$n.out")"
}
first_start 1 a
first_start 2 b
first_start 3 b c

# promtool accepts what the instances serve (bool data here; serve.sh checks
# count data too).
if command -v promtool >/dev/null 2>&1; then
    "$client" status "http://127.0.0.1:${port[3]}/metrics" | sed '1s/^200 //' >"$tmp/exposition"
    got=$(promtool check metrics <"$tmp/exposition" 2>&1)
    expect_eq "promtool check metrics" 'goat_track_total non-counter metrics should not have "_total" suffix' "$got"
fi

prom_port=$("$client" freeport)
cat >"$tmp/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: fleet
    static_configs:
      - targets: ['127.0.0.1:${port[1]}', '127.0.0.1:${port[2]}', '127.0.0.1:${port[3]}']
EOF
prometheus --config.file="$tmp/prometheus.yml" --storage.tsdb.path="$tmp/prometheus-data" \
    --web.listen-address="127.0.0.1:$prom_port" --log.level=warn >"$tmp/prometheus.log" 2>&1 &
pids+=($!)
prom=http://127.0.0.1:$prom_port
waited=0
until "$promql" "$prom" 2>/dev/null || [ $waited -ge 600 ]; do
    sleep 0.2
    waited=$((waited + 1))
done
"$promql" "$prom" || { fail "prometheus did not start: $(cat "$tmp/prometheus.log")"; finish; }

# wait_for LABEL QUERY WANT: polls (the scrapes take a few seconds) for up to
# two minutes until QUERY gives WANT.
wait_for() {
    local got waited=0
    while :; do
        got=$("$promql" "$prom" "$2" 2>&1)
        [ "$got" = "$3" ] && return 0
        [ $waited -ge 240 ] && break
        sleep 0.5
        waited=$((waited + 1))
    done
    fail "$1: $2"
    printf -- '--- want\n%s\n--- got\n%s\n---\n' "$3" "$got"
    # What Prometheus made of its targets, and what they said, for the log.
    echo "--- targets"
    "$client" status "$prom/api/v1/targets" 2>&1 | head -c 4000
    echo
    echo "--- prometheus.log"
    tail -n 20 "$tmp/prometheus.log"
    for n in 1 2 3; do
        echo "--- instance $n (port ${port[$n]})"
        cat "$tmp/fleet$n.out"
    done
}

union='count(max by (id) (max_over_time(goat_point_covered{app="fleet",version="v1"}[1h])) == 1)'
current='count(max by (id) (goat_point_covered{app="fleet",version="v1"}) == 1)'
# main ran everywhere, a on 1, b on 2 and 3, c on 3; d nowhere.
wait_for "union of three instances" "$union" "{} 4"
wait_for "points per instance" 'sum by (instance) (goat_point_covered{app="fleet",version="v1"})' \
    "$(printf '{instance="127.0.0.1:%s"} %s\n' "${port[1]}" 2 "${port[2]}" 2 "${port[3]}" 3 | LC_ALL=C sort)"
# The per-file and per-function queries of goat(1), and its query for the
# points that ran nowhere, with their places.
wait_for "points that ran, per file" \
    'count by (file) (max by (file, id) (max_over_time(goat_point_covered{app="fleet",version="v1"}[1h])) == 1)' \
    '{file="main.go"} 4'
wait_for "points that ran, per function" \
    'count by (file, func) (max by (file, func, id) (max_over_time(goat_point_covered{app="fleet",version="v1"}[1h])) == 1)' \
    "$(for f in a b c main; do echo "{file=\"main.go\",func=\"$f\"} 1"; done)"
line_d=$(git show HEAD:main.go | grep -n '^func d()' | cut -d: -f1)
wait_for "points that ran nowhere" \
    'max by (id, file, line, func) (max_over_time(goat_point_covered{app="fleet",version="v1"}[1h])) == 0' \
    "{file=\"main.go\",func=\"d\",id=\"$(point_of d)\",line=\"$line_d\"} 0"
wait_for "total points" 'max(goat_track_total{app="fleet",version="v1"})' "{} 5"
wait_for "build info" 'count(goat_build_info{app="fleet",version="v1",mode="bool"})' "{} 3"

# Instance 1 restarts without running a: its counters are lost, and only the
# union over time still counts a.
kill "${pid[1]}"
wait "${pid[1]}" 2>/dev/null
start 1 || fail "restarted instance 1 serves no tracking on port ${port[1]}: $(cat "$tmp/fleet1.out")"
wait_for "instance 1 restarted, scraped" \
    "max(goat_point_covered{instance=\"127.0.0.1:${port[1]}\",id=\"$id_a\"})" "{} 0"
wait_for "current count after the restart" "$current" "{} 3"
wait_for "union after the restart" "$union" "{} 4"

finish
