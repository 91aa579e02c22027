#!/bin/bash
# SPDX-License-Identifier: MIT
# The race detector on a tracked server: the shop repository is tracked, a
# goroutine keeps running a tracked function (calc.Add) while /track and
# /metrics are read concurrently, and the server is built with -race.
# - default settings (dataType bool, race false): no data race;
# - dataType count, race true: no data race;
# - dataType count, race false: the documented race is reported, which shows
#   that this test sees races when there are some.
# promtool accepts /metrics in every case.
. "${top_srcdir:?}/tests/e2e/lib.sh"

if ! (cd "$top_srcdir/tests/e2e/client" && "$GO" build -race -o "$tmp/race-probe" . >"$tmp/probe.log" 2>&1); then
    echo "race.sh: go build -race is unavailable (it needs cgo and a C compiler): skipped"
    cat "$tmp/probe.log"
    exit 77
fi

export SHOP_BUSY=1
repo=$tmp/shop
make_shop_repo "$repo"
cd "$repo" || exit 1

# check LABEL RACE(yes|no) INIT-OPTIONS...
check() {
    local label=$1 want_race=$2
    shift 2
    local out
    out=$("$GOAT" init --force --app-name shop --app-version race "$@" 2>&1) || fail "$label: goat init: $out"
    out=$("$GOAT" track 2>&1) || fail "$label: goat track: $out"
    # Added after tracking, so goat never sees it: with SHOP_BUSY set, calc.Add
    # (a tracking point) runs in a loop for as long as the program does.
    put cmd/server/busy.go <<'EOF'
package main

import (
	"os"

	"example.com/shop/internal/calc"
)

func init() {
	if os.Getenv("SHOP_BUSY") != "" {
		go func() {
			for i := 0; ; i++ {
				calc.Add(i, 1)
			}
		}()
	}
}
EOF
    out=$("$GO" build -race -o "$tmp/server" ./cmd/server 2>&1) || fail "$label: go build -race: $out"
    rm cmd/server/busy.go
    out=$("$GOAT" clean 2>&1) || fail "$label: goat clean: $out"

    local port
    port=$("$client" freeport)
    start_app "$port" "$tmp/server"
    local readers=() n
    for n in 1 2 3 4; do
        (for _ in 1 2 3 4 5; do
            "$client" status "http://127.0.0.1:$port/track" >/dev/null || exit 1
            "$client" status "http://127.0.0.1:$port/metrics" >/dev/null || exit 1
        done) &
        readers+=($!)
    done
    for n in "${readers[@]}"; do wait "$n" || fail "$label: a concurrent reader failed"; done
    if command -v promtool >/dev/null 2>&1; then
        "$client" status "http://127.0.0.1:$port/metrics" | sed '1s/^200 //' >"$tmp/exposition"
        out=$(promtool check metrics <"$tmp/exposition" 2>&1)
        expect_eq "$label: promtool check metrics" \
            'goat_track_total non-counter metrics should not have "_total" suffix' "$out"
    fi
    stop_apps
    if grep -q "WARNING: DATA RACE" "$tmp/app.out"; then
        [ "$want_race" = yes ] || { fail "$label: the race detector reports a data race"; cat "$tmp/app.out"; }
    else
        [ "$want_race" = no ] || fail "$label: no data race reported, the test cannot see races"
    fi
}

check "default settings" no
check "dataType count, race true" no --data-type count --race
check "dataType count, race false" yes --data-type count --race=false

finish
