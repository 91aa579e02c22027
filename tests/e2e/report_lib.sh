# SPDX-License-Identifier: MIT
# Shared by the goat report end-to-end tests (sourced after lib.sh): the
# reporthelp program, the shop repository at a third commit whose server
# can be driven three ways, and helpers to read goat report's JSON.
#
# make_report_shop DIR DATA-TYPE builds the shop of lib.sh, adds commit v3
# (the server runs subtract with the argument "sub" and double with
# "double"), runs goat init (app shop, version e2e, granularity func) and
# goat track, builds the server as $tmp/server, and stays in DIR. The
# tracking points:
#   1 cmd/client/main.go main     (component cmd/client only)
#   2 cmd/server/main.go main     3 subtract     4 double     5 wait
#   6 internal/calc/calc.go Add   7 Sub          (both components)
#   8 util/strs/strs.go Shout     (no component: no program reports it)
# A server runs main, wait and Add (three times) whatever its arguments
# (wait changed: the servers stay up ten minutes rather than one).

# No proxy between goat and the loopback servers.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY

helper=$tmp/reporthelp
(cd "$top_srcdir/tests/e2e/reporthelp" && "$GO" build -o "$helper" .) || {
    echo "cannot build the reporthelp program"
    exit 1
}

make_report_shop() {
    make_shop_repo "$1"
    put cmd/server/main.go <<'GO'
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
	for _, arg := range os.Args[1:] {
		switch arg {
		case "sub":
			total = subtract(total)
		case "double":
			total = double(total)
		}
	}
	fmt.Println("server", total)
	wait()
}

func subtract(total int) int {
	return calc.Sub(total, 1)
}

func double(total int) int {
	return total * 2
}

// wait keeps the program up while the tests query its goat service.
func wait() {
	if os.Getenv("SHOP_WAIT") != "" {
		time.Sleep(10 * time.Minute)
	}
}
GO
    commit v3
    "$GOAT" init --app-name shop --app-version e2e --granularity func --data-type "$2" >/dev/null ||
        fail "goat init"
    git add goat.yaml && git commit -q -m config
    "$GOAT" track >/dev/null 2>"$tmp/track.err" || fail "goat track: $(cat "$tmp/track.err")"
    "$GO" build -o "$tmp/server" ./cmd/server || fail "go build of the tracked server"
}

# start_instances: three servers on free ports, driven with "sub" (URL $a,
# port $pa, process $pid_a), with "double" ($b, $pb) and with nothing ($c,
# $pc).
start_instances() {
    pa=$("$client" freeport)
    start_app "$pa" "$tmp/server" sub
    pid_a=$(last_pid)
    pb=$("$client" freeport)
    start_app "$pb" "$tmp/server" double
    pc=$("$client" freeport)
    start_app "$pc" "$tmp/server"
    a=http://127.0.0.1:$pa b=http://127.0.0.1:$pb c=http://127.0.0.1:$pc
}

# points_of FILE: "ID:COUNT" for each entry of "points" in goat report's
# JSON, space-separated, in ID order.
points_of() {
    grep -o '{"id":[0-9]*,[^{}]*}' "$1" | sed -E 's/^\{"id":([0-9]+),.*"count":([0-9]+),.*$/\1:\2/' | tr '\n' ' '
}

# totals_of FILE: "total=T covered=C" of goat report's JSON.
totals_of() {
    sed -E 's/^\{"total":([0-9]+),"covered":([0-9]+),.*$/total=\1 covered=\2/' "$1"
}

# last_pid: the process start_app started last.
last_pid() {
    echo "${pids[${#pids[@]}-1]}"
}
