#!/bin/bash
# SPDX-License-Identifier: MIT
# Proves goat patch end to end: after goat track, a tracking block turned
# into a `// +goat:delete` block disappears, a `// +goat:insert` line becomes
# a tracking point, every ID is renumbered from 1 in path order, the
# generated package and components follow (checked live over /track), the
# module still passes gofmt, go vet and go build; a second goat patch
# changes nothing; goat clean then leaves git status clean; a patch that
# removes every point removes the generated package and the main entries,
# restoring the files.
. "${top_srcdir:?}/tests/e2e/lib.sh"

repo=$tmp/shop
make_shop_repo "$repo"
cd "$repo" || exit 1
"$GOAT" init --app-name shop --app-version p1 --granularity func >/dev/null || fail "goat init"
"$GOAT" track >/dev/null || fail "goat track"

# Delete cmd/client's tracking point (TRACK_ID_1); ask for one at the top of calc.Mul.
sed -i '0,/\/\/ +goat:generate/s//\/\/ +goat:delete/' cmd/client/main.go
grep -q '+goat:delete' cmd/client/main.go || fail "test setup: no delete marker"
sed -i 's|^\treturn a \* b$|\t// +goat:insert\n\treturn a * b|' internal/calc/calc.go
grep -q '+goat:insert' internal/calc/calc.go || fail "test setup: no insert marker"

out=$("$GOAT" patch -v 2>"$tmp/patch.err") || fail "goat patch: $(cat "$tmp/patch.err")"
expect_contains "patch summary" "$out" "6 tracking points in 3 files"
ids() { grep -o 'TRACK_ID_[0-9]*' "$1" | tr '\n' ' '; }
expect_eq "IDs in cmd/client/main.go" "" "$(ids cmd/client/main.go)"
expect_eq "IDs in cmd/server/main.go" "TRACK_ID_1 TRACK_ID_2 " "$(ids cmd/server/main.go)"
expect_eq "IDs in internal/calc/calc.go" "TRACK_ID_3 TRACK_ID_4 TRACK_ID_5 " "$(ids internal/calc/calc.go)"
expect_eq "IDs in util/strs/strs.go" "TRACK_ID_6 " "$(ids util/strs/strs.go)"
grep -q '+goat:insert\|+goat:delete' cmd/client/main.go internal/calc/calc.go && fail "markers left behind"
grep -q 'TRACK_ID_6' goat/goat_generated.go || fail "generated package lacks TRACK_ID_6"
grep -q 'TRACK_ID_7' goat/goat_generated.go && fail "generated package still has TRACK_ID_7"
go_checks "$repo"

"$GO" build -o "$tmp/server" ./cmd/server || fail "build server"
port=$("$client" freeport)
start_app "$port" "$tmp/server"
got=$("$client" track "http://127.0.0.1:$port/track?order=2")
expect_eq "/track after patch" "app shop p1
component 0 cmd/client total=3 covered=1 rate=33 ids=3:1,4:0,5:0
component 1 cmd/server total=5 covered=2 rate=40 ids=1:1,2:0,3:1,4:0,5:0" "$got"
stop_apps

# Patching again is a no-op.
before=$(snapshot "$repo")
"$GOAT" patch >/dev/null || fail "second goat patch"
expect_eq "second patch changed nothing" "$before" "$(snapshot "$repo")"

# mainEntries now selects cmd/server only: cmd/client's main entry goes.
sed -i 's|^  - "\*"$|  - "cmd/server"|' goat.yaml
grep -q '^  - "cmd/server"$' goat.yaml || fail "test setup: mainEntries not changed"
"$GOAT" patch >/dev/null || fail "goat patch after changing mainEntries"
grep -q 'ServeHTTP' cmd/client/main.go && fail "cmd/client kept a main entry mainEntries no longer selects"
grep -q 'goat.ServeHTTP(goat.COMPONENT_1)' cmd/server/main.go || fail "cmd/server lost its main entry"
go_checks "$repo"

"$GOAT" clean >/dev/null || fail "goat clean"
rm goat.yaml
expect_eq "git status after patch + clean" "" "$(git status --porcelain)"

# Deleting every point: the generated package goes away.
"$GOAT" init --app-name shop --app-version p2 --granularity func >/dev/null || fail "goat init 2"
"$GOAT" track >/dev/null || fail "goat track 2"
for f in cmd/client/main.go cmd/server/main.go internal/calc/calc.go util/strs/strs.go; do
    sed -i 's|// +goat:generate|// +goat:delete|' "$f"
done
out=$("$GOAT" patch 2>&1) || fail "goat patch (delete all): $out"
expect_contains "patch summary (delete all)" "$out" "0 tracking points in 0 files, 0 main entries"
[ -e goat ] && fail "generated package left with no tracking point"
grep -rq 'TRACK_ID\|+goat:\|example.com/shop/goat' --include=*.go . && fail "goat code left after deleting every point"
go_checks "$repo"
expect_eq "delete-all patch restores the files" "?? goat.yaml" "$(git status --porcelain)"
rm goat.yaml

finish
