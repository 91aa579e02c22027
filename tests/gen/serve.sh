#!/bin/bash
# SPDX-License-Identifier: MIT
# Proves that the generated Go package (src/gen) is right with the real Go
# toolchain: every variant (bool/count data x race on/off, several components,
# a component without points, no points, no components, 20,000 points) is
# gofmt-clean, go vet-clean and builds; programs importing it serve /metrics
# and /track on GOAT_PORT with exact numbers, honour order, component (by name
# and by ID) and GOAT_CURRENT_COMPONENT, answer a bad parameter with HTTP 400
# and a JSON error, keep running when the port is taken, and in race mode pass
# the Go race detector with concurrent Track calls and HTTP reads; /track
# gives each point's location (known or not) and /metrics the serving
# component's points and goat_build_info, which promtool accepts in both data
# types. The runtime's own Go tests are run by tests/gen/runtime.sh.
set -u

if [ -z "${GO:-}" ] || [ -z "${GOFMT:-}" ]; then
    echo "serve.sh: Go is not installed: skipped"
    exit 77
fi
: "${top_srcdir:?}" "${top_builddir:?}"
render=$top_builddir/tests/gen/gen_render
[ -x "$render" ] || { echo "serve.sh: $render not built"; exit 1; }

tmp=$(mktemp -d) || exit 1
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

export GOCACHE=${GOAT_TEST_GOCACHE:-$top_builddir/.gocache} GOPATH=$tmp/gopath GOFLAGS=-modcacherw GOPROXY=off \
    GOWORK=off GO111MODULE=on GOTOOLCHAIN=local
unset GOAT_PORT GOAT_METRICS_IP GOAT_CURRENT_COMPONENT
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# ---------------------------------------------------------------- rendering
mod=$tmp/mod
mkdir -p "$mod" "$tmp/bin"
printf 'module example.com/gentest\n\ngo 1.19\n' >"$mod/go.mod"

# variant NAME SERVES(yes|no) FIRST_ID gen_render-arguments...
# writes NAME/goat/goat_generated.go and a program NAME/app that imports it.
variant() {
    local name=$1 serves=$2 first=$3
    shift 3
    mkdir -p "$mod/$name/goat" "$mod/$name/app"
    if ! "$render" "$@" "$mod/$name/goat/goat_generated.go"; then
        fail "gen_render $name $*"
        return
    fi
    eval "digest_$name=\$(\"\$render\" \"\$@\" --digest -)"
    local serve="" constant=""
    [ "$serves" = yes ] && serve="goat.ServeHTTP(goat.COMPONENT_0)"
    [ "$first" != none ] && constant="goat.Track(goat.TRACK_ID_$first - goat.TRACK_ID_$first)"
    sed -e "s|@PATH@|example.com/gentest/$name/goat|" -e "s|@SERVE@|$serve|" \
        -e "s|@CONSTANT@|$constant|" -e '/^\t$/d' >"$mod/$name/app/main.go" <<'EOF'
// The test program: tracks the IDs given as arguments, says "tracked", and
// returns from main on SIGTERM or after GENTEST_LIFETIME (default 30s), so
// that the race detector, if built in, reports at exit.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	goat "@PATH@"
)

func number(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	return n
}

func main() {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM)
	@SERVE@
	@CONSTANT@
	for _, arg := range os.Args[1:] {
		fields := strings.Split(arg, ":")
		switch fields[0] {
		case "spin": // spin:ID:GOROUTINES:TIMES, concurrently, then wait
			var wg sync.WaitGroup
			for g := 0; g < number(fields[2]); g++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; i < number(fields[3]); i++ {
						goat.Track(number(fields[1]))
					}
				}()
			}
			wg.Wait()
		case "busy": // busy:ID, in the background until the program ends
			go func() {
				for {
					goat.Track(number(fields[1]))
					time.Sleep(time.Microsecond)
				}
			}()
		case "name": // the application name and version, in hexadecimal
			fmt.Printf("%x %x\n", goat.NAME, goat.VERSION)
		default:
			goat.Track(number(arg))
		}
	}
	fmt.Println("tracked")
	lifetime, err := time.ParseDuration(os.Getenv("GENTEST_LIFETIME"))
	if err != nil {
		lifetime = 30 * time.Second
	}
	select {
	case <-stop:
	case <-time.After(lifetime):
	}
}
EOF
}

variant v1 yes 1 --ids 6 --name 'shop "α"\' --version v1.2 \
    --component cmd/a=1-4 --component cmd/b=3-6 --component empty= \
    --commit 1111111111111111111111111111111111111111 \
    --point 'cmd/a/main.go|5|main|5-6|track' --point 'cmd/a/main.go|9|helper|9|track' \
    --point 'lib/"q"\x.go|3|Shared|3|track' --point 'lib/lib.go|8|(*T).M|8,10-11|insert' \
    --point 'cmd/b/main.go|7|main.func1|7|track' --point 'cmd/b/main.go|12|init.0|12|track'
variant v2 yes 1 --count --race --ids 6 --name svc --version 2.0.0 \
    --component svc=1-5 --component busy=6
variant v3 yes 1 --race --package tracker --ids 3 --name x --version y --component cmd/x=1-3
variant v4 yes none --count --ids 0 --name zero --version 0 --component only=
variant v5 no 1 --ids 4 --name nocomp --version 0
variant v6 yes 1 --count --race --ids 20000 --name big --version 1 \
    --component "big-a=1-20000" --component "big-b=$(seq -s, 1 3 20000)"
# Every byte but NUL (which argv cannot carry) in the name, and bytes that are
# not UTF-8 in the version: Go must read back exactly the same bytes.
all_bytes=$(for i in $(seq 1 255); do printf "\\$(printf %03o "$i")"; done)
variant v7 no 1 --ids 1 --name "$all_bytes" --version $'\xff\xfe\xef\xbb\xbf\xe2\x80\xae\xc0\x80'
hex() { od -An -v -tx1 | tr -d ' \n'; }
want_names="$(printf %s "$all_bytes" | hex) $(printf '\xff\xfe\xef\xbb\xbf\xe2\x80\xae\xc0\x80' | hex)"

for f in "$mod"/v*/goat/goat_generated.go; do
    first=$(head -n 1 "$f")
    [ "$first" = "// Code generated by goat. DO NOT EDIT." ] || fail "$f starts with: $first"
done

# ---------------------------------------------------------------- go tools
cd "$mod" || exit 1
unformatted=$("$GOFMT" -l . 2>&1)
[ -z "$unformatted" ] || fail "gofmt -l reports: $unformatted"
timeout 300 "$GO" vet ./... >"$tmp/vet.log" 2>&1 || { fail "go vet ./..."; cat "$tmp/vet.log"; }
timeout 300 "$GO" build ./... >"$tmp/build.log" 2>&1 || { fail "go build ./..."; cat "$tmp/build.log"; }
for v in v1 v2 v3 v4 v5 v7; do
    timeout 300 "$GO" build -o "$tmp/bin/$v" "./$v/app" >"$tmp/build-$v.log" 2>&1 ||
        { fail "go build ./$v/app"; cat "$tmp/build-$v.log"; }
done
# The race detector needs cgo and a C compiler; without them the race-mode
# programs are still run, just not checked for data races.
race=no
if timeout 300 "$GO" build -race -o "$tmp/bin/v2" ./v2/app >"$tmp/race.log" 2>&1 &&
    timeout 300 "$GO" build -race -o "$tmp/bin/v3" ./v3/app >>"$tmp/race.log" 2>&1; then
    race=yes
else
    echo "note: go build -race unavailable, race mode not checked by the detector:"
    cat "$tmp/race.log"
    timeout 300 "$GO" build -o "$tmp/bin/v2" ./v2/app && timeout 300 "$GO" build -o "$tmp/bin/v3" ./v3/app ||
        fail "go build v2/v3"
fi
(cd "$top_srcdir/tests/gen/client" && timeout 300 "$GO" build -o "$tmp/bin/genclient" .) ||
    { echo "serve.sh: cannot build the test client"; exit 1; }
client=$tmp/bin/genclient
if [ "$failures" -gt 0 ]; then
    echo "serve.sh: $failures failure(s) before running anything"
    exit 1
fi

# ---------------------------------------------------------------- running
# start NAME PROGRAM ENV... -- ARGS...: runs the program in the background
# with output in $tmp/NAME.{out,err} and waits until it says "tracked".
start() {
    local name=$1 program=$2
    shift 2
    local envs=()
    while [ "$1" != -- ]; do envs+=("$1"); shift; done
    shift
    env "${envs[@]}" timeout 120 "$tmp/bin/$program" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
    pids+=($!)
    eval "pid_$name=$!"
    for _ in $(seq 200); do
        grep -q tracked "$tmp/$name.out" 2>/dev/null && return 0
        sleep 0.05
    done
    fail "$name did not start: $(cat "$tmp/$name.err")"
    return 1
}

# wait_for_log NAME PATTERN: waits up to 5 s for PATTERN in program NAME's
# standard error (what it logs).
wait_for_log() {
    for _ in $(seq 100); do
        grep -q "$2" "$tmp/$1.err" && return 0
        sleep 0.05
    done
    return 1
}

# expect LABEL MODE URL: compares the client's output with standard input,
# where @DIGEST_V<n>@ stands for the digest of variant v<n>.
expect() {
    local label=$1
    "$client" "$2" "$3" >"$tmp/actual" 2>&1
    if ! sed -e "s/@DIGEST_V1@/$digest_v1/g" -e "s/@DIGEST_V2@/$digest_v2/g" -e "s/@DIGEST_V3@/$digest_v3/g" \
        -e "s/@DIGEST_V4@/$digest_v4/g" |
        diff -u - "$tmp/actual" >"$tmp/diff"; then
        fail "$label ($3)"
        cat "$tmp/diff"
    fi
}

port() { "$client" freeport; }

# promtool_check LABEL URL: promtool accepts the exposition, apart from the
# reference's gauge named goat_track_total (a _total suffix is for counters).
promtool_check() {
    if ! command -v promtool >/dev/null 2>&1; then
        echo "note: promtool is not installed, $1 not checked by it"
        return
    fi
    "$client" metrics "$2" | tail -n +2 >"$tmp/exposition"
    local got
    got=$(promtool check metrics <"$tmp/exposition" 2>&1)
    [ "$got" = 'goat_track_total non-counter metrics should not have "_total" suffix' ] ||
        fail "$1: promtool check metrics says: $got"
}

p1=$(port)
start a v1 GOAT_PORT="$p1" GOAT_METRICS_IP=127.0.0.1 -- 2 4 5 2
u=http://127.0.0.1:$p1

expect "v1 metrics" metrics "$u/metrics" <<'EOF'
status 200 text/plain; version=0.0.4; charset=utf-8
# HELP goat_track_total Number of tracking points of the component.
# TYPE goat_track_total gauge
goat_track_total{app="shop \"α\"\\",version="v1.2",component="cmd/a"} 4
goat_track_total{app="shop \"α\"\\",version="v1.2",component="cmd/b"} 4
goat_track_total{app="shop \"α\"\\",version="v1.2",component="empty"} 0
# HELP goat_track_covered Number of tracking points of the component that ran.
# TYPE goat_track_covered gauge
goat_track_covered{app="shop \"α\"\\",version="v1.2",component="cmd/a"} 2
goat_track_covered{app="shop \"α\"\\",version="v1.2",component="cmd/b"} 2
goat_track_covered{app="shop \"α\"\\",version="v1.2",component="empty"} 0
# HELP goat_track_coverage_ratio Percentage of tracking points of the component that ran.
# TYPE goat_track_coverage_ratio gauge
goat_track_coverage_ratio{app="shop \"α\"\\",version="v1.2",component="cmd/a"} 50
goat_track_coverage_ratio{app="shop \"α\"\\",version="v1.2",component="cmd/b"} 50
goat_track_coverage_ratio{app="shop \"α\"\\",version="v1.2",component="empty"} 0
# HELP goat_point_covered Whether the tracking point ran (1) or not (0).
# TYPE goat_point_covered gauge
goat_point_covered{app="shop \"α\"\\",version="v1.2",component="cmd/a",id="1",file="cmd/a/main.go",line="5",func="main"} 0
goat_point_covered{app="shop \"α\"\\",version="v1.2",component="cmd/a",id="2",file="cmd/a/main.go",line="9",func="helper"} 1
goat_point_covered{app="shop \"α\"\\",version="v1.2",component="cmd/a",id="3",file="lib/\"q\"\\x.go",line="3",func="Shared"} 0
goat_point_covered{app="shop \"α\"\\",version="v1.2",component="cmd/a",id="4",file="lib/lib.go",line="8",func="(*T).M"} 1
# HELP goat_build_info The tracked build: its commit, the digest and size of its point table.
# TYPE goat_build_info gauge
goat_build_info{app="shop \"α\"\\",version="v1.2",component="cmd/a",commit="1111111111111111111111111111111111111111",digest="@DIGEST_V1@",mode="bool",points="6"} 1
EOF

promtool_check "v1 metrics (bool data)" "$u/metrics"

expect "v1 track, default order (count ascending)" track "$u/track" <<'EOF'
status 200 application/json
app "shop \"α\"\\" "v1.2" commit "1111111111111111111111111111111111111111" digest "@DIGEST_V1@" mode bool points 6
component 0 "cmd/a" total 4 covered 2 rate 50
  1 TRACK_ID_1 0 "cmd/a/main.go":5 "main" "5-6" track
  3 TRACK_ID_3 0 "lib/\"q\"\\x.go":3 "Shared" "3" track
  2 TRACK_ID_2 1 "cmd/a/main.go":9 "helper" "9" track
  4 TRACK_ID_4 1 "lib/lib.go":8 "(*T).M" "8,10-11" insert
component 1 "cmd/b" total 4 covered 2 rate 50
  3 TRACK_ID_3 0 "lib/\"q\"\\x.go":3 "Shared" "3" track
  6 TRACK_ID_6 0 "cmd/b/main.go":12 "init.0" "12" track
  4 TRACK_ID_4 1 "lib/lib.go":8 "(*T).M" "8,10-11" insert
  5 TRACK_ID_5 1 "cmd/b/main.go":7 "main.func1" "7" track
component 2 "empty" total 0 covered 0 rate 0
EOF

expect "v1 track, order 1, component by name" track "$u/track?order=1&component=cmd/b" <<'EOF'
status 200 application/json
app "shop \"α\"\\" "v1.2" commit "1111111111111111111111111111111111111111" digest "@DIGEST_V1@" mode bool points 6
component 1 "cmd/b" total 4 covered 2 rate 50
  4 TRACK_ID_4 1 "lib/lib.go":8 "(*T).M" "8,10-11" insert
  5 TRACK_ID_5 1 "cmd/b/main.go":7 "main.func1" "7" track
  3 TRACK_ID_3 0 "lib/\"q\"\\x.go":3 "Shared" "3" track
  6 TRACK_ID_6 0 "cmd/b/main.go":12 "init.0" "12" track
EOF

expect "v1 track, order 3, components by ID" track "$u/track?order=3&component=1,0" <<'EOF'
status 200 application/json
app "shop \"α\"\\" "v1.2" commit "1111111111111111111111111111111111111111" digest "@DIGEST_V1@" mode bool points 6
component 1 "cmd/b" total 4 covered 2 rate 50
  6 TRACK_ID_6 0 "cmd/b/main.go":12 "init.0" "12" track
  5 TRACK_ID_5 1 "cmd/b/main.go":7 "main.func1" "7" track
  4 TRACK_ID_4 1 "lib/lib.go":8 "(*T).M" "8,10-11" insert
  3 TRACK_ID_3 0 "lib/\"q\"\\x.go":3 "Shared" "3" track
component 0 "cmd/a" total 4 covered 2 rate 50
  4 TRACK_ID_4 1 "lib/lib.go":8 "(*T).M" "8,10-11" insert
  3 TRACK_ID_3 0 "lib/\"q\"\\x.go":3 "Shared" "3" track
  2 TRACK_ID_2 1 "cmd/a/main.go":9 "helper" "9" track
  1 TRACK_ID_1 0 "cmd/a/main.go":5 "main" "5-6" track
EOF

expect "v1 track, order 2, repeated component parameter" track \
    "$u/track?order=2&component=empty&component=cmd%2Fa" <<'EOF'
status 200 application/json
app "shop \"α\"\\" "v1.2" commit "1111111111111111111111111111111111111111" digest "@DIGEST_V1@" mode bool points 6
component 2 "empty" total 0 covered 0 rate 0
component 0 "cmd/a" total 4 covered 2 rate 50
  1 TRACK_ID_1 0 "cmd/a/main.go":5 "main" "5-6" track
  2 TRACK_ID_2 1 "cmd/a/main.go":9 "helper" "9" track
  3 TRACK_ID_3 0 "lib/\"q\"\\x.go":3 "Shared" "3" track
  4 TRACK_ID_4 1 "lib/lib.go":8 "(*T).M" "8,10-11" insert
EOF

order_error='want 0 (count ascending), 1 (count descending), 2 (ID ascending) or 3 (ID descending)'
for bad in 4 -1 x 1.5; do
    expect "v1 track, bad order $bad" track "$u/track?order=$bad" <<EOF
status 400 application/json
error invalid order "$bad": $order_error
EOF
done
for bad in nope 3 -1 cmd/a, ,0; do
    key=$bad
    case $bad in cmd/a,) key= ;; ,0) key= ;; esac
    expect "v1 track, bad component $bad" track "$u/track?component=$bad" <<EOF
status 400 application/json
error invalid component "$key": want a component name or an ID below 3
EOF
done
expect "v1 track, malformed query" track "$u/track?order=%zz" <<'EOF'
status 400 application/json
error invalid query: invalid URL escape "%zz"
EOF

# GOAT_CURRENT_COMPONENT by ID (the last component, the one without points:
# the reference indexes out of range and divides by zero there) and by name.
p2=$(port)
start b v1 GOAT_PORT="$p2" GOAT_CURRENT_COMPONENT=2 -- 2 4 5
expect "v1 metrics, GOAT_CURRENT_COMPONENT=2" metrics "http://127.0.0.1:$p2/metrics" <<'EOF'
status 200 text/plain; version=0.0.4; charset=utf-8
# HELP goat_track_total Number of tracking points of the component.
# TYPE goat_track_total gauge
goat_track_total{app="shop \"α\"\\",version="v1.2",component="empty"} 0
# HELP goat_track_covered Number of tracking points of the component that ran.
# TYPE goat_track_covered gauge
goat_track_covered{app="shop \"α\"\\",version="v1.2",component="empty"} 0
# HELP goat_track_coverage_ratio Percentage of tracking points of the component that ran.
# TYPE goat_track_coverage_ratio gauge
goat_track_coverage_ratio{app="shop \"α\"\\",version="v1.2",component="empty"} 0
# HELP goat_point_covered Whether the tracking point ran (1) or not (0).
# TYPE goat_point_covered gauge
goat_point_covered{app="shop \"α\"\\",version="v1.2",component="cmd/a",id="1",file="cmd/a/main.go",line="5",func="main"} 0
goat_point_covered{app="shop \"α\"\\",version="v1.2",component="cmd/a",id="2",file="cmd/a/main.go",line="9",func="helper"} 1
goat_point_covered{app="shop \"α\"\\",version="v1.2",component="cmd/a",id="3",file="lib/\"q\"\\x.go",line="3",func="Shared"} 0
goat_point_covered{app="shop \"α\"\\",version="v1.2",component="cmd/a",id="4",file="lib/lib.go",line="8",func="(*T).M"} 1
# HELP goat_build_info The tracked build: its commit, the digest and size of its point table.
# TYPE goat_build_info gauge
goat_build_info{app="shop \"α\"\\",version="v1.2",component="cmd/a",commit="1111111111111111111111111111111111111111",digest="@DIGEST_V1@",mode="bool",points="6"} 1
EOF
kill "$pid_b" 2>/dev/null

p3=$(port)
start c v1 GOAT_PORT="$p3" GOAT_CURRENT_COMPONENT=cmd/b -- 3 6
expect "v1 metrics, GOAT_CURRENT_COMPONENT=cmd/b" metrics "http://127.0.0.1:$p3/metrics" <<'EOF'
status 200 text/plain; version=0.0.4; charset=utf-8
# HELP goat_track_total Number of tracking points of the component.
# TYPE goat_track_total gauge
goat_track_total{app="shop \"α\"\\",version="v1.2",component="cmd/b"} 4
# HELP goat_track_covered Number of tracking points of the component that ran.
# TYPE goat_track_covered gauge
goat_track_covered{app="shop \"α\"\\",version="v1.2",component="cmd/b"} 2
# HELP goat_track_coverage_ratio Percentage of tracking points of the component that ran.
# TYPE goat_track_coverage_ratio gauge
goat_track_coverage_ratio{app="shop \"α\"\\",version="v1.2",component="cmd/b"} 50
# HELP goat_point_covered Whether the tracking point ran (1) or not (0).
# TYPE goat_point_covered gauge
goat_point_covered{app="shop \"α\"\\",version="v1.2",component="cmd/a",id="1",file="cmd/a/main.go",line="5",func="main"} 0
goat_point_covered{app="shop \"α\"\\",version="v1.2",component="cmd/a",id="2",file="cmd/a/main.go",line="9",func="helper"} 0
goat_point_covered{app="shop \"α\"\\",version="v1.2",component="cmd/a",id="3",file="lib/\"q\"\\x.go",line="3",func="Shared"} 1
goat_point_covered{app="shop \"α\"\\",version="v1.2",component="cmd/a",id="4",file="lib/lib.go",line="8",func="(*T).M"} 0
# HELP goat_build_info The tracked build: its commit, the digest and size of its point table.
# TYPE goat_build_info gauge
goat_build_info{app="shop \"α\"\\",version="v1.2",component="cmd/a",commit="1111111111111111111111111111111111111111",digest="@DIGEST_V1@",mode="bool",points="6"} 1
EOF
kill "$pid_c" 2>/dev/null

p4=$(port)
start d v1 GOAT_PORT="$p4" GOAT_CURRENT_COMPONENT=nope --
expect "v1 metrics, GOAT_CURRENT_COMPONENT=nope" metrics "http://127.0.0.1:$p4/metrics" <<'EOF'
status 400 text/plain; charset=utf-8
goat: GOAT_CURRENT_COMPONENT="nope" names no component
EOF
grep -q 'goat: GOAT_CURRENT_COMPONENT="nope" names no component: /metrics answers 400 until it names one by name or ID, or is unset' "$tmp/d.err" ||
    fail "GOAT_CURRENT_COMPONENT=nope: not logged at start: $(cat "$tmp/d.err")"
kill "$pid_d" 2>/dev/null

# The port is taken (by the first program): the second one logs it and lives on.
start e v1 GOAT_PORT="$p1" -- 1
wait_for_log e "tracking service not started"
grep -q "tracking service not started (GOAT_METRICS_IP=\"\", GOAT_PORT=\"$p1\"): .*address already in use; set them to an address and a free port this program may listen on" "$tmp/e.err" ||
    fail "taken port: no log line naming the variables: $(cat "$tmp/e.err")"
sleep 0.3
kill -0 "$pid_e" 2>/dev/null || fail "taken port: the program ended"
kill "$pid_e" 2>/dev/null
"$client" fetch "$u/metrics" >/dev/null || fail "the first program stopped serving"
kill "$pid_a" 2>/dev/null

# A port that is no port: the log line names the variable.
start badport v1 GOAT_PORT=abc -- 1
wait_for_log badport "tracking service not started"
grep -q 'tracking service not started (GOAT_METRICS_IP="", GOAT_PORT="abc"): .*unknown port' "$tmp/badport.err" ||
    fail "GOAT_PORT=abc: no log line naming it: $(cat "$tmp/badport.err")"
kill "$pid_badport" 2>/dev/null

# A bracketed IPv6 loopback address, when the machine has one.
if p8=$("$client" freeport6 2>/dev/null); then
    start k v4 GOAT_PORT="$p8" GOAT_METRICS_IP='[::1]' --
    "$client" fetch "http://[::1]:$p8/metrics" || fail "GOAT_METRICS_IP=[::1]"
    kill "$pid_k" 2>/dev/null
else
    echo "note: no IPv6 loopback, GOAT_METRICS_IP=[::1] not checked"
fi

# Count data, race mode: concurrent Track calls are all counted, and HTTP
# reads while a goroutine keeps tracking do not race.
p5=$(port)
start f v2 GOAT_PORT="$p5" -- 1 3 3 3 spin:5:4:1000 busy:6
u=http://127.0.0.1:$p5
for _ in 1 2 3; do
    "$client" fetch "$u/track?component=busy" && "$client" fetch "$u/metrics" || fail "v2 concurrent reads"
done
expect "v2 track, count data" track "$u/track?component=svc&order=1" <<'EOF'
status 200 application/json
app "svc" "2.0.0" commit "" digest "@DIGEST_V2@" mode count points 6
component 0 "svc" total 5 covered 3 rate 60
  5 TRACK_ID_5 4000 "":0 "" "" track
  3 TRACK_ID_3 3 "":0 "" "" track
  1 TRACK_ID_1 1 "":0 "" "" track
  2 TRACK_ID_2 0 "":0 "" "" track
  4 TRACK_ID_4 0 "":0 "" "" track
EOF
expect "v2 metrics" metrics "$u/metrics" <<'EOF'
status 200 text/plain; version=0.0.4; charset=utf-8
# HELP goat_track_total Number of tracking points of the component.
# TYPE goat_track_total gauge
goat_track_total{app="svc",version="2.0.0",component="svc"} 5
goat_track_total{app="svc",version="2.0.0",component="busy"} 1
# HELP goat_track_covered Number of tracking points of the component that ran.
# TYPE goat_track_covered gauge
goat_track_covered{app="svc",version="2.0.0",component="svc"} 3
goat_track_covered{app="svc",version="2.0.0",component="busy"} 1
# HELP goat_track_coverage_ratio Percentage of tracking points of the component that ran.
# TYPE goat_track_coverage_ratio gauge
goat_track_coverage_ratio{app="svc",version="2.0.0",component="svc"} 60
goat_track_coverage_ratio{app="svc",version="2.0.0",component="busy"} 100
# HELP goat_point_executions_total Number of times the tracking point ran.
# TYPE goat_point_executions_total counter
goat_point_executions_total{app="svc",version="2.0.0",component="svc",id="1",file="",line="0",func=""} 1
goat_point_executions_total{app="svc",version="2.0.0",component="svc",id="2",file="",line="0",func=""} 0
goat_point_executions_total{app="svc",version="2.0.0",component="svc",id="3",file="",line="0",func=""} 3
goat_point_executions_total{app="svc",version="2.0.0",component="svc",id="4",file="",line="0",func=""} 0
goat_point_executions_total{app="svc",version="2.0.0",component="svc",id="5",file="",line="0",func=""} 4000
# HELP goat_build_info The tracked build: its commit, the digest and size of its point table.
# TYPE goat_build_info gauge
goat_build_info{app="svc",version="2.0.0",component="svc",commit="",digest="@DIGEST_V2@",mode="count",points="6"} 1
EOF
promtool_check "v2 metrics (count data)" "$u/metrics"

# Bool data, race mode.
p6=$(port)
start g v3 GOAT_PORT="$p6" -- 3 spin:1:4:500 busy:2
for _ in 1 2 3; do
    "$client" fetch "http://127.0.0.1:$p6/track" || fail "v3 concurrent reads"
done
expect "v3 track, bool data" track "http://127.0.0.1:$p6/track?order=2" <<'EOF'
status 200 application/json
app "x" "y" commit "" digest "@DIGEST_V3@" mode bool points 3
component 0 "cmd/x" total 3 covered 3 rate 100
  1 TRACK_ID_1 1 "":0 "" "" track
  2 TRACK_ID_2 1 "":0 "" "" track
  3 TRACK_ID_3 1 "":0 "" "" track
EOF

# No tracking points at all: Track ignores IDs out of range, nothing divides
# by zero.
p7=$(port)
start h v4 GOAT_PORT="$p7" -- 1 0 -1
expect "v4 track, no points" track "http://127.0.0.1:$p7/track" <<'EOF'
status 200 application/json
app "zero" "0" commit "" digest "@DIGEST_V4@" mode count points 0
component 0 "only" total 0 covered 0 rate 0
EOF
expect "v4 metrics, no points" metrics "http://127.0.0.1:$p7/metrics" <<'EOF'
status 200 text/plain; version=0.0.4; charset=utf-8
# HELP goat_track_total Number of tracking points of the component.
# TYPE goat_track_total gauge
goat_track_total{app="zero",version="0",component="only"} 0
# HELP goat_track_covered Number of tracking points of the component that ran.
# TYPE goat_track_covered gauge
goat_track_covered{app="zero",version="0",component="only"} 0
# HELP goat_track_coverage_ratio Percentage of tracking points of the component that ran.
# TYPE goat_track_coverage_ratio gauge
goat_track_coverage_ratio{app="zero",version="0",component="only"} 0
# HELP goat_build_info The tracked build: its commit, the digest and size of its point table.
# TYPE goat_build_info gauge
goat_build_info{app="zero",version="0",component="only",commit="",digest="@DIGEST_V4@",mode="count",points="0"} 1
EOF
kill "$pid_h" 2>/dev/null

# No components: the package still works for Track.
start i v5 GENTEST_LIFETIME=0s -- 1 2 || true

start j v7 GENTEST_LIFETIME=0s -- name || true
[ "$(head -n 1 "$tmp/j.out")" = "$want_names" ] ||
    fail "v7: Go reads back other bytes: $(head -n 1 "$tmp/j.out"), want $want_names"

# The race-mode programs return from main on SIGTERM; the race detector makes
# a program that raced exit with status 66 and print "DATA RACE".
for name in f g; do
    eval "pid=\$pid_$name"
    kill -TERM "$pid"
    wait "$pid"
    status=$?
    if [ "$status" -ne 0 ] || grep -q "DATA RACE" "$tmp/$name.err"; then
        fail "race-mode program $name ended with status $status"
        cat "$tmp/$name.err"
    fi
done
echo "race detector used: $race"

if [ "$failures" -gt 0 ]; then
    echo "serve.sh: $failures failure(s)"
    exit 1
fi
echo "serve.sh: all checks passed"
exit 0
