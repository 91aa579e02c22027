#!/bin/bash
# SPDX-License-Identifier: MIT
# goat report --prometheus end to end: the shop (tests/e2e/report_lib.sh)
# tracked in bool mode, three instances of its server driven differently,
# and a real Prometheus (Debian's, on a free loopback port, temporary
# storage, 1 s scrape interval) scraping them. Its union equals the union
# over the instances' URLs (for the server's component, the only one whose
# per-point series the servers serve), with app and version from goat.yaml
# or the flags (and the report names them). After the instance that ran subtract restarts without it
# (losing its counters: the URLs' union now lacks subtract), Prometheus
# still gives the first union over the default week, and the union of the
# last few seconds (--since) no longer has subtract. A version without
# series and an unreachable Prometheus are errors naming them.
. "${top_srcdir:?}/tests/e2e/lib.sh"
if ! command -v prometheus >/dev/null 2>&1; then
    echo "report_prometheus.sh: prometheus is not installed: skipped"
    exit 77
fi
. "$top_srcdir/tests/e2e/report_lib.sh"

make_report_shop "$tmp/shop" bool
start_instances

pp=$("$client" freeport)
prom=http://127.0.0.1:$pp
cat >"$tmp/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: shop
    static_configs:
      - targets: ['127.0.0.1:$pa', '127.0.0.1:$pb', '127.0.0.1:$pc']
YAML
prometheus --config.file="$tmp/prometheus.yml" --storage.tsdb.path="$tmp/prometheus-data" \
    --web.listen-address="127.0.0.1:$pp" >"$tmp/prometheus.log" 2>&1 &
pids+=($!)

# wait_for WHAT COMMAND...: runs COMMAND every second until it succeeds,
# for at most three minutes.
wait_for() {
    local what=$1 i
    shift
    for i in $(seq 180); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 1
    done
    fail "$what: not within three minutes"
    return 1
}
scraped_all() {
    [ "$("$helper" query "$prom" 'count(goat_build_info{app="shop",version="e2e"})' | awk '{print $NF}')" = 3 ]
}
wait_for "Prometheus scraping the three instances" scraped_all || {
    tail -20 "$tmp/prometheus.log"
    finish
}

# In bool mode a point's count is the number of instances where it ran:
# main, wait and Add in all three, subtract and Sub in a, double in b.
union="2:3 3:1 4:1 5:3 6:3 7:1 "
"$GOAT" report --component cmd/server --format json "$a" "$b" "$c" >"$tmp/urls.json" 2>"$tmp/err" ||
    fail "report over the URLs: $(cat "$tmp/err")"
expect_eq "union over the URLs" "$union" "$(points_of "$tmp/urls.json")"
"$GOAT" report --prometheus "$prom" --format json >"$tmp/prom.json" 2>"$tmp/err" ||
    fail "report over Prometheus: $(cat "$tmp/err")"
expect_eq "union over Prometheus" "$union" "$(points_of "$tmp/prom.json")"
expect_eq "Prometheus totals" "total=6 covered=6" "$(totals_of "$tmp/prom.json")"
# The app and version are those of the series asked for (goat.yaml here).
expect_contains "app and version from Prometheus, in JSON" "$(cat "$tmp/prom.json")" '"app":"shop","version":"e2e",'
# The servers serve the points of cmd/server only: the client's main and
# util/strs's Shout are in the table but in no series, said apart.
expect_contains "points in no series" "$(cat "$tmp/prom.json")" '"unreported":[1,8]}'
expect_contains "Prometheus as the source" "$(cat "$tmp/prom.json")" \
    "\"sources\":[{\"source\":\"$prom\",\"points\":6,\"covered\":6}]"
# Prometheus has no lines label; a URL adds them.
grep -q '"lines":null' "$tmp/prom.json" || fail "lines from Prometheus alone: $(cat "$tmp/prom.json")"
"$GOAT" report --prometheus "$prom" --format json --component cmd/server "$c" >"$tmp/both.json" 2>"$tmp/err" ||
    fail "report over Prometheus and a URL: $(cat "$tmp/err")"
grep -q '"lines":null' "$tmp/both.json" && fail "a URL did not add the lines: $(cat "$tmp/both.json")"
# The flags instead of goat.yaml, from outside the module.
(cd "$tmp" && "$GOAT" report --prometheus "$prom" --app shop --version e2e --format json) >"$tmp/flags.json" \
    2>"$tmp/err" || fail "--app and --version: $(cat "$tmp/err")"
expect_eq "union with --app and --version" "$union" "$(points_of "$tmp/flags.json")"
expect_contains "app and version from the flags, in JSON" "$(cat "$tmp/flags.json")" '"app":"shop","version":"e2e",'
"$GOAT" report --prometheus "$prom" --app shop --version v0 >/dev/null 2>"$tmp/err"
expect_eq "a version without series: exit status" 1 $?
expect_contains "a version without series: message" "$(cat "$tmp/err")" \
    "$prom: no goat_build_info series for app=\"shop\", version=\"v0\" over the last 1w"
free=$("$client" freeport)
"$GOAT" report --prometheus "http://127.0.0.1:$free" >/dev/null 2>"$tmp/err"
expect_eq "unreachable Prometheus: exit status" 1 $?
expect_contains "unreachable Prometheus: message" "$(cat "$tmp/err")" "http://127.0.0.1:$free: cannot connect"

# Instance a restarts without "sub": its counters start again from zero.
kill "$pid_a"
wait "$pid_a" 2>/dev/null
start_app "$pa" "$tmp/server"
"$GOAT" report --component cmd/server --format json "$a" "$b" "$c" >"$tmp/urls2.json" 2>"$tmp/err" ||
    fail "report over the URLs after the restart: $(cat "$tmp/err")"
expect_eq "union over the URLs after the restart" "2:3 3:0 4:1 5:3 6:3 7:0 " "$(points_of "$tmp/urls2.json")"
recent_without_subtract() {
    "$GOAT" report --prometheus "$prom" --since 3s --format json >"$tmp/recent.json" &&
        [ "$(points_of "$tmp/recent.json")" = "2:3 3:0 4:1 5:3 6:3 7:0 " ]
}
wait_for "Prometheus seeing the restarted instance" recent_without_subtract
"$GOAT" report --prometheus "$prom" --format json >"$tmp/prom2.json" 2>"$tmp/err" ||
    fail "report over Prometheus after the restart: $(cat "$tmp/err")"
expect_eq "union over Prometheus after the restart" "$union" "$(points_of "$tmp/prom2.json")"
"$GOAT" report --prometheus "$prom" --fail-under 100 >"$tmp/text" 2>"$tmp/err" ||
    fail "--fail-under 100 over Prometheus after the restart: $(cat "$tmp/err")"
expect_contains "text over Prometheus" "$(cat "$tmp/text")" "6 tracking points, 6 ran (100.0%)"
expect_contains "app and version over Prometheus, in text" "$(cat "$tmp/text")" "app shop, version e2e, commit"

stop_apps
finish
