#!/bin/bash
# SPDX-License-Identifier: MIT
# goat report end to end: the shop (tests/e2e/report_lib.sh) tracked in
# count mode; three instances of its server driven differently (with "sub",
# with "double", with nothing). The report over their URLs is their exact
# union (a point ran if it ran anywhere; counts add), in JSON and as text
# with the code of the point that did not run, and the point no program
# imports said apart; a saved answer mixes with
# URLs; outputs over a source, over each other or '-' are refused and write
# nothing; --fail-under passes at and fails (status 3) above the union's
# percentage; an unreachable source, a server that never answers (with a
# progress line while goat waits) or never stops answering, answers larger
# than 32 MiB, a redirection, an HTTP error and an answer that is not goat's
# are errors naming the URL, and warnings with --ignore-unreachable;
# the report is the same after goat clean and from a checkout of another
# branch; go tool cover -func and -html accept the cover profile (written
# with the mode the umask leaves); headless
# Chromium renders the HTML page with green and red lines; a build with
# another point table is refused.
. "${top_srcdir:?}/tests/e2e/lib.sh"
. "$top_srcdir/tests/e2e/report_lib.sh"

make_report_shop "$tmp/shop" count
start_instances

# The union: main, wait and (three times) Add run in each server; subtract
# and Sub only in a, double only in b; the client's main nowhere.
union="1:0 2:3 3:1 4:1 5:3 6:9 7:1 "
"$GOAT" report --format json "$a" "$b/" "$c/track" >"$tmp/union.json" 2>"$tmp/err" ||
    fail "goat report over three URLs: $(cat "$tmp/err")"
expect_eq "union over three URLs" "$union" "$(points_of "$tmp/union.json")"
expect_eq "union totals" "total=7 covered=6" "$(totals_of "$tmp/union.json")"
expect_contains "sources in JSON" "$(cat "$tmp/union.json")" \
    "\"sources\":[{\"source\":\"$a/track\",\"points\":7,\"covered\":5},{\"source\":\"$b/track\",\"points\":7,\"covered\":4},{\"source\":\"$c/track\",\"points\":7,\"covered\":3}]"
sub_line=$(git show HEAD:cmd/server/main.go | grep -n 'return calc.Sub(total, 1)' | cut -d: -f1)
grep -q "{\"id\":3,\"file\":\"cmd/server/main.go\",\"line\":$sub_line,\"func\":\"subtract\",[^{}]*\"count\":1,\"ran\":true,\"components\":\[\"cmd/server\"\],\"sources\":\[\"$a/track\"\]}" \
    "$tmp/union.json" || fail "TRACK_ID_3 in JSON: $(cat "$tmp/union.json")"
expect_eq "no warning" "" "$(cat "$tmp/err")"
# TRACK_ID_8 (util/strs, which no program imports) is in the table but in no
# component: said, not counted.
expect_contains "the point in no component, in JSON" "$(cat "$tmp/union.json")" '"unreported":[8]}'

# The text report, and the code of the point that did not run, read from
# the commit.
"$GOAT" report "$a" "$b" "$c" >"$tmp/text" 2>"$tmp/err" || fail "text report: $(cat "$tmp/err")"
text=$(cat "$tmp/text")
expect_contains "text totals" "$text" "7 tracking points, 6 ran (85.7%)"
expect_contains "text build" "$text" "app shop, version e2e, commit $(git rev-parse --short=12 HEAD)"
expect_contains "text by component" "$text" "  cmd/client      2/3   66.6%"
expect_contains "text by file" "$text" "  internal/calc/calc.go      2/2  100.0%"
line=$(git show HEAD:cmd/client/main.go | grep -n 'fmt.Println("client"' | cut -d: -f1)
expect_contains "text: the point that did not run, with its code" "$text" \
    "did not run: 1 point
  cmd/client/main.go:$line: main (TRACK_ID_1)
  $(printf '%6d' "$line")  	fmt.Println(\"client\", calc.Mul(2, 3), calc.Sub(5, 1))"
expect_contains "text: the point in no component" "$text" \
    "in no component the sources report: 1 point, not counted above
  TRACK_ID_8
  (in a package no main package imports"

# A saved answer and URLs.
"$helper" save "$a/track" "$tmp/a.json" || fail "saving $a/track"
"$GOAT" report --format json "$tmp/a.json" "$b" "$c" >"$tmp/mixed.json" 2>"$tmp/err" ||
    fail "saved answer and URLs: $(cat "$tmp/err")"
expect_eq "union of a saved answer and two URLs" "$union" "$(points_of "$tmp/mixed.json")"

# An output that would write over a source or over the other output, or
# '-': usage errors that write nothing, although the code is at hand here.
cp "$tmp/a.json" "$tmp/a.saved"
"$GOAT" report --html "$tmp/a.json" "$tmp/a.json" "$b" >"$tmp/out" 2>"$tmp/err"
expect_eq "--html over a source: exit status" 2 $?
expect_contains "--html over a source: message" "$(cat "$tmp/err")" \
    "--html $tmp/a.json is the source $tmp/a.json: it would be written over; name another file"
cmp -s "$tmp/a.json" "$tmp/a.saved" || fail "--html wrote over the saved answer it read"
expect_eq "--html over a source: no report" "" "$(cat "$tmp/out")"
"$GOAT" report --coverprofile "$tmp/same" --html "$tmp/./same" "$a" >/dev/null 2>"$tmp/err"
expect_eq "--coverprofile and --html the same file: exit status" 2 $?
expect_contains "--coverprofile and --html the same file: message" "$(cat "$tmp/err")" \
    "--coverprofile $tmp/same and --html $tmp/./same are the same file: one would replace the other"
[ -e "$tmp/same" ] && fail "--coverprofile and --html the same file: written"
for option in --html --coverprofile; do
    "$GOAT" report "$option" - "$a" >/dev/null 2>"$tmp/err"
    expect_eq "$option -: exit status" 2 $?
    expect_contains "$option -: message" "$(cat "$tmp/err")" "$option takes a file, not '-'"
    [ -e ./- ] && fail "$option - wrote a file named -" && rm -f ./-
done
expect_eq "no temporary file left" "" "$( (ls -a "$tmp" && ls -a) | grep -F .tmp)"

# The gate: 6 of 7 ran, 85.7%.
"$GOAT" report --fail-under 85.7 "$a" "$b" "$c" >/dev/null 2>&1 || fail "--fail-under 85.7 failed"
"$GOAT" report --fail-under 85.8 "$a" "$b" "$c" >/dev/null 2>"$tmp/err"
expect_eq "--fail-under 85.8: exit status" 3 $?
expect_contains "--fail-under 85.8: message" "$(cat "$tmp/err")" \
    "6 of 7 tracking points ran (85.7%), below --fail-under 85.8"
"$GOAT" report --fail-under 80 "$a" >/dev/null 2>&1
expect_eq "--fail-under 80 over one instance (5 of 7): exit status" 3 $?

# Sources that cannot be read.
free=$("$client" freeport)
"$GOAT" report "$a" "http://127.0.0.1:$free" >/dev/null 2>"$tmp/err"
expect_eq "unreachable: exit status" 1 $?
expect_contains "unreachable: message" "$(cat "$tmp/err")" "http://127.0.0.1:$free/track: cannot connect"
"$GOAT" report --ignore-unreachable --format json "$a" "http://127.0.0.1:$free" >"$tmp/one.json" 2>"$tmp/err" ||
    fail "--ignore-unreachable: $(cat "$tmp/err")"
expect_contains "--ignore-unreachable: warning" "$(cat "$tmp/err")" \
    "warning: ignored (--ignore-unreachable): http://127.0.0.1:$free/track: cannot connect"
expect_eq "--ignore-unreachable: the union of the others" "1:0 2:1 3:1 4:0 5:1 6:3 7:1 " "$(points_of "$tmp/one.json")"
"$GOAT" report "$a/track?order=9" >/dev/null 2>"$tmp/err"
expect_eq "HTTP error: exit status" 1 $?
expect_contains "HTTP error: message" "$(cat "$tmp/err")" "$a/track?order=9: HTTP status 400"
"$GOAT" report "$a/metrics" >/dev/null 2>"$tmp/err"
expect_eq "not a /track answer: exit status" 1 $?
expect_contains "not a /track answer: message" "$(cat "$tmp/err")" "$a/metrics:1:1: not valid JSON"
"$helper" hang "$tmp/hang.port" &
pids+=($!)
for _ in $(seq 100); do [ -s "$tmp/hang.port" ] && break; sleep 0.1; done
hang=http://127.0.0.1:$(cat "$tmp/hang.port")
"$GOAT" report --timeout 4 "$a" "$hang" >/dev/null 2>"$tmp/err"
expect_eq "no answer: exit status" 1 $?
expect_contains "no answer: progress" "$(cat "$tmp/err")" "still waiting for $hang/track"
expect_contains "no answer: message" "$(cat "$tmp/err")" "$hang/track: no answer within 4 s"
# Answers too large (announced or not), one that never ends, a redirection.
"$helper" hostile "$tmp/hostile.port" &
pids+=($!)
for _ in $(seq 100); do [ -s "$tmp/hostile.port" ] && break; sleep 0.1; done
hostile=http://127.0.0.1:$(cat "$tmp/hostile.port")
for path in big announced; do
    "$GOAT" report "$hostile/$path" >/dev/null 2>"$tmp/err"
    expect_eq "/$path: exit status" 1 $?
    expect_contains "/$path: message" "$(cat "$tmp/err")" "$hostile/$path: the answer is larger than 32 MiB"
done
"$GOAT" report --timeout 3 "$hostile/trickle" >/dev/null 2>"$tmp/err"
expect_eq "an answer that never ends: exit status" 1 $?
expect_contains "an answer that never ends: message" "$(cat "$tmp/err")" "$hostile/trickle: no answer within 3 s"
"$GOAT" report "$hostile/redirect" >/dev/null 2>"$tmp/err"
expect_eq "a redirection: exit status" 1 $?
expect_contains "a redirection: message" "$(cat "$tmp/err")" \
    "$hostile/redirect: HTTP status 302, a redirection to $hostile/big: goat follows none"

# Before and after goat clean, and from a checkout of another branch: the
# code comes from the commit the servers were built from.
"$GOAT" clean >/dev/null 2>&1 || fail "goat clean"
"$GOAT" report "$a" "$b" "$c" >"$tmp/text.clean" 2>"$tmp/err" || fail "report after clean: $(cat "$tmp/err")"
expect_eq "text report after goat clean" "$text" "$(cat "$tmp/text.clean")"
git clone -q "$tmp/shop" "$tmp/other" && (cd "$tmp/other" && git checkout -q main) || fail "clone"
(cd "$tmp/other" && "$GOAT" report "$a" "$b" "$c") >"$tmp/text.other" 2>"$tmp/err" ||
    fail "report from a checkout of main: $(cat "$tmp/err")"
expect_eq "text report from a checkout of main" "$text" "$(cat "$tmp/text.other")"

# The cover profile, read by Go's own tools on the clean tree.
(umask 027 && "$GOAT" report --coverprofile "$tmp/c.out" "$a" "$b" "$c") >/dev/null 2>"$tmp/err" ||
    fail "--coverprofile: $(cat "$tmp/err")"
expect_eq "the profile's mode is the umask's" 640 "$(stat -c %a "$tmp/c.out")"
head -1 "$tmp/c.out" | grep -qx 'mode: count' || fail "profile mode: $(head -1 "$tmp/c.out")"
grep -q "^example.com/shop/internal/calc/calc.go:[0-9]*\.2,[0-9]*\.[0-9]* [0-9]* 9$" "$tmp/c.out" ||
    fail "no block with Add's count 9: $(cat "$tmp/c.out")"
func=$("$GO" tool cover -func="$tmp/c.out" 2>&1) || fail "go tool cover -func: $func"
expect_contains "cover -func: client main" "$func" "example.com/shop/cmd/client/main.go:9:"
printf '%s\n' "$func" | grep -q 'cmd/client/main.go:9:[[:space:]]*main[[:space:]]*0.0%' ||
    fail "cover -func: client main not 0.0%: $func"
printf '%s\n' "$func" | grep -q 'cmd/server/main.go:[0-9]*:[[:space:]]*subtract[[:space:]]*100.0%' ||
    fail "cover -func: subtract not 100.0%: $func"
printf '%s\n' "$func" | grep -q '^total:' || fail "cover -func: no total: $func"
out=$("$GO" tool cover -html="$tmp/c.out" -o "$tmp/cover.html" 2>&1) || fail "go tool cover -html: $out"
grep -q 'class="cov0"' "$tmp/cover.html" || fail "cover -html marks nothing as not covered"
grep -q 'class="cov[1-9][0-9]*"' "$tmp/cover.html" || fail "cover -html marks nothing as covered"

# The HTML page: self-contained, and rendered by a real browser with green
# (ran) and red (did not run) lines.
"$GOAT" report --html "$tmp/page.html" "$a" "$b" "$c" >/dev/null 2>"$tmp/err" || fail "--html: $(cat "$tmp/err")"
grep -Eq '<script|<link|src=|url\(|@import' "$tmp/page.html" && fail "the page refers to something outside it"
grep -q 'TRACK_ID_1 in main: did not run' "$tmp/page.html" || fail "the page does not mark TRACK_ID_1"
chromium=$(command -v chromium || command -v chromium-browser)
if [ -z "$chromium" ]; then
    echo "chromium is not installed: the rendering of the page is not checked"
else
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$tmp/chromium" --window-size=1200,2400 \
        --screenshot="$tmp/page.png" "file://$tmp/page.html" >"$tmp/chromium.log" 2>&1
    [ -s "$tmp/page.png" ] || fail "chromium wrote no screenshot: $(tail -5 "$tmp/chromium.log")"
    # The backgrounds of lines that ran (#a8f0a0) and did not (#f5a3a3).
    pixels=$("$helper" pixels "$tmp/page.png" 168,240,160 245,163,163 | tr '\n' ' ')
    read -r width height green red <<<"$pixels"
    expect_eq "screenshot size" "1200 2400" "$width $height"
    [ "${green:-0}" -gt 5000 ] || fail "few green pixels in the rendered page: $pixels"
    [ "${red:-0}" -gt 5000 ] || fail "few red pixels in the rendered page: $pixels"
fi

# Another build (another granularity: another point table) is refused.
"$GOAT" init --force --app-name shop --app-version e2e --granularity line --data-type count >/dev/null ||
    fail "goat init --force"
"$GOAT" track >/dev/null 2>&1 || fail "goat track with granularity line"
"$GO" build -o "$tmp/server2" ./cmd/server || fail "go build with granularity line"
pd=$("$client" freeport)
start_app "$pd" "$tmp/server2"
"$GOAT" report "$a" "http://127.0.0.1:$pd" >/dev/null 2>"$tmp/err"
expect_eq "two builds: exit status" 1 $?
expect_contains "two builds: message" "$(cat "$tmp/err")" \
    "$a/track and http://127.0.0.1:$pd/track are different builds: point table digest"
"$GOAT" clean >/dev/null 2>&1 || fail "goat clean"

stop_apps
finish
