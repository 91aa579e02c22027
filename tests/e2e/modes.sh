#!/bin/bash
# SPDX-License-Identifier: MIT
# Proves the count and race modes end to end: with dataType count a tracking
# point reports how many times it ran (calc.Add runs three times); with
# race: true the module passes go vet, builds with the race detector (when
# the toolchain supports -race here) and reports the same numbers; goat
# clean restores the tree in both cases. Also: mainEntries selecting one
# program gives the main entry to that program only, and an ignored main
# package is no component; an entry naming no main package is warned about.
. "${top_srcdir:?}/tests/e2e/lib.sh"

repo=$tmp/shop
make_shop_repo "$repo"
cd "$repo" || exit 1

# ---- count
"$GOAT" init --app-name shop --app-version c1 --granularity func --data-type count >/dev/null || fail "init count"
grep -q '^dataType: count$' goat.yaml || fail "goat.yaml lacks dataType: count"
"$GOAT" track >/dev/null || fail "goat track (count)"
go_checks "$repo"
"$GO" build -o "$tmp/server" ./cmd/server || fail "build server (count)"
port=$("$client" freeport)
start_app "$port" "$tmp/server"
got=$("$client" track "http://127.0.0.1:$port/track?order=2")
expect_eq "/track in count mode" "app shop c1
component 0 cmd/client total=3 covered=1 rate=33 ids=1:0,4:3,5:0
component 1 cmd/server total=4 covered=2 rate=50 ids=2:1,3:0,4:3,5:0" "$got"
stop_apps
"$GOAT" clean >/dev/null || fail "goat clean (count)"
rm goat.yaml
expect_eq "git status after clean (count)" "" "$(git status --porcelain)"

# ---- race, only cmd/server selected as main entry
"$GOAT" init --app-name shop --app-version r1 --granularity func --race --main-entries cmd/server \
    >/dev/null || fail "init race"
grep -q '^race: true$' goat.yaml || fail "goat.yaml lacks race: true"
"$GOAT" track >/dev/null || fail "goat track (race)"
grep -q 'ServeHTTP' cmd/client/main.go && fail "cmd/client got a main entry it was not selected for"
grep -q 'goat.ServeHTTP(goat.COMPONENT_1)' cmd/server/main.go || fail "cmd/server lacks its main entry"
grep -q 'sync/atomic' goat/goat_generated.go || fail "race mode does not use sync/atomic"
go_checks "$repo"
if "$GO" build -race -o "$tmp/server-race" ./cmd/server >"$tmp/race.out" 2>&1; then
    bin=$tmp/server-race
else
    echo "note: -race not available here ($(head -1 "$tmp/race.out")); testing a normal build"
    "$GO" build -o "$tmp/server-race" ./cmd/server || fail "build server (race)"
    bin=$tmp/server-race
fi
port=$("$client" freeport)
start_app "$port" "$bin" sub
got=$("$client" track "http://127.0.0.1:$port/track?order=2")
expect_eq "/track in race mode" "app shop r1
component 0 cmd/client total=3 covered=2 rate=66 ids=1:0,4:1,5:1
component 1 cmd/server total=4 covered=4 rate=100 ids=2:1,3:1,4:1,5:1" "$got"
stop_apps
grep -q 'WARNING: DATA RACE' "$tmp/app.out" && fail "the race detector reported a race"
"$GOAT" clean >/dev/null || fail "goat clean (race)"
rm goat.yaml
expect_eq "git status after clean (race)" "" "$(git status --porcelain)"

# ---- a mainEntries entry naming no main package is named in a warning,
# with the main packages the module has; the others are still selected
"$GOAT" init --app-name shop --app-version m1 --granularity func --main-entries cmd/nosuch,cmd/server \
    >/dev/null || fail "init with an unknown main entry"
err=$("$GOAT" track --dry-run 2>&1 >"$tmp/unknown-entry.diff") || fail "track with an unknown main entry: $err"
expect_contains "unknown main entry: warning" "$err" 'goat: warning: goat.yaml: mainEntries: "cmd/nosuch" is not the directory of a main package of this module (main packages: cmd/client, cmd/server): correct or remove it'
case $err in *'"cmd/server" is not'*) fail "warned about cmd/server, a main package" ;; esac
grep -q '^+.*goat.ServeHTTP(goat.COMPONENT_1)' "$tmp/unknown-entry.diff" || fail "cmd/server lost its main entry"
rm goat.yaml

# ---- an ignored main package is no component and gets nothing
"$GOAT" init --app-name shop --granularity func --ignores cmd/client >/dev/null || fail "init ignores"
out=$("$GOAT" track 2>&1) || fail "goat track (ignores): $out"
expect_contains "ignores summary" "$out" "5 tracking points in 3 files, 1 main entry"
expect_eq "ignored main untouched" "$(git show HEAD:cmd/client/main.go)" "$(cat cmd/client/main.go)"
grep -q 'goat.ServeHTTP(goat.COMPONENT_0)' cmd/server/main.go || fail "cmd/server is not COMPONENT_0"
grep -q '"cmd/client"' goat/goat_generated.go && fail "ignored main package is a component"
go_checks "$repo"
"$GOAT" clean >/dev/null || fail "goat clean (ignores)"
rm goat.yaml
expect_eq "git status after clean (ignores)" "" "$(git status --porcelain)"

finish
