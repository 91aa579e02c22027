#!/bin/bash
# SPDX-License-Identifier: MIT
# granularity edited while the project is tracked: goat track records the
# granularity it placed the points at in the generated file's header; goat
# patch keeps the points where they are (it cannot place them anew without
# the whole change), keeps that record, and warns, naming goat.yaml, both
# granularities and what to do, for as long as goat.yaml names another one;
# goat clean and goat track then place them at the new granularity. A
# header an earlier goat wrote, without the record, gets no warning.
. "${top_srcdir:?}/tests/e2e/lib.sh"

repo=$tmp/shop
make_shop_repo "$repo"
cd "$repo" || exit 1
"$GOAT" init --app-name shop --app-version g1 --granularity line >/dev/null || fail "goat init"
"$GOAT" track >/dev/null || fail "goat track"
settings() { grep '^// Settings: ' goat/goat_generated.go; }
expect_eq "header after track at line" "// Settings: dataType bool, race false, granularity line." "$(settings)"
line_points=$(grep -c 'goat.Track(' -r --include='*.go' . | awk -F: '{ s += $2 } END { print s }')

set_yaml granularity func
before=$(snapshot "$repo" | grep -v '^goat\.yaml\|granularity: ')
for mode in --dry-run ""; do
    out=$("$GOAT" patch $mode 2>&1 >/dev/null) || fail "goat patch $mode: $out"
    expect_contains "patch $mode warns" "$out" "goat patch: warning: goat.yaml: granularity is func, but the tracking points were placed at line granularity; patch keeps them where they are: run goat clean, then goat track, to place them at func granularity"
done
expect_eq "patch kept every point and file" "$before" "$(snapshot "$repo" | grep -v '^goat\.yaml\|granularity: ')"
expect_eq "header after patch" "// Settings: dataType bool, race false, granularity line." "$(settings)"

set_yaml granularity line
out=$("$GOAT" patch 2>&1 >/dev/null) || fail "goat patch at line: $out"
case $out in *granularity*) fail "patch warned with goat.yaml at the granularity of the points: $out" ;; esac

# A header without the record (as goat wrote before it kept one): no
# warning, and patch does not make one up.
sed -i 's/^\(\/\/ Settings: .*\), granularity line\.$/\1./' goat/goat_generated.go
expect_eq "test setup: record removed" "// Settings: dataType bool, race false." "$(settings)"
set_yaml granularity func
out=$("$GOAT" patch 2>&1 >/dev/null) || fail "goat patch without record: $out"
case $out in *granularity*) fail "patch warned without a record: $out" ;; esac
expect_eq "header without record after patch" "// Settings: dataType bool, race false." "$(settings)"

"$GOAT" clean >/dev/null || fail "goat clean"
"$GOAT" track >/dev/null || fail "goat track at func"
expect_eq "header after track at func" "// Settings: dataType bool, race false, granularity func." "$(settings)"
func_points=$(grep -c 'goat.Track(' -r --include='*.go' . | awk -F: '{ s += $2 } END { print s }')
[ "$func_points" -lt "$line_points" ] || fail "func granularity placed $func_points points, line $line_points"
out=$("$GOAT" patch 2>&1 >/dev/null) || fail "goat patch at func: $out"
case $out in *granularity*) fail "patch warned after track at func: $out" ;; esac
go_checks "$repo"
"$GOAT" clean >/dev/null || fail "goat clean"
rm goat.yaml
expect_eq "git status after clean" "" "$(git status --porcelain)"
finish
