#!/bin/bash
# SPDX-License-Identifier: MIT
# Proves goat track and goat patch refuse a point table larger than goat
# report reads (src/gen/limits.h), before any file changes: exit status 1, a
# message naming goat.yaml, the number of points, the limit and what to do,
# and the tree as it was (git status --porcelain, and every file and
# directory with its mode and SHA-256). Millions of points would take
# minutes, so the limit is made small by the test build of goat
# (tests/fault/goat-fail-write, as GOAT_TEST_MAX_POINTS says); a table of
# exactly the limit is written. The installed goat has no such hook; the
# unit tests (tests/unit/test_gen) check the real limit, 4194304.
. "${top_srcdir:?}/tests/e2e/lib.sh"

faulty=${GOAT_FAULTY:-$top_builddir/tests/fault/goat-fail-write}

# The tree as git sees it, and every path but .git's with its type, mode
# and (for a file) checksum.
tree_state() {
    git status --porcelain --untracked-files=all
    find . -path ./.git -prune -o -printf '%y %m %p\n' | LC_ALL=C sort
    find . -path ./.git -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
}

# refused WHAT LIMIT NEEDLE ARGS...: the test build of goat, with the limit
# LIMIT, exits 1 naming NEEDLE, prints no diff and changes nothing.
refused() {
    local what=$1 limit=$2 needle=$3 before out rc
    shift 3
    before=$(tree_state)
    out=$(GOAT_TEST_MAX_POINTS=$limit "$faulty" "$@" 2>"$tmp/err")
    rc=$?
    expect_eq "$what: exit status" 1 "$rc"
    expect_eq "$what: nothing on standard output" "" "$out"
    expect_contains "$what: message" "$(cat "$tmp/err")" "$needle"
    expect_eq "$what: the tree is as it was" "$before" "$(tree_state)"
}

repo=$tmp/shop
make_shop_repo "$repo"
cd "$repo" || exit 1
"$GOAT" init --app-name shop --granularity func >/dev/null || fail "goat init"
git add goat.yaml && git commit -q -m config
# The shop makes 6 points at granularity func (lib.sh).

# ---- track: one point too many, with and without --dry-run
msg="goat track: goat.yaml: 6 tracking points, more than goat report reads (5): nothing written; for fewer \
points, set oldBranch to a later commit (fewer changed lines) or list files in ignores, and run goat again"
refused "track over the limit" 5 "$msg" track
refused "track --dry-run over the limit" 5 "$msg" track --dry-run
refused "track -v over the limit" 0 "6 tracking points, more than goat report reads (0)" track -v

# A finer granularity is told to take a coarser one.
sed -i 's/^granularity: .*$/granularity: line/' goat.yaml
grep -q '^granularity: line$' goat.yaml || fail "test setup: granularity not set to line"
refused "track at line granularity" 1 "more than goat report reads (1): nothing written; for fewer points, \
set granularity to scope or func (now line; func places one point per changed function) or oldBranch to a \
later commit" track
sed -i 's/^granularity: .*$/granularity: scope/' goat.yaml
refused "track at scope granularity" 1 "set granularity to func (now scope;" track
git checkout -q goat.yaml

# ---- exactly the limit is written
out=$(GOAT_TEST_MAX_POINTS=6 "$faulty" track 2>&1) || fail "track at the limit: $out"
expect_contains "track at the limit" "$out" "6 tracking points"
grep -q 'TRACK_ID_6' goat/goat_generated.go || fail "the package at the limit lacks TRACK_ID_6"

# ---- patch: an insert marker makes a seventh point
sed -i 's|^\treturn a \* b$|\t// +goat:insert\n\treturn a * b|' internal/calc/calc.go
grep -q '+goat:insert' internal/calc/calc.go || fail "test setup: no insert marker"
refused "patch over the limit" 6 "goat patch: goat.yaml: 7 tracking points, more than goat report reads (6): \
nothing written; for fewer points, remove tracking blocks (a +goat:generate made +goat:delete) or \
+goat:insert markers, or run goat clean and goat track with a coarser granularity or a later oldBranch" patch
refused "patch --dry-run over the limit" 6 "7 tracking points, more than goat report reads (6)" patch --dry-run
out=$(GOAT_TEST_MAX_POINTS=7 "$faulty" patch 2>&1) || fail "patch at the limit: $out"
expect_contains "patch at the limit" "$out" "7 tracking points"
go_checks "$repo"

# ---- without a small limit, the test build is goat; the installed goat
# knows no such hook
out=$(GOAT_TEST_MAX_POINTS=abc "$faulty" patch 2>&1) || fail "a malformed limit is not the real one: $out"
"$GOAT" clean >/dev/null || fail "goat clean"
out=$(GOAT_TEST_MAX_POINTS=1 "$GOAT" track 2>&1) || fail "goat with GOAT_TEST_MAX_POINTS set: $out"
expect_contains "goat ignores GOAT_TEST_MAX_POINTS" "$out" "6 tracking points"
grep -q "GOAT_TEST_MAX_POINTS" "${GOAT_REAL:-$GOAT}" && fail "the goat binary knows the test hook"
"$GOAT" clean >/dev/null || fail "goat clean at the end"
expect_eq "git status after clean" "" "$(git status --porcelain)"

finish
